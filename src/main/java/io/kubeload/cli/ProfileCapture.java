package io.kubeload.cli;

import io.kubeload.cluster.ProfileDraft;
import io.kubeload.cluster.capture.CaptureOptions;
import io.kubeload.cluster.capture.ClusterCapture;
import io.kubeload.cluster.capture.Progress;
import io.kubeload.report.Versions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Wires {@code profile capture}: the cluster's facts, drafted into a profile. The only CLI class that reaches capture. */
final class ProfileCapture {

  private ProfileCapture() {}

  static String yaml(
      Optional<Path> kubeconfig,
      Optional<String> context,
      int maxRequests,
      double qps,
      String name,
      String base,
      Main.Io io) {
    CaptureOptions options =
        new CaptureOptions(
            kubeconfig,
            context,
            maxRequests,
            qps,
            "kubeload/" + Versions.tool() + " (profile capture)");
    ClusterCapture.Capture capture =
        ClusterCapture.capture(
            options, io.errIsTerminal() ? new ProgressLine(io.err()) : Progress.NONE);
    return ProfileDraft.draft(
            name,
            capture.facts(),
            base,
            capture.origin(),
            List.of(
                "kubeload ClusterProfile captured from a live cluster (kubeload profile capture), "
                    + capture.requests().size()
                    + " read-only requests.",
                "Figures it could not measure are the "
                    + base
                    + " preset's; each comment says which. Write rates",
                "(churn) need two scrapes over time: see kubeload profile from-metrics --earlier."))
        .yaml();
  }

  /** One line on a terminal, redrawn in place: how many requests of the budget, and the current one. */
  static final class ProgressLine implements Progress {
    private static final int WIDTH = 79;
    private final PrintWriter err;

    ProgressLine(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void request(int made, int budget, String what) {
      String line =
          String.format(
              Locale.ROOT, "kubeload: capture %d/%d requests  GET %s", made, budget, what);
      line = line.length() > WIDTH ? line.substring(0, WIDTH - 1) + "…" : line;
      err.print("\r" + line + " ".repeat(WIDTH - line.length()));
      err.flush();
    }

    @Override
    public void done() {
      err.print("\r" + " ".repeat(WIDTH) + "\r");
      err.flush();
    }
  }
}
