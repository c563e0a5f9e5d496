package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several reports in one run: each --format with the --output after it, at most one on stdout. */
class AnalyzeFormatsTest {

  private static final String SAMPLE = "samples/manifests/telemetry-daemonset.yaml";

  @Test
  void eachFormatGoesToTheFileAfterItAndOneToStdout(@TempDir Path dir) throws Exception {
    Path sarif = dir.resolve("out/report.sarif");
    Path markdown = dir.resolve("comment.md");
    CliRun run =
        CliRun.of(
            "analyze",
            SAMPLE,
            "--format",
            "sarif",
            "--output",
            sarif.toString(),
            "--format",
            "github",
            "--format",
            "markdown",
            "--output",
            markdown.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAIL);
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout())
        .isEqualTo(CliRun.of("analyze", SAMPLE, "--format", "github").stdout())
        .startsWith("::error ");
    assertThat(Files.readString(sarif))
        .isEqualTo(CliRun.of("analyze", SAMPLE, "--format", "sarif").stdout());
    assertThat(Files.readString(markdown))
        .isEqualTo(CliRun.of("analyze", SAMPLE, "--format", "markdown").stdout());
  }

  @Test
  void anOutputWithoutAFormatWritesText(@TempDir Path dir) throws Exception {
    Path text = dir.resolve("report.txt");
    CliRun run = CliRun.of("analyze", SAMPLE, "--output", text.toString());
    assertThat(run.stdout()).isEmpty();
    assertThat(Files.readString(text)).startsWith("kubeload: FAIL at production");
  }

  @Test
  void anUnknownFormatIsAUsageErrorNamingTheKnownOnes(@TempDir Path dir) {
    Path file = dir.resolve("report.pdf");
    CliRun run =
        CliRun.of(
            "analyze",
            SAMPLE,
            "--format",
            "json",
            "--output",
            dir.resolve("a.json").toString(),
            "--format",
            "pdf",
            "--output",
            file.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr().strip())
        .endsWith(
            "unknown --format 'pdf' (text, json, markdown, html, sarif, junit, github, findings)")
        .doesNotContain("\n");
    assertThat(dir.resolve("a.json")).doesNotExist();
    assertThat(file).doesNotExist();
  }

  @Test
  void twoFormatsOnStdoutAreAUsageErrorAndNothingIsWritten(@TempDir Path dir) {
    Path json = dir.resolve("report.json");
    CliRun run =
        CliRun.of(
            "analyze",
            SAMPLE,
            "--format",
            "json",
            "--output",
            json.toString(),
            "--format",
            "text",
            "--format",
            "sarif");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).contains("formats text and sarif would both go to stdout");
    assertThat(json).doesNotExist();
  }

  @Test
  void oneFileForTwoFormatsIsAUsageError(@TempDir Path dir) {
    Path file = dir.resolve("report");
    CliRun run =
        CliRun.of(
            "analyze",
            SAMPLE,
            "--format",
            "json",
            "--output",
            file.toString(),
            "--format",
            "html",
            "--output",
            file.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("is named twice");
    assertThat(file).doesNotExist();
  }

  @Test
  void helpListsEveryFormat() {
    assertThat(CliRun.of("analyze", "--help").stdout())
        .contains(
            "--format=FORMAT",
            "text, json, markdown, html, sarif,",
            "junit, github or findings",
            "--output=FILE");
  }
}
