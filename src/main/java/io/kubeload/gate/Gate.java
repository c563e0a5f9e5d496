package io.kubeload.gate;

import io.kubeload.access.AccessSet;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.LevelLoad;
import io.kubeload.model.LoadModel;
import io.kubeload.model.LoadShape;
import io.kubeload.model.Physics;
import io.kubeload.model.PriorityLevel;
import io.kubeload.model.PriorityLevels;
import io.kubeload.model.Projection;
import io.kubeload.model.RolloutSimulation;
import io.kubeload.model.Simulations;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.model.apf.Classifier;
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

  // The staging preset's node count (cluster/staging.yaml): where a load curve starts.
  public static final int STAGING_NODES = 20;

  private Gate() {}

  /** Judges with simulations over the default horizon. */
  public static Verdict judge(
      Projection projection, Policy policy, List<Manifest> skippedTestHooks) {
    return judge(
        projection,
        Simulations.of(projection, RolloutSimulation.DEFAULT_HORIZON_SECONDS),
        policy,
        skippedTestHooks);
  }

  public static Verdict judge(
      Projection projection,
      Simulations simulations,
      Policy policy,
      List<Manifest> skippedTestHooks) {
    Map<ObjectRef, LoadShape> shapes = new HashMap<>();
    Map<ObjectRef, Searched> searches = new LinkedHashMap<>();
    Resized resized = new Resized(projection);
    // Workloads of one shape project alike at every node count: each shape is searched once.
    Map<LoadShape, Searched> byShape = new HashMap<>();
    List<LoadShape> shapeOfEach =
        Classifier.each(
            projection.workloads(),
            projection.apf(),
            (load, c) -> LoadShape.of(load.accessSet(), c));
    for (int i = 0; i < shapeOfEach.size(); i++) {
      WorkloadLoad load = projection.workloads().get(i);
      LoadShape shape = shapeOfEach.get(i);
      shapes.put(load.ref(), shape);
      searches.put(
          load.ref(),
          byShape.computeIfAbsent(shape, s -> Searched.of(load.accessSet(), resized, policy)));
    }
    Map<ObjectRef, OptionalInt> breakEven = new LinkedHashMap<>();
    searches.forEach((ref, search) -> breakEven.put(ref, search.breakEven()));
    Check.Context context =
        new Check.Context(projection, policy, Optional.of(simulations), breakEven);
    Ignores.Applied applied = Ignores.apply(projection, policy, Checks.run(Checks.ALL, context));
    Map<ObjectRef, WorkloadVerdict> workloads = new LinkedHashMap<>();
    // So is the paced roll-out: its search reads the load's figures and the simulations of its
    // inputs, never its name.
    Map<LoadShape, Optional<Recommendation>> paced = new HashMap<>();
    for (WorkloadLoad load : projection.workloads()) {
      Searched search = searches.get(load.ref());
      workloads.put(
          load.ref(),
          new WorkloadVerdict(
              search.breakEven(),
              search.curve().map(points -> new LoadCurve(load.ref(), load.priorityLevel(), points)),
              paced
                  .computeIfAbsent(
                      shapes.get(load.ref()),
                      shape ->
                          Recommendations.of(
                              load, projection, policy, simulations.horizonSeconds()))
                  .map(r -> r.of(load.ref()))));
    }
    return new Verdict(
        projection,
        simulations,
        policy,
        sorted(applied.kept()),
        workloads,
        BlastRadius.of(projection, simulations, policy),
        skippedTestHooks,
        applied.skipped(),
        Optional.empty());
  }

  /**
   * Judges a change (its verdict by {@link #judge}) against the baseline's projection, both over the
   * manifests given: with {@code changeOnly}, the baseline's own errors that the change leaves as
   * they were do not fail the check.
   */
  public static Verdict judgeChange(
      Projection baseline,
      ManifestSet baselineManifests,
      Verdict change,
      ManifestSet changeManifests,
      boolean changeOnly) {
    return ChangeGate.judge(baseline, baselineManifests, change, changeManifests, changeOnly);
  }

  /**
   * The errors the budgets (and forbidden ignores) give a projection, after its ignores, without
   * simulations (which only add their figures to start-up messages): what a baseline is compared by.
   */
  static List<Finding> budgetErrors(Projection projection, Policy policy) {
    List<Finding> findings = Checks.run(Checks.COMPARED, Check.Context.budgets(projection, policy));
    return Ignores.apply(projection, policy, findings).kept().stream()
        .filter(f -> f.severity() == Severity.ERROR)
        .toList();
  }

  /** Rules compare by id and subjects by their printed reference, so the order is the reports' alphabetical one. */
  static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::subject)
          .thenComparing(f -> f.rule().id())
          .thenComparing(Finding::message);

  static List<Finding> sorted(List<Finding> findings) {
    return findings.stream().sorted(ORDER).toList();
  }

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
      return LoadModel.project(
          List.of(set),
          profile,
          projection.apf(),
          levels.computeIfAbsent(nodes, n -> PriorityLevels.of(profile, projection.apf())));
    }
  }

  private static boolean fails(Projection alone, Policy policy) {
    Check.Context context = Check.Context.budgets(alone, policy);
    return Checks.BUDGETS.stream().anyMatch(check -> !check.findings(context).isEmpty());
  }

  /**
   * The workload alone at node counts doubling from staging's until past twice the larger of the
   * profile's and the supported maximum, with the profile's own count and the break-even point added.
   */
  private static Optional<List<LoadCurve.Point>> loadCurve(
      AccessSet set, OptionalInt breakEven, Resized resized, Policy policy) {
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
    breakEven.ifPresent(
        n -> {
          if (n <= end) {
            ladder.add(n);
          }
        });
    List<LoadCurve.Point> points = new ArrayList<>();
    for (int nodes : ladder) {
      Projection alone = resized.alone(set, nodes);
      WorkloadLoad there = alone.workloads().get(0);
      LevelLoad level =
          alone.levelLoads().stream()
              .filter(l -> l.name().equals(there.priorityLevel()))
              .findFirst()
              .orElseThrow();
      double steady = level.existing() + there.demandIn(level.name());
      ClusterProfile.ApiServers apiServers = alone.profile().apiServers();
      points.add(
          new LoadCurve.Point(
              nodes,
              steady,
              level.existing() + there.storm().seatsDemanded(),
              level.seats() * policy.levelUtilization(),
              there.watchBytesPerSecond() / apiServers.replicas(),
              policy.watchBytesPerSecondPerReplica(),
              there.storm().peakTransientBytes(),
              policy.transientListMemoryFraction() * apiServers.memoryBytes(),
              there.storm().syncLagSeconds(),
              policy.requestTimeoutSeconds(),
              fails(alone, policy)));
    }
    return Optional.of(List.copyOf(points));
  }
}
