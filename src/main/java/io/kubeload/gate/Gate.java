package io.kubeload.gate;

import io.kubeload.access.Access;
import io.kubeload.access.AccessSet;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.model.AccessLoad;
import io.kubeload.model.LevelLoad;
import io.kubeload.model.LoadModel;
import io.kubeload.model.LoadShape;
import io.kubeload.model.Physics;
import io.kubeload.model.PriorityLevel;
import io.kubeload.model.PriorityLevels;
import io.kubeload.model.Projection;
import io.kubeload.model.RolloutSimulation;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.Simulations;
import io.kubeload.model.Units;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.model.WriteInflation;
import io.kubeload.model.apf.ApfConfiguration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/** Judges a projection against a policy: findings, break-even node counts, pass or fail. */
public final class Gate {

  /** The largest cluster break-even search looks at: far past the upstream envelope of 5,000 nodes. */
  static final int BREAK_EVEN_SEARCH_LIMIT = 1_000_000;

  static final String SCALES_WITH_CLUSTER = "scales-with-cluster";

  // The staging preset's node count (cluster/staging.yaml): where a load curve starts.
  public static final int STAGING_NODES = 20;

  private Gate() {}

  /** Judges with simulations over the default horizon. */
  public static Verdict judge(Projection projection, Policy policy, List<Manifest> skippedTestHooks) {
    return judge(projection, Simulations.of(projection, RolloutSimulation.DEFAULT_HORIZON_SECONDS), policy, skippedTestHooks);
  }

  public static Verdict judge(Projection projection, Simulations simulations, Policy policy, List<Manifest> skippedTestHooks) {
    List<Finding> findings = new ArrayList<>();
    for (WorkloadLoad load : projection.workloads()) {
      findings.addAll(Budgets.workloadFindings(load, projection, policy, simulations.rolloutOf(load.ref().toString())));
      findings.addAll(notes(load));
    }
    findings.addAll(restartFindings(projection, simulations));
    findings.addAll(levelFindings(projection, policy, findings));
    for (ApfConfiguration.Note note : projection.apf().notes()) {
      findings.add(new Finding(Severity.WARNING, "apf-configuration", note.object(), note.message(), note.location(),
          "remove or rename the object: the API server will not apply it as written"));
    }
    Map<String, OptionalInt> breakEven = new LinkedHashMap<>();
    Map<String, LoadCurve> curves = new LinkedHashMap<>();
    Resized resized = new Resized(projection);
    // Workloads of one shape project alike at every node count: each shape is searched once.
    Map<LoadShape, Searched> searched = new HashMap<>();
    for (WorkloadLoad load : projection.workloads()) {
      Searched search = searched.computeIfAbsent(LoadShape.of(load.accessSet(), projection.apf()),
          shape -> Searched.of(load.accessSet(), resized, policy));
      String ref = load.ref().toString();
      breakEven.put(ref, search.breakEven());
      scalesWithCluster(load, search.breakEven(), projection).ifPresent(findings::add);
      search.curve().ifPresent(points -> curves.put(ref, new LoadCurve(ref, load.priorityLevel(), points)));
    }
    List<SkippedFinding> skipped = Ignores.apply(projection, policy, findings);
    findings.sort(ORDER);
    Map<String, Recommendation> recommendations = new LinkedHashMap<>();
    for (WorkloadLoad load : projection.workloads()) {
      Recommendations.of(load, projection, policy, simulations.horizonSeconds())
          .ifPresent(r -> recommendations.put(r.workload(), r));
    }
    return new Verdict(projection, simulations, policy, List.copyOf(findings), breakEven, curves, recommendations,
        BlastRadius.of(projection, simulations, policy), skippedTestHooks, skipped, Optional.empty());
  }

  /**
   * Judges a change (its verdict by {@link #judge}) against the baseline's projection, both over the
   * manifests given: with {@code changeOnly}, the baseline's own errors that the change leaves as
   * they were do not fail the check.
   */
  public static Verdict judgeChange(Projection baseline, ManifestSet baselineManifests, Verdict change, ManifestSet changeManifests,
      boolean changeOnly) {
    return ChangeGate.judge(baseline, baselineManifests, change, changeManifests, changeOnly);
  }

