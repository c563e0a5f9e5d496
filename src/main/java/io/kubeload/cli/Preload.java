package io.kubeload.cli;

import io.kubeload.analysis.AnalysisRequest;
import io.kubeload.analysis.Analyzer;
import io.kubeload.analysis.GateMode;
import io.kubeload.analysis.SourceLocator;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.Profiles;
import io.kubeload.gate.Policy;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.ManifestParser;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.report.Format;
import io.kubeload.report.Reports;
import io.kubeload.yaml.InputLimits;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The default preset, read on a second thread while the main one builds the command line: a
 * typical release's run is otherwise single-threaded, and the preset is the first YAML it reads, so
 * the other core pays the YAML reader's cold start (docs/performance.md, "A typical release:
 * start-up"). Only the built-in preset is read ahead: it cannot fail on the user's input, so no
 * error changes place or order; a named file is read where it always was.
 */
final class Preload implements AutoCloseable {

  /** The commands whose run reads a profile. */
  private static final Set<String> ANALYSING = Set.of("analyze", "explain");

  /**
   * A release that reaches the stages a typical one does (inference of a controller's watches, the
   * model, the simulations, the gate and the report), analysed while the main thread reads the
   * user's manifests: it loads, links and initialises their classes on the other core.
   */
  static final String WARM_UP =
      """
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: operator, namespace: warm-up}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: operator, namespace: warm-up}
      rules:
        - apiGroups: [""]
          resources: [configmaps]
          verbs: [get, list, watch]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: operator, namespace: warm-up}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: operator}
      subjects: [{kind: ServiceAccount, name: operator, namespace: warm-up}]
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: operator, namespace: warm-up}
      data: {mode: watch}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: operator, namespace: warm-up}
      spec:
        replicas: 2
        selector: {matchLabels: {app: operator}}
        template:
          metadata: {labels: {app: operator}}
          spec:
            serviceAccountName: operator
            containers:
              - name: operator
                image: example.com/operator:1.0
                envFrom: [{configMapRef: {name: operator}}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: operator, namespace: warm-up}
      spec:
        selector: {app: operator}
        ports: [{port: 80}]
      """;

  private final FutureTask<ClusterProfile> preset;
  private final Thread thread;

  private Preload(FutureTask<ClusterProfile> preset, Thread thread) {
    this.preset = preset;
    this.thread = thread;
  }

  /** Starts reading the default preset where the command line names an analysing command. */
  static Preload start(String[] args) {
    if (args.length == 0 || !ANALYSING.contains(args[0])) {
      return new Preload(null, null);
    }
    FutureTask<ClusterProfile> task = new FutureTask<>(() -> Profiles.load(Profiles.DEFAULT));
    Thread thread =
        new Thread(
            () -> {
              task.run();
              if (!task.isCancelled()) {
                warmUp(task);
              }
            },
            "kubeload-preload");
    thread.setDaemon(true);
    thread.start();
    return new Preload(task, thread);
  }

  /**
   * Analyses {@link #WARM_UP} and renders its report into nothing: what it leaves behind is classes
   * loaded and call sites linked, never output, and a failure here is the real run's to meet.
   */
  private static void warmUp(FutureTask<ClusterProfile> preset) {
    try {
      Verdict verdict =
          Analyzer.analyze(
              new AnalysisRequest(
                  ManifestSet.of(
                      ManifestParser.parse("warm-up", WARM_UP.getBytes(StandardCharsets.UTF_8))),
                  preset.get(),
                  List.of(),
                  Policy.DEFAULT,
                  Optional.empty(),
                  new AnalysisRequest.Options(
                      900,
                      GateMode.CHANGE,
                      Optional.empty(),
                      SourceLocator.AS_READ,
                      InputLimits.DEFAULT)));
      Reports.write(verdict, Format.TEXT, Writer.nullWriter());
    } catch (Exception e) {
      // Left for the run itself, which reports its own input's errors where they belong.
    }
  }

  /** The profile {@code nameOrFile} names: the preset read ahead if it is that one, else read now. */
  InputFiles.Profile profile(String nameOrFile, InputLimits limits) {
    if (preset == null || !Profiles.DEFAULT.equals(nameOrFile)) {
      return InputFiles.profile(nameOrFile, limits);
    }
    try {
      return new InputFiles.Profile(preset.get(), List.of());
    } catch (ExecutionException e) {
      // Thrown here as reading it here would have thrown it.
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the preset", e);
    }
  }

  /** Waits for the thread, used or not: none outlives the run. */
  @Override
  public void close() {
    if (thread == null) {
      return;
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
