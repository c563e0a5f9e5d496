package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain WORKLOAD}: the workload as a user writes it, Kind/namespace/name or Kind/name, in any case. */
class ExplainCommandTest {

  private static final String WEB = "samples/manifests/web-deployment.yaml";

  @Test
  void kindAndNameInAnyCaseFindTheWorkloadItsFullReferenceFinds() {
    CliRun full = CliRun.of("explain", "Deployment/shop/shop-web", WEB);
    CliRun written = CliRun.of("explain", "deployment/SHOP-WEB", WEB);

    assertThat(full.exitCode()).as(full.stderr()).isIn(ExitCode.PASS, ExitCode.FAIL);
    assertThat(written.exitCode()).isEqualTo(full.exitCode());
    assertThat(written.stdout()).isEqualTo(full.stdout()).contains("Deployment/shop/shop-web");
  }

  @Test
  void kindAndNameThatTwoNamespacesShareAskForTheNamespace(@TempDir Path dir) throws IOException {
    String web = Files.readString(Path.of(WEB));
    Path other =
        Files.writeString(
            dir.resolve("other.yaml"), web.replace("namespace: shop", "namespace: other"));

    CliRun run = CliRun.of("explain", "Deployment/shop-web", WEB, other.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .contains("more than one workload matches Deployment/shop-web")
        .contains("Deployment/other/shop-web, Deployment/shop/shop-web");
  }

  /** Two workloads alike but for their names: one roll-out simulation, the same figures for both. */
  @Test
  void aWorkloadAlikeInWhatTheSimulationReadsSharesItsRollOut(@TempDir Path dir)
      throws IOException {
    String agent = "samples/manifests/telemetry-daemonset-fixed.yaml";
    String yaml = Files.readString(Path.of(agent));
    Path other =
        Files.writeString(
            dir.resolve("other.yaml"),
            yaml.replace("namespace: telemetry", "namespace: other")
                .replace("node-telemetry", "node-agent"));

    CliRun alone = CliRun.of("explain", "DaemonSet/telemetry/node-telemetry", agent);
    CliRun first =
        CliRun.of("explain", "DaemonSet/telemetry/node-telemetry", agent, other.toString());
    CliRun second = CliRun.of("explain", "DaemonSet/other/node-agent", agent, other.toString());

    assertThat(alone.stdout())
        .contains("simulated for this workload alone")
        .doesNotContain("simulated once for");
    assertThat(first.stdout())
        .as(first.stderr())
        .contains("simulated once for the 2 workloads of this shape");
    assertThat(rollout(second.stdout())).isEqualTo(rollout(first.stdout()));
    assertThat(rollout(first.stdout())).isEqualTo(rollout(alone.stdout()));
  }

  /** The SIMULATED ROLL-OUT section of an explanation, without its line on who shares it. */
  private static String rollout(String explained) {
    String section = explained.substring(explained.indexOf("SIMULATED ROLL-OUT"));
    section = section.substring(0, section.indexOf("\n\n"));
    return section.substring(0, section.indexOf("  run "));
  }
}
