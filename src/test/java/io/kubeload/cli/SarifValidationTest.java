package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeload.testing.Folders;
import io.kubeload.testing.Helm;
import io.kubeload.testing.SarifMultitool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SARIF report of every sample, and of a chart rendered with --chart, passes Microsoft's SARIF
 * Multitool (its SARIF rules and GitHub's ingestion rules, which are off by default and switched on
 * by a configuration file) without an error or a warning: among them SARIF2017 and GH1003, a result
 * location without a region, which code scanning cannot place. Notes (advice such as message ids
 * instead of text) are allowed.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SarifValidationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Stream<String> samples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("samples/manifests"))) {
      return files.map(Path::toString).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySamplesSarifValidates(String sample) throws Exception {
    assertThat(problems(sarif(sample))).isEmpty();
  }

  @Test
  void aChartsSarifValidatesAndPointsAtTheTemplateLine() throws Exception {
    assumeTrue(Helm.binary().isPresent(), Helm.unavailableBecause());
    Path repository = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(repository.resolve(".git"));
    Folders.copyTree(Path.of("src/test/resources/ci/my-app"), repository.resolve("charts/my-app"));
    Path report =
        sarif(
            "--chart",
            repository.resolve("charts/my-app").toString(),
            "--set",
            "rbac.clusterWide=true",
            "--helm",
            Helm.binary().get().toString());

    assertThat(problems(report)).isEmpty();
    JsonNode location =
        JSON.readTree(report.toFile()).at("/runs/0/results/0/locations/0/physicalLocation");
    assertThat(location.at("/artifactLocation/uri").asText())
        .isEqualTo("charts/my-app/templates/daemonset.yaml");
    // The template's "kind: DaemonSet" line, under its comment and apiVersion.
    assertThat(location.at("/region/startLine").asInt()).isEqualTo(3);
  }

  @Test
  void theGithubRulesRunAndCatchAResultWithoutARegion() throws Exception {
    Path report = sarif("samples/manifests/telemetry-daemonset.yaml");
    assertThat(problems(report)).isEmpty();
    JsonNode log = JSON.readTree(report.toFile());
    ((ObjectNode) log.at("/runs/0/results/0/locations/0/physicalLocation")).remove("region");
    Path broken = dir.resolve("no-region.sarif");
    JSON.writeValue(broken.toFile(), log);

    assertThat(problems(broken)).anySatisfy(p -> assertThat(p).startsWith("GH1003 error: "));
  }

  private Path sarif(String... input) {
    Path out =
        dir.resolve("report-" + Integer.toHexString(String.join(" ", input).hashCode()) + ".sarif");
    List<String> args = new ArrayList<>(List.of("analyze"));
    args.addAll(List.of(input));
    args.addAll(List.of("--format", "sarif", "--output", out.toString()));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.stderr()).isIn(ExitCode.PASS, ExitCode.FAIL);
    return out;
  }

  private List<String> problems(Path sarif) throws IOException, InterruptedException {
    assumeTrue(SarifMultitool.binary().isPresent(), SarifMultitool.unavailableBecause());
    return SarifMultitool.problems(sarif, dir);
  }
}
