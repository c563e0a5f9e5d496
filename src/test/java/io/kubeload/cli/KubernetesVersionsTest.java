package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every version of the current line is accepted; one the model does not know yet is judged as the newest it does, and said so. */
class KubernetesVersionsTest {

  private static final String SAMPLE = "samples/manifests/telemetry-daemonset-fixed.yaml";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.27", "1.34", "1.35", "1.36", "1.37"})
  void aModelledVersionIsAnalysedWithoutAWarning(String version) {
    CliRun run = CliRun.of("analyze", SAMPLE, "--kubernetes-version", version);
    assertThat(run.exitCode()).isEqualTo(ExitCode.PASS);
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout())
        .startsWith(
            "kubeload: PASS at production (5,000 nodes, 30 pods/node, Kubernetes "
                + version
                + ", ");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.38", "1.39"})
  void aVersionNewerThanTheModelIsJudgedAsTheNewestItKnowsWithAWarningNeverExit2(String version) {
    CliRun run = CliRun.of("analyze", SAMPLE, "--kubernetes-version", version);
    assertThat(run.exitCode()).isEqualTo(ExitCode.PASS);
    assertThat(run.stderr())
        .isEqualTo(
            "kubeload: warning: Kubernetes "
                + version
                + "'s changes are not modelled yet; it is judged as 1.37, the newest the model knows\n");
    assertThat(run.stdout())
        .contains(
            "Kubernetes " + version + " (judged as 1.37, whose changes are the newest modelled)");
    CliRun json = CliRun.of("analyze", SAMPLE, "--kubernetes-version", version, "--format", "json");
    assertThat(json.stdout())
        .contains("\"version\" : \"" + version + "\"", "\"modelledVersion\" : \"1.37\"");
  }
}