  /**
   * The errors the budgets give a projection, after its ignores, without simulations (which only add
   * their figures to start-up messages): what a baseline is compared by.
   */
  static List<Finding> budgetErrors(Projection projection, Policy policy) {
    List<Finding> findings = new ArrayList<>();
    for (WorkloadLoad load : projection.workloads()) {
      findings.addAll(Budgets.workloadFindings(load, projection, policy, Optional.empty()));
    }
    findings.addAll(levelFindings(projection, policy, findings));
    Ignores.apply(projection, policy, findings);
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
      .thenComparing(Finding::workload)
      .thenComparing(Finding::rule)
      .thenComparing(Finding::message);

  /** A workload's break-even node count and, when it makes requests, its load curve's points. */
  private record Searched(OptionalInt breakEven, Optional<List<LoadCurve.Point>> curve) {
    static Searched of(AccessSet set, Resized resized, Policy policy) {
      OptionalInt breakEven = breakEvenNodes(set, resized, policy);
      return new Searched(breakEven, loadCurve(set, breakEven, resized, policy));
    }
  }

  /** Smallest node count at which the workload alone breaks a budget (load never falls as nodes grow). */
  private static OptionalInt breakEvenNodes(AccessSet set, Resized projection, Policy policy) {
    if (set.accesses().isEmpty()) {
      return OptionalInt.empty();
    }
    if (!failsAlone(set, projection, policy, BREAK_EVEN_SEARCH_LIMIT)) {
      return OptionalInt.empty();
    }
    int low = 0;
    int high = BREAK_EVEN_SEARCH_LIMIT;
    while (high - low > 1) {
      int mid = low + (high - low) / 2;
      if (failsAlone(set, projection, policy, mid)) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return OptionalInt.of(high);
  }

  /**
   * A workload that passes here but breaks a budget in a cluster inside the supported envelope: the
   * staging-versus-production gap that hid the incidents (docs/failures.md §1).
   */
  private static Optional<Finding> scalesWithCluster(WorkloadLoad load, OptionalInt breakEven, Projection projection) {
    int nodes = projection.profile().nodes();
    if (breakEven.isEmpty() || breakEven.getAsInt() <= nodes || breakEven.getAsInt() > Physics.SUPPORTED_MAXIMUM_NODES) {
      return Optional.empty();
    }
    int at = breakEven.getAsInt();
    return Optional.of(new Finding(Severity.WARNING, SCALES_WITH_CLUSTER, load.ref().toString(),
        "passes at " + Units.number(nodes) + " nodes but breaks a budget from " + Units.number(at) + " nodes ("
            + Units.number((double) at / nodes) + "× this cluster): " + load.scalingClass().label() + " in nodes, "
            + load.scalingReason(),
        load.workload().location(),
        Budgets.scopeFix(load).orElse("check it against your production profile: --profile FILE or --nodes N")));
  }

  private static boolean failsAlone(AccessSet set, Resized projection, Policy policy, int nodes) {
    return fails(projection.alone(set, nodes), policy);
  }

  /**
   * The profile resized to the node counts the break-even searches and load curves visit, with the
   * priority levels of each worked out once: every workload's search visits the same counts, and
   * the levels depend only on the profile and the APF configuration.
   */
  private static final class Resized {
    private final Projection projection;
    private final Map<Integer, Map<String, PriorityLevel>> levels = new HashMap<>();

    Resized(Projection projection) {
      this.projection = projection;
    }

    /** The workload as the only change in a cluster of {@code nodes} nodes, otherwise like the profile. */
    Projection alone(AccessSet set, int nodes) {
      ClusterProfile profile = projection.profile().withNodes(nodes);
      return LoadModel.project(List.of(set), profile, projection.apf(),
          levels.computeIfAbsent(nodes, n -> PriorityLevels.of(profile, projection.apf())));
    }
  }

  private static boolean fails(Projection alone, Policy policy) {
    WorkloadLoad load = alone.workloads().get(0);
    return !Budgets.workloadFindings(load, alone, policy, Optional.empty()).isEmpty()
        || !levelFindings(alone, policy, List.of()).isEmpty();
  }

  /**
   * The workload alone at node counts doubling from staging's until past twice the larger of the
   * profile's and the supported maximum, with the profile's own count and the break-even point added.
   */
  private static Optional<List<LoadCurve.Point>> loadCurve(AccessSet set, OptionalInt breakEven, Resized resized, Policy policy) {
    if (set.accesses().isEmpty()) {
      return Optional.empty();
    }
    Projection projection = resized.projection;
    int last = 2 * Math.max(projection.profile().nodes(), Physics.SUPPORTED_MAXIMUM_NODES);
    TreeSet<Integer> ladder = new TreeSet<>();
    for (long n = STAGING_NODES; ladder.isEmpty() || ladder.last() < last; n *= 2) {
      ladder.add((int) n);
    }
    ladder.add(projection.profile().nodes());
    int end = ladder.last();
    breakEven.ifPresent(n -> {
      if (n <= end) {
        ladder.add(n);
      }
    });
    List<LoadCurve.Point> points = new ArrayList<>();
    for (int nodes : ladder) {
      Projection alone = resized.alone(set, nodes);
      WorkloadLoad there = alone.workloads().get(0);
      LevelLoad level = alone.levelLoads().stream().filter(l -> l.name().equals(there.priorityLevel())).findFirst().orElseThrow();
      double steady = level.existing() + there.demandIn(level.name());
      ClusterProfile.ApiServers apiServers = alone.profile().apiServers();
      points.add(new LoadCurve.Point(nodes, steady, level.existing() + there.storm().seatsDemanded(),
          level.seats() * policy.levelUtilization(), there.watchBytesPerSecond() / apiServers.replicas(),
          policy.watchBytesPerSecondPerReplica(), there.storm().peakTransientBytes(),
          policy.transientListMemoryFraction() * apiServers.memoryBytes(), there.storm().syncLagSeconds(),
          policy.requestTimeoutSeconds(), fails(alone, policy)));
    }
    return Optional.of(List.copyOf(points));
  }

  /** After every API server restarts, the pods of a level that cannot resync within the horizon. */
  private static List<Finding> restartFindings(Projection projection, Simulations simulations) {
    List<Finding> out = new ArrayList<>();
    for (SimulationResult restart : simulations.restart().values()) {
      if (restart.allSynced()) {
        continue;
      }
      WorkloadLoad largest = projection.workloads().stream()
          .filter(w -> w.storm().listsPerPod() > 0 && w.priorityLevel().equals(restart.level()))
          .max(Comparator.comparingDouble((WorkloadLoad w) -> w.pods() * w.storm().seatSecondsPerPod()).thenComparing(WorkloadLoad::ref))
          .orElse(null);
      if (largest == null) {
        continue;
      }
      out.add(new Finding(Severity.WARNING, "restart-storm", largest.ref().toString(),
          "if every API server restarts, all informers relist at once: in " + restart.level() + " only "
              + Units.number(restart.syncedPods()) + " of " + Units.number(restart.pods()) + " pods resync within "
              + restart.span() + ", with " + Units.number(restart.rejected())
              + " requests answered 429 (simulated)",
          largest.workload().location(),
          Budgets.scopeFix(largest).orElse("list less at start: each relist after a restart repeats the start-up LISTs")));
    }
    return out;
  }

  private static List<Finding> notes(WorkloadLoad load) {
    List<Finding> out = new ArrayList<>();
    for (AccessSet.Note note : load.accessSet().notes()) {
      Severity severity = Rules.of(note.rule()).map(Rules.Rule::severity).orElse(Severity.WARNING);
      out.add(new Finding(severity, note.rule(), load.ref().toString(), note.message(), note.location(), note.fix()));
    }
    // One warning a workload, however many resources: an operator watching ten CRDs is one thing to read.
    List<AccessLoad> unknown = load.accesses().stream().filter(a -> !a.profiled()).toList();
    if (!unknown.isEmpty()) {
      List<String> resources = unknown.stream().map(a -> a.access().resource()).distinct().sorted().toList();
      String named = String.join(", ", resources);
      out.add(new Finding(Severity.WARNING, "unknown-resource", load.ref().toString(),
          (unknown.size() == 1 ? unknown.get(0).access().describe() + ": the profile does not describe " + named
              : "the profile does not describe " + resources.size() + " resources it lists or watches (" + named + ")")
              + ", so " + (unknown.size() == 1 ? "its" : "their") + " load is not counted",
          unknown.get(0).access().provenance().location(),
          "add " + named + " (count, sizeBytes, churn) to the cluster profile"));
    }
    return out;
  }

  /** Levels over budget, attributed to their largest contributor unless it was flagged already. */
  private static List<Finding> levelFindings(Projection projection, Policy policy, List<Finding> already) {
    List<Finding> out = new ArrayList<>();
    for (LevelLoad level : projection.levelLoads()) {
      if (level.demand() <= 0 || level.utilization() <= policy.levelUtilization()) {
        continue;
      }
      String top = level.contributions().keySet().iterator().next();
      boolean flagged = already.stream().anyMatch(f -> f.rule().equals(Budgets.SEAT_DEMAND) && f.workload().equals(top)
          && f.message().startsWith(level.name() + ":"));
      if (flagged) {
        continue;
      }
      WorkloadLoad load = projection.workloads().stream().filter(w -> w.ref().toString().equals(top)).findFirst().orElseThrow();
      out.add(Budgets.seatDemandFinding(load, level, policy, level.contributions().size() > 1));
    }
    return out;
  }

  /** The access that dominates a workload's cost, for messages and fixes. */
  static Optional<AccessLoad> dominant(WorkloadLoad load) {
    return load.accesses().stream()
        .filter(a -> a.access().pattern() != Access.Pattern.LEADER_ELECTION)
        .max(Comparator.comparingInt(AccessLoad::scalingDegree)
            .thenComparingDouble(a -> a.listBytes() + a.watchBytesPerSecond())
            .thenComparing(a -> a.access().resource()));
  }

  /** Whose writes land in each default level (docs/sources.md §3.4). */
  private static final Map<String, String> WRITERS = Map.of(
      "system", "the kubelets' (system:nodes)",
      "node-high", "the kubelets' node and Lease",
      "workload-high", "kube-controller-manager's and kube-system's",
      "workload-low", "other namespaces' ServiceAccounts'",
      "leader-election", "the leaders' Lease");

  static String inflationSummary(List<WriteInflation> inflations, String level) {
    return inflations.stream()
        .filter(i -> i.writerLevel().equals(level))
        .map(i -> Units.number(i.writesPerSecond()) + " " + WRITERS.getOrDefault(level, "its writers'") + " " + i.resource() + " writes/s now hold "
            + i.seatsPerWriteAfter() + " seats each (was " + i.seatsPerWriteBefore() + ") for "
            + Units.number(i.watchersAfter()) + " interested watchers")
        .reduce((a, b) -> a + "; " + b)
        .orElse("");
  }
}
