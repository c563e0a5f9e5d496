package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class AnalysisProgressTest {

  private long now;
  private final StringWriter written = new StringWriter();

  private AnalysisProgress progress(AnalysisProgress.Mode mode) {
    return new AnalysisProgress(new PrintWriter(written), mode, () -> now);
  }

  /** A long run over many files and workloads: what each mode writes. */
  private void longRun(AnalysisProgress shown) {
    for (int file = 0; file < 3; file++) {
      now += 1_000_000_000L;
      shown.fileRead();
    }
    shown.stage("inferring", 4, true);
    for (int w = 0; w < 4; w++) {
      now += 3_000_000_000L;
      shown.workloadDone();
    }
    shown.stage("simulating", 4, false);
    shown.finish();
  }

  @Test
  void withoutATerminalOrTheFlagNothingIsWrittenHoweverLongTheRun() {
    assertThat(AnalysisProgress.mode(false, false)).isEqualTo(AnalysisProgress.Mode.SILENT);
    longRun(progress(AnalysisProgress.Mode.SILENT));
    assertThat(written.toString()).isEmpty();
  }

  @Test
  void aRunShorterThanTwoSecondsWritesNothingEvenOnATerminal() {
    AnalysisProgress shown = progress(AnalysisProgress.mode(true, false));
    now += AnalysisProgress.QUIET_NANOS - 1;
    shown.fileRead();
    shown.stage("inferring", 1, true);
    shown.workloadDone();
    shown.finish();
    assertThat(written.toString()).isEmpty();
  }

  @Test
  void onATerminalOneLineIsRedrawnInPlaceAndWipedAtTheEnd() {
    longRun(progress(AnalysisProgress.mode(true, false)));
    String out = written.toString();
    assertThat(out)
        .doesNotContain("\n")
        .startsWith("\rkubeload: 2 files read (2s)")
        .endsWith("\r" + " ".repeat(79) + "\r")
        .contains("\rkubeload: 3 files read, inferring 4/4 workloads (15s)");
  }

  @Test
  void askedForInALogItIsALineEveryFewSeconds() {
    assertThat(AnalysisProgress.mode(false, true)).isEqualTo(AnalysisProgress.Mode.LOG);
    longRun(progress(AnalysisProgress.Mode.LOG));
    assertThat(written.toString())
        .isEqualTo(
            """
        kubeload: 2 files read (2s)
        kubeload: 3 files read, inferring 2/4 workloads (9s)
        kubeload: 3 files read, inferring 4/4 workloads (15s)
        """);
  }
}
