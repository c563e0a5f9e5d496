package io.kubeload.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeload.testing.ActionRunner;
import io.kubeload.testing.ActionRunner.JobRun;
import io.kubeload.testing.ActionRunner.UsesCall;
import io.kubeload.testing.ActionRunner.UsesResult;
import io.kubeload.testing.Folders;
import io.kubeload.testing.Helm;
import io.kubeload.testing.InputsRepository;
import io.kubeload.testing.Kustomize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Action ({@code action.yml}) as another repository's pull request runs it: the action checked out
 * in a folder of its own outside the workspace, the repository checked out into {@code head/} with
 * its chart under {@code charts/} and its {@code .kubeload.yaml}, every {@code run:} step under the
 * runner's own shell options ({@link ActionRunner}), and the actions it uses emulated: setup-java's
 * cache hashing only files inside the workspace, github-script's script run by node against a
 * recording client, upload-sarif reading the file it is given. In the integration-test phase: the
 * action runs the packaged jar.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ActionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private Path workspace;
  private Path action;

  @BeforeEach
  void layOut() throws IOException {
    action = Files.createDirectories(temp.resolve("_actions/kubeload/kubeload/v1"));
    Files.copy(Path.of("action.yml"), action.resolve("action.yml"));
    Files.copy(Path.of("kubeload"), action.resolve("kubeload"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createDirectories(action.resolve("target"));
    Files.copy(Path.of("target/kubeload-all.jar"), action.resolve("target/kubeload-all.jar"));
    // As in the action's checkout: the samples a class cache would be trained on.
    Folders.copyTree(Path.of("samples/manifests"), action.resolve("samples/manifests"));
    workspace = Files.createDirectories(temp.resolve("work/app/app"));
    Path repository = Files.createDirectories(workspace.resolve("head"));
    Files.createDirectories(repository.resolve(".git"));
    Folders.copyTree(Path.of("src/test/resources/ci/my-app"), repository.resolve("charts/my-app"));
    // The repository's settings: found beside the chart although the job runs in the workspace.
    Files.writeString(
        repository.resolve(".kubeload.yaml"),
        """
        apiVersion: kubeload.io/v1alpha1
        kind: Config
        spec:
          nodes: 4000
        """);
  }

  @Test
  void aFailingPullRequestGetsItsCommentSummaryVerdictAndSarifThenFailsTheJob() throws Exception {
    JobRun run =
        runner().run(Map.of("args", "--chart head/charts/my-app --set rbac.clusterWide=true"));

    assertThat(run.outputs()).as(run.logs()).containsEntry("verdict", "fail");
    assertThat(run.summary()).contains("FAIL").contains("4,000 nodes").contains("release-agent");
    assertThat(postedComment(run))
        .startsWith("<!-- kubeload -->\n")
        .contains("FAIL")
        .contains("release-agent");
    assertSarifUploaded(run);
    assertThat(run.steps().get(run.steps().size() - 1).outcome()).isEqualTo("failure");
    assertThat(run.failed()).isTrue();
  }

  @Test
  void aPassingPullRequestGetsTheSameAndPasses() throws Exception {
    JobRun run = runner().run(Map.of("args", "--chart head/charts/my-app"));

    assertThat(run.outputs()).as(run.logs()).containsEntry("verdict", "pass");
    assertThat(run.summary()).contains("PASS").contains("4,000 nodes");
    assertThat(postedComment(run)).startsWith("<!-- kubeload -->\n").contains("PASS");
    assertSarifUploaded(run);
    assertThat(run.failed()).as(run.logs()).isFalse();
    // One run per job: no class cache trained for it (the runner's home holds the user's cache).
    assertThat(temp.resolve("runner-temp/home/.cache/kubeload")).doesNotExist();
  }

  @Test
  void warnOnlyReportsTheFailureAndPassesTheJob() throws Exception {
    JobRun run =
        runner()
            .run(
                Map.of(
                    "args",
                    "--chart head/charts/my-app --set rbac.clusterWide=true",
                    "warn-only",
                    "true"));

    assertThat(run.outputs()).as(run.logs()).containsEntry("verdict", "fail");
    assertThat(postedComment(run)).contains("FAIL");
    assertThat(run.failed()).as(run.logs()).isFalse();
  }

  @Test
  void inputItCannotReadFailsTheJobWithTheErrorInTheSummaryAndComment() throws Exception {
    JobRun run = runner().run(Map.of("paths", "head/rendered.yaml"));

    assertThat(run.outputs().get("verdict")).isEmpty();
    assertThat(run.summary()).contains("could not analyse").contains("head/rendered.yaml");
    assertThat(postedComment(run)).contains("could not analyse").contains("head/rendered.yaml");
    assertThat(run.callsTo("github/codeql-action/upload-sarif@")).isEmpty();
    assertThat(run.failed()).isTrue();
  }

  @Test
  void theWorkingDirectoryAndConfigInputsPlaceTheRun() throws Exception {
    Files.writeString(
        workspace.resolve("elsewhere.yaml"),
        """
        apiVersion: kubeload.io/v1alpha1
        kind: Config
        spec:
          nodes: 3000
        """);
    JobRun run =
        runner()
            .run(
                Map.of(
                    "working-directory",
                    "head",
                    "args",
                    "--chart charts/my-app",
                    "config",
                    "../elsewhere.yaml"));

    assertThat(run.outputs()).as(run.logs()).containsEntry("verdict", "pass");
    assertThat(run.summary()).contains("3,000 nodes");
    assertThat(run.callsTo("github/codeql-action/upload-sarif@").get(0).with().get("sarif_file"))
        .isEqualTo(workspace.resolve("head/kubeload.sarif").toString());
  }

  @Test
  void noCommentOutsideAPullRequest() throws Exception {
    JobRun run = runner().event("push").run(Map.of("args", "--chart head/charts/my-app"));

    assertThat(run.outputs()).as(run.logs()).containsEntry("verdict", "pass");
    assertThat(run.callsTo("actions/github-script@")).isEmpty();
    assertThat(run.summary()).contains("PASS");
  }

  @Test
  void aRepositoryOfProjectsGetsOneCommentWithASectionPerProject() throws Exception {
    assumeTrue(Kustomize.binary().isPresent(), Kustomize.unavailableBecause());
    Path repository = InputsRepository.create(workspace.resolve("monorepo"));
    JobRun run =
        runner()
            .env(
                "PATH",
                Kustomize.binary().get().getParent()
                    + ":"
                    + Helm.binary().get().getParent()
                    + ":"
                    + System.getenv("PATH"))
            .run(Map.of("working-directory", workspace.relativize(repository).toString()));

    assertThat(run.outputs()).as(run.logs()).containsEntry("verdict", "fail");
    String comment = postedComment(run);
    assertThat(comment).startsWith("<!-- kubeload -->\n");
    for (String project : List.of("eu", "us", "fleet", "web-staging", "web-prod", "argo")) {
      assertThat(comment).containsOnlyOnce("## Project `" + project + "`: ");
    }
    assertThat(run.callsTo("actions/github-script@")).hasSize(1);
    assertSarifUploaded(run);
    assertThat(run.failed()).isTrue();
  }

  @Test
  void projectAndChangedSinceChooseTheProjects() throws Exception {
    assumeTrue(Kustomize.binary().isPresent(), Kustomize.unavailableBecause());
    Path repository = InputsRepository.create(workspace.resolve("monorepo"));
    Files.writeString(repository.resolve("charts/web/values-staging.yaml"), "replicas: 3\n");
    JobRun run =
        runner()
            .env(
                "PATH",
                Kustomize.binary().get().getParent()
                    + ":"
                    + Helm.binary().get().getParent()
                    + ":"
                    + System.getenv("PATH"))
            .run(
                Map.of(
                    "working-directory",
                    workspace.relativize(repository).toString(),
                    "project",
                    "web-staging web-prod eu",
                    "changed-since",
                    "HEAD"));

    assertThat(run.outputs()).as(run.logs()).containsEntry("verdict", "pass");
    assertThat(postedComment(run))
        .contains("## Project `web-staging`: PASS")
        .contains("## Project `web-prod`: PASS")
        .doesNotContain("## Project `eu`")
        .contains("Skipped, no input changed: eu");
    assertThat(run.failed()).isFalse();
  }

  private ActionRunner runner() throws IOException {
    assumeTrue(Helm.binary().isPresent(), Helm.unavailableBecause());
    Path runnerTemp = Files.createDirectories(temp.resolve("runner-temp"));
    return new ActionRunner(action, workspace, runnerTemp)
        .env("PATH", Helm.binary().get().getParent() + ":" + System.getenv("PATH"))
        .emulate("actions/setup-java@", ActionTest::setupJava)
        .emulate("actions/github-script@", call -> githubScript(call, runnerTemp))
        .emulate("github/codeql-action/upload-sarif@", ActionTest::uploadSarif);
  }

  /**
   * setup-java's Maven cache keys on {@code hashFiles(cache-dependency-path)}, which only matches
   * files inside the workspace: no match stops the step, as on GitHub.
   */
  private static UsesResult setupJava(UsesCall call) throws IOException {
    if (!call.with().containsKey("java-version") || !call.with().containsKey("distribution")) {
      return UsesResult.failed("java-version and distribution are required");
    }
    if (call.with().containsKey("cache")) {
      String pattern = call.with().getOrDefault("cache-dependency-path", "**/pom.xml");
      if (hashFiles(call.workspace(), pattern).isEmpty()) {
        return UsesResult.failed(
            "No file in "
                + call.workspace()
                + " matched to ["
                + pattern
                + "], make sure you have checked out the target repository");
      }
    }
    return UsesResult.ok();
  }

  private static List<Path> hashFiles(Path workspace, String pattern) throws IOException {
    Path absolute = workspace.resolve(pattern).normalize();
    if (!absolute.startsWith(workspace)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
    try (Stream<Path> files = Files.walk(workspace)) {
      return files.filter(Files::isRegularFile).filter(matcher::matches).toList();
    }
  }

  /** The script run by node with github-script's {@code github} and {@code context}, recording what it posts. */
  private static UsesResult githubScript(UsesCall call, Path runnerTemp) throws IOException {
    Path recorded = runnerTemp.resolve("github-script-calls.json");
    Path script = runnerTemp.resolve("github-script.js");
    Files.writeString(
        script,
        """
        const fs = require('fs');
        const calls = [];
        const context = { repo: { owner: 'octo', repo: 'app' }, payload: { pull_request: { number: 7 } } };
        const existing = [{ id: 1, body: 'LGTM' }];
        const github = {
          paginate: async (method, args) => (await method(args)).data,
          rest: { issues: {
            listComments: async (args) => { calls.push({ list: args }); return { data: existing }; },
            updateComment: async (args) => { calls.push({ update: args }); },
            createComment: async (args) => { calls.push({ create: args }); },
          } },
        };
        (async () => {
        %s
        })().then(() => fs.writeFileSync(%s, JSON.stringify(calls)), (e) => { console.error(e); process.exit(1); });
        """
            .formatted(call.with().get("script"), JSON.writeValueAsString(recorded.toString())));
    ProcessBuilder node = new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
    node.environment().putAll(call.env());
    Process process;
    try {
      process = node.start();
    } catch (IOException e) {
      return UsesResult.failed("node is not installed: " + e.getMessage());
    }
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      process.waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return UsesResult.failed("interrupted");
    }
    return process.exitValue() == 0 ? UsesResult.ok() : UsesResult.failed(log);
  }

  private static UsesResult uploadSarif(UsesCall call) throws IOException {
    Path file = call.workspace().resolve(call.with().getOrDefault("sarif_file", ""));
    if (!Files.isRegularFile(file)) {
      return UsesResult.failed("Path does not exist: " + file);
    }
    return JSON.readTree(file.toFile()).has("runs")
        ? UsesResult.ok()
        : UsesResult.failed("not SARIF: " + file);
  }

  private String postedComment(JobRun run) throws IOException {
    assertThat(run.callsTo("actions/github-script@")).as(run.logs()).hasSize(1);
    JsonNode calls = JSON.readTree(temp.resolve("runner-temp/github-script-calls.json").toFile());
    JsonNode created = calls.get(calls.size() - 1).get("create");
    assertThat(created).as(calls.toString()).isNotNull();
    assertThat(created.get("issue_number").asInt()).isEqualTo(7);
    return created.get("body").asText();
  }

  private void assertSarifUploaded(JobRun run) throws IOException {
    List<UsesCall> uploads = run.callsTo("github/codeql-action/upload-sarif@");
    assertThat(uploads).as(run.logs()).hasSize(1);
    Path sarif = Path.of(uploads.get(0).with().get("sarif_file"));
    assertThat(sarif).startsWith(workspace);
    assertThat(JSON.readTree(sarif.toFile()).get("runs")).isNotEmpty();
    assertThat(
            run.steps().stream()
                .filter(s -> s.outcome().equals("failure") && s.continueOnError())
                .toList())
        .as(run.logs())
        .isEmpty();
  }
}
