package io.kubeload.analysis;

import io.kubeload.access.AccessSet;
import io.kubeload.access.inference.AccessInference;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.gate.Gate;
import io.kubeload.gate.Policy;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestParser;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.LoadModel;
import io.kubeload.model.Projection;
import io.kubeload.model.Simulations;
import io.kubeload.model.apf.ApfConfiguration;
import io.kubeload.parallel.SideBySide;
import io.kubeload.workload.Workload;
import io.kubeload.workload.Workloads;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.InputLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pipeline as one call: objects to workloads, their accesses, the projection onto the cluster,
 * the simulations and the verdict; with a baseline, the change judged against it. Pure: it reads no
 * file and writes nothing (docs/architecture.md).
 */
public final class Analyzer {

  private Analyzer() {}

  public static Verdict analyze(AnalysisRequest request) {
    return judge(project(request, Progress.SILENT), Progress.SILENT);
  }

  /**
   * The request's workloads projected onto the cluster, and what {@link #judge} reads besides,
   * telling {@code progress} of each stage.
   *
   * @throws NoWorkloadException when neither the change nor its baseline holds a workload
   * @throws InputException when a flow-control document is not a FlowSchema or PriorityLevelConfiguration
   */
  public static Projected project(AnalysisRequest request, Progress progress) {
    AnalysisRequest.Options options = request.options();
    Run run =
        new Run(request.profile(), flowControl(request.flowControl(), options.limits()), progress);
    ManifestSet manifests = options.locator().locate(placed(request.manifests(), options));
    List<Workload> workloads = Workloads.from(manifests, request.profile());
    if (request.baseline().isEmpty()) {
      requireWorkloads(workloads, manifests);
      return new Projected(
          run.project(manifests, workloads, false),
          manifests.skippedTestHooks(),
          request.policy(),
          options.simulateSeconds(),
          Optional.empty());
    }
    ManifestSet before = placed(request.baseline().get(), options);
    // The baseline's workloads run already: judged as updates, as are the change's workloads they
    // match.
    List<Workload> existing =
        Workloads.from(before, request.profile()).stream().map(Workload::alreadyRunning).toList();
    if (existing.isEmpty()) {
      requireWorkloads(workloads, manifests);
    }
    Set<ObjectRef> running = existing.stream().map(Workload::ref).collect(Collectors.toSet());
    List<Workload> changed =
        workloads.stream().map(w -> running.contains(w.ref()) ? w.alreadyRunning() : w).toList();
    // Only the change is simulated and searched for break-even: the baseline is compared by its
    // projection.
    Projection baseline = run.project(before, existing, true);
    return new Projected(
        run.project(manifests, changed, true),
        manifests.skippedTestHooks(),
        request.policy(),
        options.simulateSeconds(),
        Optional.of(
            new Projected.Change(baseline, before, manifests, options.gate() == GateMode.CHANGE)));
  }

  /** The verdict on a projected change: its simulations, the gate, and with a baseline the change gate. */
  public static Verdict judge(Projected projected, Progress progress) {
    Projection projection = projected.projection();
    progress.stage("simulating", projection.workloads().size(), false);
    Simulations simulations = Simulations.of(projection, projected.simulateSeconds());
    progress.stage("judging", projection.workloads().size(), false);
    Verdict verdict =
        Gate.judge(projection, simulations, projected.policy(), projected.skippedTestHooks());
    return projected
        .change()
        .map(
            c -> Gate.judgeChange(c.baseline(), c.before(), verdict, c.manifests(), c.changeOnly()))
        .orElse(verdict);
  }

