package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeload.testing.Folders;
import io.kubeload.testing.Helm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small mistakes get one line that says what was meant, exit 2. */
class SuggestionsTest {

  private static final String WEB = "samples/manifests/web-deployment.yaml";

  @TempDir Path dir;

  private static void assertUsage(CliRun run, String... fragments) {
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr().lines().toList()).hasSize(1);
    assertThat(run.stderr())
        .startsWith("kubeload: ")
        .doesNotContain("Exception")
        .contains(fragments);
  }

  @Test
  void aMistypedSubcommandOrOptionNamesTheNearestOne() {
    assertUsage(CliRun.of("analyse", WEB), "'analyse'", "(did you mean analyze?)");
    assertUsage(CliRun.of("prfile", "list"), "(did you mean profile?)");
    assertUsage(
        CliRun.of("analyze", WEB, "--formt", "json"), "'--formt'", "(did you mean --format?)");
    assertUsage(CliRun.of("analyze", WEB, "--baselin=x.yaml"), "(did you mean --baseline?)");
    assertThat(CliRun.of("analyze", WEB, "--zzzzzzzz").stderr()).doesNotContain("did you mean");
  }

  @Test
  void aMistypedCatalogEntryNamesTheNearestOne() {
    assertUsage(
        CliRun.of("catalog", "show", "fluentbit"),
        "no catalog entry 'fluentbit' (did you mean fluent-bit?)");
  }

  @Test
  void aMistypedIgnoreRuleIsAnErrorNamingTheRule() throws IOException {
    String web = Files.readString(Path.of(WEB));
    Path file =
        Files.writeString(
            dir.resolve("web.yaml"),
            web.replaceFirst(
                "(?m)^kind: Deployment\nmetadata:\n",
                "kind: Deployment\nmetadata:\n  annotations:\n    kubeload.io/ignore: watch-egres=reviewed\n"));
    assertUsage(
        CliRun.of("analyze", file.toString()),
        file + ":",
        "kubeload.io/ignore: no rule 'watch-egres' (did you mean watch-egress?)");
  }

  @Test
  void explainWithTheFileFirstSaysTheOrder() {
    assertUsage(
        CliRun.of("explain", WEB, "Deployment/shop/shop-web"),
        "explain takes the workload first, then the manifests: kubeload explain Deployment/shop/shop-web "
            + WEB);
  }

  @Test
  void aChartFolderNamedAsManifestsSaysToUseChart() throws IOException {
    Path chart = Files.createDirectories(dir.resolve("my-app/templates"));
    Files.writeString(
        chart.getParent().resolve("Chart.yaml"), "apiVersion: v2\nname: my-app\nversion: 0.1.0\n");
    for (String given :
        List.of(chart.getParent().toString(), chart.getParent().resolve("Chart.yaml").toString())) {
      assertUsage(
          CliRun.of("analyze", given),
          "this is a Helm chart: analyse it with --chart " + chart.getParent());
    }
  }

  @Test
  void aPackagedChartRendersWithChart() throws Exception {
    assumeTrue(Helm.binary().isPresent(), Helm.unavailableBecause());
    Path chart = dir.resolve("my-app");
    Folders.copyTree(Path.of("src/test/resources/ci/my-app"), chart);
    Process pack =
        new ProcessBuilder(
                Helm.binary().get().toString(),
                "package",
                chart.toString(),
                "--destination",
                dir.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(pack.waitFor())
        .as(new String(pack.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    Path packaged = dir.resolve("my-app-0.1.0.tgz");
    CliRun run =
        CliRun.of(
            "analyze",
            "--chart",
            packaged.toString(),
            "--set",
            "rbac.clusterWide=true",
            "--helm",
            Helm.binary().get().toString());
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.FAIL);
    assertThat(run.stdout())
        .contains("DaemonSet/agents/release-agent")
        .contains("(my-app/templates/daemonset.yaml)");
    assertUsage(
        CliRun.of("analyze", packaged.toString()),
        "this is a Helm chart: analyse it with --chart " + packaged);
  }

  @Test
  void profileCaptureWithoutAnyKubeconfigIsOneLine() {
    assumeTrue(
        System.getenv("KUBECONFIG") == null
            && !Files.exists(Path.of(System.getProperty("user.home"), ".kube/config"))
            && System.getenv("KUBERNETES_SERVICE_HOST") == null,
        "this machine has a kubeconfig");
    assertUsage(CliRun.of("profile", "capture"), "kubeconfig: none found", "--kubeconfig FILE");
  }

  @Test
  void theTopLevelHelpListsEveryCommandInWholeSentences() {
    String help = CliRun.of("--help").stdout();
    String commands =
        help.substring(help.indexOf("Commands:\n") + 10, help.indexOf("\nExit codes:"));
    List<String> summaries =
        java.util.Arrays.stream(commands.split("\n(?=  \\S)"))
            .map(s -> s.strip().replaceAll("\\s+", " "))
            .filter(s -> !s.isEmpty())
            .toList();
    assertThat(summaries).hasSize(5).allSatisfy(s -> assertThat(s).endsWith("."));
    assertThat(help).contains("production scale, and fails the change");
  }
}
