package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeload.testing.Helm;
import io.kubeload.testing.InputsRepository;
import io.kubeload.testing.Kustomize;
import io.kubeload.testing.SarifMultitool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when" of docs/inputs-projects.md: one repository (a base with two overlays, a chart with
 * two environments, an Argo CD Application) judged in one run from its {@code .kubeload.yaml}, with
 * the real helm and kustomize; every finding names a file of the repository, and every report
 * format groups by project.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ProjectsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PROJECTS =
      List.of("eu", "us", "fleet", "web-staging", "web-prod", "argo");

  @TempDir Path temp;

  private Path repository;

  @BeforeEach
  void repository() throws IOException, InterruptedException {
    assumeTrue(Helm.binary().isPresent(), Helm.unavailableBecause());
    assumeTrue(Kustomize.binary().isPresent(), Kustomize.unavailableBecause());
    repository = InputsRepository.create(temp);
  }

  private CliRun analyze(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "analyze",
                "--config",
                repository.resolve(".kubeload.yaml").toString(),
                "--helm",
                Helm.binary().get().toString(),
                "--kustomize-binary",
                Kustomize.binary().get().toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void everyProjectIsJudgedInOneRunAndEveryFindingNamesAFileOfTheRepository() throws Exception {
    Path json = temp.resolve("report.json");
    Path sarif = temp.resolve("report.sarif");
    Path markdown = temp.resolve("comment.md");
    CliRun run =
        analyze(
            "--format",
            "json",
            "--output",
            json.toString(),
            "--format",
            "sarif",
            "--output",
            sarif.toString(),
            "--format",
            "markdown",
            "--output",
            markdown.toString());

    assertThat(run.stderr()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAIL);
    JsonNode report = JSON.readTree(json.toFile());
    List<String> names = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (JsonNode project : report.get("projects")) {
      names.add(project.get("name").asText());
      for (JsonNode finding : project.at("/report/findings")) {
        files.add(finding.at("/location/template").asText());
      }
    }
    assertThat(names).isEqualTo(PROJECTS);
    assertThat(report.get("verdict").asText()).isEqualTo("fail");
    // The base the overlays share, and the chart template the Argo CD Application renders.
    assertThat(files)
        .contains("base/node-agent.yaml", "charts/web/templates/deployment.yaml")
        .allSatisfy(file -> assertThat(repository.resolve(file)).isRegularFile());
    assertThat(verdicts(report)).containsExactly("fail", "fail", "fail", "pass", "pass", "fail");
    // The overlays share the base's DaemonSet: in the project holding both it is one workload.
    assertThat(project(report, "fleet").at("/report/workloads").findValuesAsText("ref"))
        .containsExactly(
            "DaemonSet/agents/node-agent", "Deployment/shop/shop-eu", "Deployment/shop/shop-us");
    assertThat(project(report, "web-staging").at("/report/profile/name").asText())
        .isEqualTo("staging");

    Set<String> sarifProjects = new HashSet<>();
    for (JsonNode result : JSON.readTree(sarif.toFile()).at("/runs/0/results")) {
      sarifProjects.add(result.at("/properties/project").asText());
      assertThat(result.at("/message/text").asText())
          .startsWith("project " + result.at("/properties/project").asText() + ": ");
      for (JsonNode uri : result.get("locations").findValues("uri")) {
        assertThat(repository.resolve(uri.asText())).as(uri.asText()).isRegularFile();
      }
    }
    assertThat(sarifProjects).containsExactlyInAnyOrder("eu", "us", "fleet", "argo");
    assumeTrue(SarifMultitool.binary().isPresent(), SarifMultitool.unavailableBecause());
    assertThat(SarifMultitool.problems(sarif, temp)).isEmpty();

    String comment = Files.readString(markdown);
    for (String name : PROJECTS) {
      assertThat(comment).contains("## Project `" + name + "`: ");
    }
  }

  @Test
  void projectChoosesOneAndItsExitCodeIsItsOwn() {
    CliRun run = analyze("--project", "web-staging");

    assertThat(run.stderr()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCode.PASS);
    assertThat(run.stdout())
        .startsWith("=== project web-staging: PASS ===")
        .doesNotContain("project eu");
  }

  @Test
  void anUnknownProjectIsAUsageErrorNamingTheKnownOnes() {
    CliRun run = analyze("--project", "nope");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .isEqualTo(
            "kubeload: --project nope: no such project in .kubeload.yaml (eu, us, fleet, web-staging, "
                + "web-prod, argo)\n");
  }

  @Test
  void changedSinceJudgesOnlyTheProjectsWhoseInputsChangedAndNamesTheSkipped() throws Exception {
    Files.writeString(
        repository.resolve("base/node-agent.yaml"),
        Files.readString(repository.resolve("base/node-agent.yaml"))
            .replace("node-agent:1.0.0", "node-agent:1.1.0"));

    CliRun run = analyze("--changed-since", "HEAD", "--format", "json");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.FAIL);
    // Both overlays build on the base: a change there changes them, and the project holding both.
    List<String> judged = new ArrayList<>();
    JSON.readTree(run.stdout()).get("projects").forEach(p -> judged.add(p.get("name").asText()));
    assertThat(judged).containsExactly("eu", "us", "fleet");
    assertThat(JSON.readTree(run.stdout()).get("skipped")).hasSize(3);
    assertThat(run.stderr())
        .isEqualTo(
            """
        kubeload: skipped project web-staging: no input changed since HEAD
        kubeload: skipped project web-prod: no input changed since HEAD
        kubeload: skipped project argo: no input changed since HEAD
        """);
  }

  @Test
  void everyFormatButTheAnnotationsNamesTheProjectsSkippedAsUnchanged() throws Exception {
    Path sarif = temp.resolve("skipped.sarif");
    Path junit = temp.resolve("skipped.xml");
    Path html = temp.resolve("skipped.html");
    CliRun run =
        analyze(
            "--changed-since",
            "HEAD",
            "--format",
            "sarif",
            "--output",
            sarif.toString(),
            "--format",
            "junit",
            "--output",
            junit.toString(),
            "--format",
            "html",
            "--output",
            html.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.PASS);
    List<String> inSarif = new ArrayList<>();
    JSON.readTree(sarif.toFile())
        .at("/runs/0/properties/skippedProjects")
        .forEach(n -> inSarif.add(n.asText()));
    assertThat(inSarif).containsExactlyElementsOf(PROJECTS);
    if (SarifMultitool.binary().isPresent()) {
      assertThat(SarifMultitool.problems(sarif, temp)).isEmpty();
    }
    var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    var root = document.getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(PROJECTS.size()));
    assertThat(root.getAttribute("skipped")).isEqualTo(String.valueOf(PROJECTS.size()));
    assertThat(document.getElementsByTagName("skipped").getLength()).isEqualTo(PROJECTS.size());
    assertThat(Files.readString(html))
        .contains(
            "<p class=\"skipped\">Skipped, no input changed: "
                + String.join(", ", PROJECTS)
                + "</p>");
  }

  @Test
  void aRefThatGitWouldTakeAsAnOptionIsRefused() {
    // git diff's -O names a file it reads; picocli already refuses values that look like kubeload's
    // own options.
    CliRun run = analyze("--changed-since=-Oorder");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .isEqualTo(
            "kubeload: '-Oorder' is not a git ref (a branch, tag or commit that does not start with '-')\n");
  }

  @Test
  void aBaselineRefJudgesTheChangeAgainstTheProjectAsItWasThere() throws Exception {
    Path config = repository.resolve(".kubeload.yaml");
    Files.writeString(
        config,
        Files.readString(config)
            .replace(
                "      profile: production\n",
                "      profile: production\n      baseline: HEAD\n"));
    Files.writeString(
        repository.resolve("charts/web/values-prod.yaml"), "replicas: 40\nwatchAllPods: true\n");

    CliRun run = analyze("--project", "web-prod");

    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout())
        .contains("against the baseline: 0 added, 1 changed, 0 unchanged, 0 removed")
        .contains("Deployment/web/web-web: RBAC: + list,watch pods (cluster) as informer")
        .doesNotContain("kubeload-baseline");
  }

  @Test
  void theJunitAndHtmlReportsHoldEveryProject() throws Exception {
    CliRun junit = analyze("--format", "junit");
    var suites =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new java.io.ByteArrayInputStream(
                    junit.stdout().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .getElementsByTagName("testsuite");
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < suites.getLength(); i++) {
      String name = suites.item(i).getAttributes().getNamedItem("name").getNodeValue();
      prefixes.add(name.substring(0, name.indexOf(':')));
    }
    assertThat(prefixes).containsExactlyInAnyOrderElementsOf(PROJECTS);

    String html = analyze("--format", "html").stdout();
    for (String name : PROJECTS) {
      assertThat(html).contains("<section id=\"project-" + name + "\">");
    }
    assertThat(html).containsOnlyOnce("<body>").containsOnlyOnce("</body>");
  }

  @Test
  void inputsOnTheCommandLineAndProjectsDoNotMix() {
    CliRun run = analyze("samples/manifests/web-deployment.yaml", "--project", "eu");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .startsWith("kubeload: --project chooses among the projects of .kubeload.yaml");
  }

  private static List<String> verdicts(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.get("projects").forEach(p -> out.add(p.at("/report/verdict").asText()));
    return out;
  }

  private static JsonNode project(JsonNode report, String name) {
    for (JsonNode project : report.get("projects")) {
      if (project.get("name").asText().equals(name)) {
        return project;
      }
    }
    throw new AssertionError("no project " + name);
  }
}
