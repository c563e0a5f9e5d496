package io.kubeload.cli;

import io.kubeload.analysis.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr for an analysis that takes more than a couple of seconds (a whole
 * repository of releases): files read, then the stage and the workloads judged. On a terminal it is
 * one line redrawn in place and wiped at the end; asked for with {@code --progress} where stderr is
 * not a terminal (a CI log) it is a line every few seconds; otherwise nothing is written.
 */
final class AnalysisProgress implements Progress {

  /** How long a run goes before its progress is shown: a small release is done by then. */
  static final long QUIET_NANOS = 2_000_000_000L;

  /** A terminal's line is redrawn at most this often; a log gets a line at most every {@link #LOG_NANOS}. */
  private static final long REDRAW_NANOS = 200_000_000L;

  private static final long LOG_NANOS = 5_000_000_000L;
  private static final int WIDTH = 79;

  enum Mode {
    SILENT,
    TERMINAL,
    LOG
  }

  private final PrintWriter err;
  private final Mode mode;
  private final LongSupplier clock;
  private final long start;
  private long shownAt;
  private boolean drawn;
  private int files;
  private String stage = "reading";
  private int done;
  private int total;
  private boolean counted;

  AnalysisProgress(PrintWriter err, Mode mode, LongSupplier clock) {
    this.err = err;
    this.mode = mode;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.shownAt = start;
  }

  /** On a terminal, a redrawn line; with {@code --progress} elsewhere, log lines; otherwise none. */
  static AnalysisProgress of(Main.Io io, boolean asked) {
    return new AnalysisProgress(io.err(), mode(io.errIsTerminal(), asked), System::nanoTime);
  }

  static Mode mode(boolean errIsTerminal, boolean asked) {
    return errIsTerminal ? Mode.TERMINAL : asked ? Mode.LOG : Mode.SILENT;
  }

  void fileRead() {
    files++;
    show();
  }

  @Override
  public void stage(String name, int total, boolean counted) {
    this.stage = name;
    this.total = total;
    this.counted = counted;
    this.done = 0;
    show();
  }

  @Override
  public void workloadDone() {
    done++;
    show();
  }

  /** Wipes the terminal's line, so that what follows on stderr starts on a clean one. */
  void finish() {
    if (drawn && mode == Mode.TERMINAL) {
      err.print("\r" + " ".repeat(WIDTH) + "\r");
      err.flush();
    }
  }

  private void show() {
    if (mode == Mode.SILENT) {
      return;
    }
    long now = clock.getAsLong();
    if (now - start < QUIET_NANOS
        || (drawn && now - shownAt < (mode == Mode.TERMINAL ? REDRAW_NANOS : LOG_NANOS))) {
      return;
    }
    shownAt = now;
    drawn = true;
    String line =
        String.format(Locale.ROOT, "kubeload: %,d file%s read", files, files == 1 ? "" : "s")
            + (stage.equals("reading")
                ? ""
                : counted
                    ? String.format(Locale.ROOT, ", %s %,d/%,d workloads", stage, done, total)
                    : String.format(Locale.ROOT, ", %s %,d workloads", stage, total))
            + String.format(Locale.ROOT, " (%ds)", (now - start) / 1_000_000_000L);
    if (mode == Mode.TERMINAL) {
      line = line.length() > WIDTH ? line.substring(0, WIDTH) : line;
      err.print("\r" + line + " ".repeat(WIDTH - line.length()));
      err.flush();
    } else {
      err.println(line);
    }
  }
}
