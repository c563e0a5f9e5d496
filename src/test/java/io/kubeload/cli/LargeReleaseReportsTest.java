package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release of 40 node agents that each watch every pod: hundreds of findings. The pull-request
 * comment still fits in one GitHub comment, the annotations stay within what GitHub shows per step,
 * and a CI log's last line is the verdict.
 */
class LargeReleaseReportsTest {

  private static final String AGENT = "samples/manifests/telemetry-daemonset.yaml";

  @TempDir Path dir;

  private Path release;

  @BeforeEach
  void generate() throws IOException {
    release = Files.createDirectories(dir.resolve("release"));
    String agent = Files.readString(Path.of(AGENT));
    for (int i = 0; i < 40; i++) {
      Files.writeString(
          release.resolve("agent-" + i + ".yaml"),
          agent.replace("node-telemetry", "node-telemetry-" + i));
    }
  }

  @Test
  void theMarkdownCommentFitsInOneGithubCommentAndCountsWhatItLeavesOut() {
    CliRun run = CliRun.of("analyze", release.toString(), "--format", "markdown");
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.FAIL);
    assertThat(run.stdout().length()).isLessThan(65_536 - 512);
    assertThat(run.stdout())
        .startsWith("### ❌ kubeload: FAIL")
        .containsPattern("\\d+ more findings not shown here")
        .contains("every one is in the html and json reports");
  }

  @Test
  void annotationsAreTenPerLevelAtMostWithALineForTheRest() {
    CliRun run = CliRun.of("analyze", release.toString(), "--format", "github");
    List<String> errors = run.stdout().lines().filter(l -> l.startsWith("::error")).toList();
    List<String> warnings = run.stdout().lines().filter(l -> l.startsWith("::warning")).toList();
    assertThat(errors).hasSize(10);
    assertThat(errors.get(9))
        .matches(
            "::error title=kubeload::\\d+ more errors not annotated \\(GitHub shows 10 per level\\).*");
    assertThat(warnings).hasSizeLessThanOrEqualTo(10);
    assertThat(run.stdout().lines().filter(l -> l.startsWith("::notice")).count())
        .isLessThanOrEqualTo(10);
  }

  @Test
  void theTextReportEndsWithTheVerdictAndTheFindingsFormatHasOnlyFindings() {
    CliRun text = CliRun.of("analyze", release.toString());
    List<String> lines = text.stdout().lines().toList();
    assertThat(lines.get(lines.size() - 1))
        .startsWith("kubeload: FAIL at production")
        .isEqualTo(lines.get(0));

    CliRun findings = CliRun.of("analyze", release.toString(), "--format", "findings");
    assertThat(findings.exitCode()).isEqualTo(ExitCode.FAIL);
    assertThat(findings.stdout())
        .startsWith(lines.get(0) + "\n")
        .endsWith("\n" + lines.get(0) + "\n")
        .contains("ERROR watch-egress  DaemonSet/telemetry/node-telemetry-0")
        .contains("fix: ")
        .doesNotContain("WORKLOAD ")
        .doesNotContain("ROLL-OUT");
  }
}
