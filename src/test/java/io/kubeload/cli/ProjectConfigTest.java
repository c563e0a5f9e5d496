package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .kubeload.yaml} (--config), {@code kubeload init} and {@code --warn-only}. */
class ProjectConfigTest {

  private static final String HEAVY = "samples/manifests/telemetry-daemonset.yaml";
  private static final String WEB = "samples/manifests/web-deployment.yaml";

  @TempDir Path dir;

  @Test
  void initWritesAStarterThatAnalyzeRunsWith() throws IOException {
    CliRun init = CliRun.of("init", "--dir", dir.toString());
    assertThat(init.exitCode()).isEqualTo(ExitCode.PASS);
    assertThat(init.stderr()).isEmpty();
    Path config = dir.resolve(".kubeload.yaml");
    assertThat(Files.readString(config)).contains("kind: Config", "profile: kubeload-profile.yaml");
    assertThat(Files.readString(dir.resolve("kubeload-profile.yaml")))
        .contains("kind: ClusterProfile");

    CliRun run = CliRun.of("analyze", WEB, "--config", config.toString());
    assertThat(run.stderr()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCode.PASS);
    // The starter's reports: text on stdout, and JSON into a file beside the configuration.
    assertThat(run.stdout()).startsWith("kubeload: PASS at production (5,000 nodes");
    assertThat(Files.readString(dir.resolve(".kubeload/report.json")))
        .contains("\"verdict\" : \"pass\"");
  }

  @Test
  void initKeepsExistingFilesUnlessForced() throws IOException {
    Files.writeString(dir.resolve(".kubeload.yaml"), "mine\n");
    CliRun again = CliRun.of("init", "--dir", dir.toString());
    assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(again.stderr()).contains(".kubeload.yaml exists already");
    assertThat(Files.readString(dir.resolve(".kubeload.yaml"))).isEqualTo("mine\n");
    assertThat(dir.resolve("kubeload-profile.yaml")).doesNotExist();
    assertThat(CliRun.of("init", "--dir", dir.toString(), "--force").exitCode())
        .isEqualTo(ExitCode.PASS);
    assertThat(Files.readString(dir.resolve(".kubeload.yaml"))).contains("kind: Config");
  }

  @Test
  void theConfigurationBesideTheInputsIsFoundUpToTheRepositorysRoot() throws IOException {
    // A CI job checks the repository out into head/ and runs from the workspace above it.
    Path repository = Files.createDirectories(dir.resolve("head"));
    Files.createDirectories(repository.resolve(".git"));
    Path rendered = Files.createDirectories(repository.resolve("rendered"));
    Files.copy(Path.of(HEAVY), rendered.resolve("agent.yaml"));
    Files.writeString(
        repository.resolve(".kubeload.yaml"),
        "apiVersion: kubeload.io/v1alpha1\nkind: Config\nspec:\n  profile: staging\n");
    assertThat(CliRun.of("analyze", rendered.toString()).stdout())
        .startsWith("kubeload: PASS at staging (20 nodes");
    assertThat(CliRun.of("analyze", rendered.resolve("agent.yaml").toString()).stdout())
        .startsWith("kubeload: PASS at staging");

    // Not above the repository's root: a configuration there belongs to something else.
    Files.move(repository.resolve(".kubeload.yaml"), dir.resolve(".kubeload.yaml"));
    assertThat(CliRun.of("analyze", rendered.toString()).stdout())
        .startsWith("kubeload: FAIL at production");
  }

  @Test
  void theConfigurationSetsProfileAndFlagsWinOverIt() throws IOException {
    Path config = write("spec:\n  profile: staging\n");
    assertThat(CliRun.of("analyze", HEAVY, "--config", config.toString()).stdout())
        .startsWith("kubeload: PASS at staging (20 nodes");
    CliRun flagged =
        CliRun.of("analyze", HEAVY, "--config", config.toString(), "--profile", "production");
    assertThat(flagged.exitCode()).isEqualTo(ExitCode.FAIL);
    assertThat(flagged.stdout()).startsWith("kubeload: FAIL at production");
  }

