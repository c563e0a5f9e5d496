package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeload.testing.Helm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --chart DIR}: a real helm renders the project's own test chart; locations name its template files. */
class ChartInputTest {

  private static final String CHART = "src/test/resources/charts/node-agent";

  private static String helm() {
    assumeTrue(Helm.binary().isPresent(), Helm.unavailableBecause());
    return Helm.binary().get().toString();
  }

  @Test
  void aRenderedChartIsJudgedAndItsFindingsNameTheTemplateOnDisk() {
    CliRun run =
        CliRun.of(
            "analyze",
            "--chart",
            CHART,
            "--helm",
            helm(),
            "--release",
            "rel",
            "--namespace",
            "agents",
            "--format",
            "json");
    assertThat(run.stderr()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAIL);
    assertThat(run.stdout())
        .contains("\"ref\" : \"DaemonSet/agents/rel-node-agent\"")
        .contains("\"template\" : \"" + CHART + "/templates/daemonset.yaml\"")
        .contains("\"scalingClass\" : \"quadratic\"");
  }

  @Test
  void valuesFilesAndSetFlagsReachHelm() {
    String helm = helm();
    CliRun filtered =
        CliRun.of(
            "analyze",
            "--chart",
            CHART,
            "--helm",
            helm,
            "-f",
            CHART + "/values-node-filtered.yaml");
    assertThat(filtered.stderr()).isEmpty();
    assertThat(filtered.exitCode()).isEqualTo(ExitCode.PASS);
    CliRun set = CliRun.of("analyze", "--chart", CHART, "--helm", helm, "--set", "nodeFilter=true");
    assertThat(set.exitCode()).isEqualTo(ExitCode.PASS);
    assertThat(set.stdout()).isEqualTo(filtered.stdout());
  }

  @Test
  void aChartThatFailsToRenderIsOneLineOfHelmsError() {
    CliRun run = CliRun.of("analyze", "--chart", CHART, "--helm", helm(), "--set", "image=");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .startsWith(
            "kubeload: helm template "
                + CHART
                + " failed: Error: execution error at (node-agent/templates/daemonset.yaml")
        .contains("image is required");
    assertThat(run.stderr().lines()).hasSize(1);
  }

  @Test
  void withoutHelmTheErrorSaysWhatToInstall() {
    CliRun run =
        CliRun.of(
            "analyze", "--chart", CHART, "--helm", Path.of("target", "no-such-helm").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .startsWith("kubeload: --chart needs helm 3: cannot run 'target/no-such-helm'")
        .endsWith("install helm or name it with --helm FILE\n");
  }

  @Test
  void chartFlagsWithoutAChartAreAUsageError() {
    CliRun run = CliRun.of("analyze", "samples/manifests/web-deployment.yaml", "--set", "a=b");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr()).isEqualTo("kubeload: -f and --set go with --chart DIR\n");
  }

  @Test
  void noPathsAndNoChartIsAUsageError() {
    CliRun run = CliRun.of("analyze");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .isEqualTo(
            "kubeload: name the manifests to analyse: PATH..., - for stdin, --chart DIR, --kustomize DIR, "
                + "or projects in .kubeload.yaml\n");
  }
}
