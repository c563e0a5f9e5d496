package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeload.testing.RealManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real Helm-rendered charts from ../shared/corpus (third-party data: read in place, never copied):
 * none may crash kubeload or be rejected as bad input. Skipped when ../shared is not beside the clone.
 */
class CorpusTest {

  /** ../shared/corpus beside the clone; {@code -Dkubeload.corpus=DIR} points elsewhere (a worktree outside the clone's parent). */
  static final Path CORPUS = RealManifests.CORPUS;

  static final String ABSENT =
      CORPUS
          + " is absent: the corpus tests need ../shared beside the clone (or -Dkubeload.corpus=DIR)";

  static Stream<Path> charts() {
    List<Path> charts = RealManifests.corpusCharts();
    return charts.isEmpty() ? Stream.of(Path.of("(../shared/corpus is absent)")) : charts.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charts")
  void analysesWithoutCrashOrBadInput(Path chart) {
    assumeTrue(Files.isDirectory(CORPUS), ABSENT);
    for (String format : List.of("text", "json")) {
      CliRun run = CliRun.of("analyze", chart.toString(), "--format", format);
      assertThat(run.exitCode())
          .as("%s: %s", chart, run.stderr())
          .isIn(ExitCode.PASS, ExitCode.FAIL);
      assertThat(run.stderr()).as(chart.toString()).isEmpty();
      assertThat(run.stdout()).isNotBlank();
    }
  }
}