  @Test
  void theConfigurationsBudgetsApply() throws IOException {
    // A generous egress budget and no limit on start-up 429s or memory leave only the seat budget.
    Path config =
        write(
            """
        spec:
          policy:
            budgets:
              watchBytesPerSecondPerReplica: 1e12
              requestTimeoutSeconds: 1e9
              transientListMemoryFraction: 1e6
        """);
    CliRun run = CliRun.of("analyze", HEAVY, "--config", config.toString(), "--format", "json");
    assertThat(run.stdout())
        .doesNotContain("\"rule\" : \"watch-egress\"")
        .doesNotContain("\"rule\" : \"startup-storm\"");
  }

  @Test
  void warnOnlyReportsTheFailureButExitsZero() throws IOException {
    CliRun flag = CliRun.of("analyze", HEAVY, "--warn-only");
    assertThat(flag.exitCode()).isEqualTo(ExitCode.PASS);
    assertThat(flag.stdout()).startsWith("kubeload: FAIL");
    assertThat(flag.stderr()).contains("--warn-only");
    CliRun configured =
        CliRun.of("analyze", HEAVY, "--config", write("spec:\n  warnOnly: true\n").toString());
    assertThat(configured.exitCode()).isEqualTo(ExitCode.PASS);
  }

  @Test
  void aBadConfigurationIsOneLineNamingFileAndLine() throws IOException {
    Path config = write("spec:\n  profile: staging\n  budgets: {}\n");
    CliRun run = CliRun.of("analyze", WEB, "--config", config.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr()).startsWith("kubeload: " + config + ":5: unknown key 'budgets'");
    assertThat(run.stderr().lines()).hasSize(1);

    Path format = write("spec:\n  reports:\n    - format: pdf\n");
    CliRun unknown = CliRun.of("analyze", WEB, "--config", format.toString());
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.stderr())
        .startsWith("kubeload: " + format + ":5: spec.reports[0].format: unknown format 'pdf'");
  }

  @Test
  void aMissingConfigurationIsBadInput() {
    CliRun run = CliRun.of("analyze", WEB, "--config", dir.resolve("absent.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr()).contains("absent.yaml: cannot read configuration");
  }

  private Path write(String spec) throws IOException {
    return Files.writeString(
        dir.resolve("config-" + spec.hashCode() + ".yaml"),
        "apiVersion: kubeload.io/v1alpha1\nkind: Config\n" + spec,
        StandardCharsets.UTF_8);
  }

  @Test
  void projectsThatCannotBeJudgedAreOneLineNamingTheFileAndLine() throws IOException {
    String header = "apiVersion: kubeload.io/v1alpha1\nkind: Config\nspec:\n  projects:\n";
    assertProjectError(
        header + "    - name: Web\n      paths: [a.yaml]\n",
        ":5: spec.projects[0].name must be a DNS label (lower-case letters, digits and '-'), not 'Web'");
    assertProjectError(
        header + "    - name: web\n",
        ":5: project web reads nothing: give it paths, a chart or a kustomize folder");
    assertProjectError(
        header + "    - name: web\n      paths: [a.yaml]\n      values: [v.yaml]\n",
        ":7: spec.projects[0].values goes with chart");
    assertProjectError(
        header + "    - name: web\n      paths: [a.yaml]\n    - name: web\n      paths: [b.yaml]\n",
        ":7: project web is named twice");
    assertProjectError(
        header + "    - name: web\n      paths: [a.yaml]\n      baseline: --output=/tmp/x\n",
        ":7: spec.projects[0].baseline must be a git ref (a branch, tag or commit that does not start with '-')");
  }

  @Test
  void aProjectRunsWithItsOwnProfileAndPaths() throws IOException {
    Path config = dir.resolve(".kubeload.yaml");
    Files.copy(Path.of(HEAVY), dir.resolve("agent.yaml"));
    Files.writeString(
        config,
        "apiVersion: kubeload.io/v1alpha1\nkind: Config\nspec:\n  projects:\n"
            + "    - name: heavy-staging\n      paths: [agent.yaml]\n      profile: staging\n"
            + "    - name: heavy-prod\n      paths: ["
            + dir.resolve("agent.yaml")
            + "]\n");

    CliRun run = CliRun.of("analyze", "--config", config.toString(), "--format", "findings");

    assertThat(run.stderr()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAIL);
    assertThat(run.stdout())
        .startsWith("=== project heavy-staging: PASS ===\n\nkubeload: PASS at staging")
        .contains("=== project heavy-prod: FAIL ===\n\nkubeload: FAIL at production");
  }

  @Test
  void aPathThatLeadsOutsideTheRepositoryIsOneLineAndNothingIsWritten() throws IOException {
    // The pull request brings .kubeload.yaml: none of its paths may read or write the runner's
    // files.
    Path repository = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(repository.resolve(".git"));
    Path outside = Files.createDirectories(dir.resolve("runner"));
    Path secret = Files.writeString(outside.resolve("credentials.yaml"), "token: s3cr3t\n");
    Files.createSymbolicLink(repository.resolve("linked-values.yaml"), secret);
    Files.createSymbolicLink(repository.resolve("planted-report.md"), outside.resolve("bashrc"));
    Files.createSymbolicLink(repository.resolve("linked-folder"), outside);
    Files.copy(Path.of(WEB), repository.resolve("web.yaml"));
    String header = "apiVersion: kubeload.io/v1alpha1\nkind: Config\nspec:\n";
    String project = "  projects:\n    - name: web\n";
    Path root = repository.toRealPath();

    assertOutside(
        repository,
        header + "  reports:\n    - format: text\n      output: ../runner/report.txt\n",
        ":6: spec.reports[0].output '../runner/report.txt' leads outside the repository at "
            + root);
    assertOutside(
        repository,
        header + "  reports:\n    - format: markdown\n      output: planted-report.md\n",
        ":6: spec.reports[0].output 'planted-report.md' leads outside the repository at " + root);
    assertOutside(
        repository,
        header + "  reports:\n    - format: json\n      output: linked-folder/report.json\n",
        ":6: spec.reports[0].output 'linked-folder/report.json' leads outside the repository at "
            + root);
    assertOutside(
        repository,
        header + "  profile: " + secret + "\n",
        ":4: spec.profile '" + secret + "' leads outside the repository at " + root);
    assertOutside(
        repository,
        header + "  chartCache: /\n",
        ":4: spec.chartCache '/' leads outside the repository at " + root);
    assertOutside(
        repository,
        header + project + "      paths: [web.yaml, ../runner]\n",
        ":6: spec.projects[0].paths '../runner' leads outside the repository at " + root);
    assertOutside(
        repository,
        header + project + "      chart: ../runner\n",
        ":6: spec.projects[0].chart '../runner' leads outside the repository at " + root);
    assertOutside(
        repository,
        header + project + "      chart: .\n      values: [linked-values.yaml]\n",
        ":7: spec.projects[0].values 'linked-values.yaml' leads outside the repository at " + root);
    assertOutside(
        repository,
        header + project + "      kustomize: [linked-folder]\n",
        ":6: spec.projects[0].kustomize 'linked-folder' leads outside the repository at " + root);
    assertOutside(
        repository,
        header
            + project
            + "      paths: [web.yaml]\n      profile: linked-folder/credentials.yaml\n",
        ":7: spec.projects[0].profile 'linked-folder/credentials.yaml' leads outside the repository at "
            + root);
    assertThat(outside.resolve("bashrc")).doesNotExist();
    assertThat(outside.resolve("report.txt")).doesNotExist();
    assertThat(outside.resolve("report.json")).doesNotExist();

    // Inside the repository, through a link that stays inside too, the same settings run.
    Files.createDirectories(repository.resolve("out"));
    Files.createSymbolicLink(repository.resolve("reports"), repository.resolve("out"));
    Files.writeString(
        repository.resolve(".kubeload.yaml"),
        header
            + "  reports:\n    - format: json\n      output: reports/web.json\n"
            + project
            + "      paths: [./web.yaml]\n");
    CliRun inside =
        CliRun.of("analyze", "--config", repository.resolve(".kubeload.yaml").toString());
    assertThat(inside.stderr()).isEmpty();
    assertThat(inside.exitCode()).isEqualTo(ExitCode.PASS);
    assertThat(repository.resolve("out/web.json")).exists();
  }

  private void assertOutside(Path repository, String yaml, String error) throws IOException {
    Path config = Files.writeString(repository.resolve(".kubeload.yaml"), yaml);
    CliRun run = CliRun.of("analyze", "--config", config.toString());
    assertThat(run.stderr()).isEqualTo("kubeload: " + config + error + "\n");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
  }

  private void assertProjectError(String yaml, String error) throws IOException {
    Path config = dir.resolve("projects.yaml");
    Files.writeString(config, yaml);
    CliRun run = CliRun.of("analyze", "--config", config.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr()).isEqualTo("kubeload: " + config + error + "\n");
  }
}
