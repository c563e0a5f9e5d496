package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Before → after only where there is a before: a baseline. */
class ReportTablesTest {

  @Test
  void withoutABaselineEachFigureIsPrintedOnce() {
    for (String format : new String[] {"markdown", "html"}) {
      CliRun run =
          CliRun.of("analyze", "samples/manifests/telemetry-daemonset.yaml", "--format", format);
      assertThat(run.stdout())
          .as(format)
          .contains("5,000")
          .doesNotContain("— →")
          .doesNotContain("&mdash; →");
    }
  }

  @Test
  void withABaselineAnAddedWorkloadHasNoBefore() {
    CliRun run =
        CliRun.of(
            "analyze",
            "samples/manifests/telemetry-daemonset.yaml",
            "samples/manifests/web-deployment.yaml",
            "--baseline",
            "samples/manifests/web-deployment.yaml",
            "--format",
            "markdown");
    assertThat(run.stdout())
        .contains("| `DaemonSet/telemetry/node-telemetry` | added | — → 5,000 |");
  }
}