  /**
   * A change's workloads projected, and what the judgement reads besides. Without a baseline it holds
   * none of the objects read, only the workloads' own: the simulations that follow hold a state of
   * their own, and at fleet scale the objects no stage reads any more were most of the heap
   * (docs/performance.md). With one, the change gate compares both sets.
   *
   * @param skippedTestHooks the Helm test hooks read, which the verdict names
   */
  public record Projected(
      Projection projection,
      List<Manifest> skippedTestHooks,
      Policy policy,
      double simulateSeconds,
      Optional<Change> change) {

    public Projected {
      skippedTestHooks = List.copyOf(skippedTestHooks);
    }

    /**
     * The baseline's projection and both sets, for {@link Gate#judgeChange}.
     *
     * @param changeOnly whether only what the change adds may fail the check
     */
    public record Change(
        Projection baseline, ManifestSet before, ManifestSet manifests, boolean changeOnly) {}
  }

  private static ManifestSet placed(ManifestSet manifests, AnalysisRequest.Options options) {
    return options.installNamespace().map(manifests::placedIn).orElse(manifests);
  }

  private static void requireWorkloads(List<Workload> workloads, ManifestSet manifests) {
    if (workloads.isEmpty()) {
      throw new NoWorkloadException(manifests.manifests().size());
    }
  }

  /**
   * The FlowSchemas and PriorityLevelConfigurations in {@code sources}, as {@code kubectl get
   * flowschemas,prioritylevelconfigurations -o yaml} prints them; a ClusterProfile among them (a
   * profile file's first document) is skipped, any other kind is an error.
   */
  static List<Manifest> flowControl(List<Source> sources, InputLimits limits) {
    List<Manifest> out = new ArrayList<>();
    for (Source source : sources) {
      for (Manifest m : ManifestParser.parse(source.name(), source.bytes(), limits)) {
        if (m.kind().equals("ClusterProfile")) {
          continue;
        }
        if (!m.group().equals("flowcontrol.apiserver.k8s.io")) {
          throw new InputException(
              source.name(),
              m.location().line(),
              "after the ClusterProfile a profile file holds only FlowSchemas and PriorityLevelConfigurations, not "
                  + m.kind());
        }
        out.add(m);
      }
    }
    return out;
  }

  /** Workloads inferred side by side between two reports of progress, which stay on this thread. */
  private static final int INFERRED_TOGETHER = 500;

  /**
   * The access sets of {@code workloads}, in their order, inferred side by side: each is a pure
   * function of its workload and the set (whose derived indexes are built under a concurrent map),
   * and an error is thrown as inferring them one by one would throw it, the first workload's first.
   */
  static List<AccessSet> sideBySide(List<Workload> workloads, ManifestSet manifests) {
    return SideBySide.map(workloads, workload -> AccessInference.infer(workload, manifests));
  }

  /** What every projection of one analysis shares. */
  private record Run(ClusterProfile profile, List<Manifest> flowControl, Progress progress) {

    Run {
      flowControl = List.copyOf(flowControl);
    }

    /** With {@code compared}, the workloads keep their pod specs for the change gate's comparison. */
    Projection project(ManifestSet manifests, List<Workload> workloads, boolean compared) {
      progress.stage("inferring", workloads.size(), true);
      List<AccessSet> accesses = new ArrayList<>();
      if (workloads.size() < SideBySide.FROM) {
        for (Workload workload : workloads) {
          accesses.add(AccessInference.infer(workload, manifests));
          progress.workloadDone();
        }
      } else {
        for (int from = 0; from < workloads.size(); from += INFERRED_TOGETHER) {
          List<Workload> batch =
              workloads.subList(from, Math.min(workloads.size(), from + INFERRED_TOGETHER));
          accesses.addAll(sideBySide(batch, manifests));
          batch.forEach(w -> progress.workloadDone());
        }
      }
      progress.stage("projecting", workloads.size(), false);
      ApfConfiguration apf = ApfConfiguration.of(profile.version(), flowControl, manifests);
      // No stage after inference reads a workload's whole object: the projection, which the
      // simulations, the gate and the reports hold, keeps its identity (docs/performance.md).
      return LoadModel.project(
          accesses.stream().map(a -> a.judged(compared)).toList(), profile, apf);
    }
  }
}
