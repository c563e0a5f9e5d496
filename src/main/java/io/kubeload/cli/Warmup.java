package io.kubeload.cli;

import io.kubeload.analysis.AnalysisRequest;
import io.kubeload.analysis.Analyzer;
import io.kubeload.analysis.GateMode;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.Profiles;
import io.kubeload.gate.Policy;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.ManifestParser;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.report.Format;
import io.kubeload.report.Reports;
import io.kubeload.yaml.InputLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The second core's share of a short analysis (docs/performance.md, "Fifth round: a typical
 * release"): while the main thread builds the command line, a daemon thread parses the default
 * profile, which the main thread then takes from {@link Profiles#load} rather than parsing it
 * again, and analyses a small built-in release into nothing, so that the classes of reading,
 * binding, inference, the model, the simulations, the gate and the report are initialised and
 * their call sites linked by the time the main thread comes to them. A class this thread is still
 * initialising makes the main thread wait (the JVM's class-initialisation lock), never see it
 * half-built. Nothing of it reaches the run: it writes nothing, and a failure here is dropped,
 * since the main thread does all it needs itself.
 */
final class Warmup {

  private static final String RELEASE = "warm-up.yaml";

  private Warmup() {}

  /** Starts the warm-up for the commands that analyse ({@link #threadFor}). */
  static void startFor(String[] args) {
    threadFor(args, Runtime.getRuntime().availableProcessors()).ifPresent(Thread::start);
  }

  /**
   * The warm-up's thread, not yet started, for the commands that analyse on a machine of two cores
   * or more; any other command gets none, since it would only pay for the thread, and on one core
   * the warm-up would take its time from the main thread.
   */
  static Optional<Thread> threadFor(String[] args, int cores) {
    if (cores < 2
        || args.length == 0
        || !(args[0].equals("analyze") || args[0].equals("explain"))) {
      return Optional.empty();
    }
    Thread thread = new Thread(Warmup::run, "kubeload-warm-up");
    thread.setDaemon(true);
    // Whatever fails here (an error too), the main thread meets on its own: dropped, never printed.
    thread.setUncaughtExceptionHandler((failed, e) -> {});
    return Optional.of(thread);
  }

  private static void run() {
    try {
      analyse(Profiles.load(Profiles.DEFAULT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The built-in release's verdict, its text report rendered into nothing. */
  static Verdict analyse(ClusterProfile profile) throws IOException {
    byte[] release;
    try (InputStream in = Objects.requireNonNull(Warmup.class.getResourceAsStream(RELEASE))) {
      release = in.readAllBytes();
    }
    AnalysisRequest request =
        new AnalysisRequest(
            ManifestSet.of(ManifestParser.parse(RELEASE, release)),
            profile,
            List.of(),
            Policy.DEFAULT,
            Optional.empty(),
            new AnalysisRequest.Options(
                900,
                GateMode.CHANGE,
                Optional.empty(),
                new TemplateFiles(Optional.empty()),
                InputLimits.DEFAULT));
    Verdict verdict = Analyzer.analyze(request);
    Reports.write(verdict, Format.TEXT, Writer.nullWriter());
    return verdict;
  }
}
