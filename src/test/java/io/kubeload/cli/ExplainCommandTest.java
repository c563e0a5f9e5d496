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
}
