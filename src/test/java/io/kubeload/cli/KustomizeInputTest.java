package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeload.testing.InputsRepository;
import io.kubeload.testing.Kustomize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kustomizations built by the real kustomize (or kubectl): findings name the base or overlay file and its line. */
class KustomizeInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OVERLAYS = InputsRepository.FIXTURE + "/overlays/";

  @TempDir Path temp;

  private static String kustomize() {
    assumeTrue(Kustomize.binary().isPresent(), Kustomize.unavailableBecause());
    return Kustomize.binary().get().toString();
  }

  @Test
  void anOverlayFolderIsBuiltAndItsFindingsNameTheBaseFileAndTheLineOfTheObject() throws Exception {
    CliRun run =
        CliRun.of(
            "analyze", OVERLAYS + "eu", "--kustomize-binary", kustomize(), "--format", "json");

    assertThat(run.stderr()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAIL);
    JsonNode agent =
        GitOpsInputTest.workload(JSON.readTree(run.stdout()), "DaemonSet/agents/node-agent");
    assertThat(agent.at("/location/template").asText())
        .isEqualTo(InputsRepository.FIXTURE + "/base/node-agent.yaml");
    // The line that writes the DaemonSet's kind, after the file's comment.
    assertThat(agent.at("/location/templateLine").asInt(agent.at("/location/line").asInt()))
        .isPositive();
    assertThat(
            GitOpsInputTest.workload(JSON.readTree(run.stdout()), "Deployment/shop/shop-eu")
                .at("/location/template")
                .asText())
        .isEqualTo(OVERLAYS + "eu/shop.yaml");
    assertThat(run.stdout()).doesNotContain("config.kubernetes.io/origin").doesNotContain("/tmp/");
  }

  @Test
  void theGithubAnnotationPointsAtTheBaseLine() {
    CliRun run =
        CliRun.of(
            "analyze",
            "--kustomize",
            OVERLAYS + "us",
            "--kustomize-binary",
            kustomize(),
            "--format",
            "github");

    assertThat(run.stdout())
        .contains("file=" + InputsRepository.FIXTURE + "/base/node-agent.yaml,line=3");
  }

  @Test
  void twoOverlaysOverOneBaseJudgeItsObjectsOnce() throws Exception {
    CliRun run =
        CliRun.of(
            "analyze",
            OVERLAYS + "eu",
            OVERLAYS + "us",
            "--kustomize-binary",
            kustomize(),
            "--format",
            "json");

    assertThat(run.stderr()).isEmpty();
    List<String> refs = new ArrayList<>();
    JSON.readTree(run.stdout()).get("workloads").forEach(w -> refs.add(w.get("ref").asText()));
    assertThat(refs)
        .containsExactly(
            "DaemonSet/agents/node-agent", "Deployment/shop/shop-eu", "Deployment/shop/shop-us");
  }

  @Test
  void aFolderNameThatIsYamlSyntaxIsBuiltAsThatFolder() throws Exception {
    Path app = Files.createDirectories(temp.resolve("app #1: x"));
    Files.writeString(app.resolve("kustomization.yaml"), "resources:\n  - web.yaml\n");
    Files.writeString(
        app.resolve("web.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: web:1}]
        """);

    CliRun run =
        CliRun.of("analyze", app.toString(), "--kustomize-binary", kustomize(), "--format", "json");

    assertThat(run.stderr()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCode.PASS);
    assertThat(
            GitOpsInputTest.workload(JSON.readTree(run.stdout()), "Deployment/shop/web")
                .at("/location/template")
                .asText())
        .endsWith("app #1: x/web.yaml");
  }

  @Test
  void aMissingBinaryIsOneLineNamingWhatToInstall() {
    CliRun run =
        CliRun.of(
            "analyze",
            OVERLAYS + "eu",
            "--kustomize-binary",
            Path.of("target", "no-such-kustomize").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .startsWith(
            "kubeload: kustomization "
                + OVERLAYS
                + "eu needs kustomize: cannot run 'target/no-such-kustomize'")
        .endsWith(
            "install kustomize (or kubectl, which has it built in) or name it with --kustomize-binary FILE\n");
    assertThat(run.stderr().lines()).hasSize(1);
  }

  @Test
  void aRemoteBaseIsOneLineNamingTheKustomizationAndLine() throws Exception {
    Path overlay = Files.createDirectories(temp.resolve("overlay"));
    Files.writeString(
        overlay.resolve("kustomization.yaml"),
        "resources:\n  - deployment.yaml\n  - https://github.com/example/base?ref=v1\n");

    CliRun run = CliRun.of("analyze", overlay.toString(), "--kustomize-binary", kustomize());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .isEqualTo(
            "kubeload: "
                + overlay.resolve("kustomization.yaml")
                + ":3: 'https://github.com/example/base?ref=v1' "
                + "is a remote base kustomize would fetch; vendor it into the repository and name the local copy (analyze never touches the network)\n");
  }

  @Test
  void aFolderWithoutAKustomizationIsAUsageError() {
    CliRun run = CliRun.of("analyze", "--kustomize", "samples/manifests");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .isEqualTo(
            "kubeload: --kustomize samples/manifests: no kustomization.yaml in that folder\n");
  }
}
