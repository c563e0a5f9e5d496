package io.kubeload.gate;

import io.kubeload.access.Access.Pattern;
import io.kubeload.access.Access.Scope;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.model.AccessLoad;
import io.kubeload.model.LevelLoad;
import io.kubeload.model.ListCost;
import io.kubeload.model.Physics;
import io.kubeload.model.Projection;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.StartupStorm;
import io.kubeload.model.Units;
import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import java.util.Optional;

/** The budget rules for one workload, each with its numbers and a fix. */
final class Budgets {

  static final String SEAT_DEMAND = "seat-demand";
  static final String STARTUP_STORM = "startup-storm";
  static final String LIST_MEMORY = "list-memory";
  static final String WATCH_EGRESS = "watch-egress";

  private Budgets() {}

  static List<Finding> workloadFindings(WorkloadLoad load, Projection projection, Policy policy, Optional<SimulationResult> simulated) {
    List<Finding> out = new ArrayList<>();
    String ref = load.ref().toString();
    StartupStorm storm = load.storm();
    int replicas = projection.profile().apiServers().replicas();
    if (stormHarms(storm, policy)) {
      out.add(new Finding(Severity.ERROR, STARTUP_STORM, ref,
          Units.number(storm.pods()) + " pods start at " + Units.number(storm.podsPerSecond()) + "/s (" + storm.bound() + "), each LISTing "
              + Units.bytes(load.listBytesPerStart()) + ": " + Units.number(storm.seatsDemanded()) + " seats wanted of "
              + load.priorityLevel() + "'s " + Units.number(storm.seatsAvailable()) + "; " + lagSummary(load, policy)
              + simulated.map(Budgets::simulatedSummary).orElse(""),
          load.workload().location(), stormFix(load)));
    }
    double memoryBudget = policy.transientListMemoryFraction() * projection.profile().apiServers().memoryBytes();
    if (storm.peakTransientBytes() > memoryBudget) {
      Units.Beside memory = Units.bytesBeside(storm.peakTransientBytes(), memoryBudget);
      out.add(new Finding(Severity.ERROR, LIST_MEMORY, ref,
          "start-up LISTs in flight hold ≈ " + memory.value() + " of API-server memory per replica "
              + "(" + memoryHeld(load, projection.profile()) + "; budget " + memory.budget() + ")",
          load.workload().location(), scopeFix(load).orElse(
              "list less at start, or use streaming lists (client-go WatchListClient) so responses are not held whole")));
    }
    double egress = load.watchBytesPerSecond() / replicas;
    if (egress > policy.watchBytesPerSecondPerReplica()) {
      Units.Beside bytes = Units.bytesBeside(egress, policy.watchBytesPerSecondPerReplica());
      out.add(new Finding(Severity.ERROR, WATCH_EGRESS, ref,
          "its " + Units.number(load.watches()) + " watches receive " + Units.number(load.watchEventsPerSecond() / replicas)
              + " events/s, " + bytes.value() + "/s per API server (budget " + bytes.budget() + "/s)",
          load.workload().location(), scopeFix(load).orElse("narrow the watches with a label or field selector")));
    }
    for (LevelLoad level : projection.levelLoads()) {
      double alone = level.existing() + load.demandIn(level.name());
      if (load.demandIn(level.name()) > 0 && level.seats() > 0 && alone / level.seats() > policy.levelUtilization()) {
        out.add(seatDemandFinding(load, level, policy, false));
      }
    }
    return out;
  }

  /**
   * A start-up storm harms when its last pods still wait for their start-up LISTs past the request
   * time-out: clients give up, retry and relist, so the level stays saturated and a LIST that alone
   * outlasts the time-out never completes (the relist storm of projectcalico/node issue 1200).
   * 429s alone are APF working: it rejects the storm's own flow and keeps serving the level's others.
   */
  static boolean stormHarms(StartupStorm storm, Policy policy) {
    return storm.syncLagSeconds() > policy.requestTimeoutSeconds();
  }

  private static String lagSummary(WorkloadLoad load, Policy policy) {
    StartupStorm storm = load.storm();
    String timeout = Units.number(policy.requestTimeoutSeconds()) + " s request time-out";
    if (storm.levelKeepsUp()) {
      return "one start-up LIST takes ≈ " + Units.seconds(storm.syncLagSeconds()) + " to serve, past the " + timeout
          + ": the client gives up and LISTs again, for ever";
    }
    return "the level cannot keep up, and the last pods wait ≈ " + Units.duration(storm.syncLagSeconds())
        + " for their start-up LISTs, past the " + timeout + ": clients give up, retry and relist while the level stays saturated";
  }

  /** What each start-up LIST holds, by where it is served: the profile's figure for the cache, KEP-3157's for etcd. */
  private static String memoryHeld(WorkloadLoad load, ClusterProfile profile) {
    Set<ListCost.Served> served = EnumSet.noneOf(ListCost.Served.class);
    load.accesses().stream().filter(a -> a.listsPerStart() > 0).forEach(a -> served.add(a.list().served()));
    List<String> held = served.stream().map(where -> switch (where) {
      case WATCH_CACHE -> Units.number(profile.apiServers().listMemoryAmplification()) + "× its response from the cache";
      case ETCD -> Units.number(Physics.ETCD_MEMORY_AMPLIFICATION) + "× what it reads from etcd";
      case WATCH_LIST -> Units.bytes(Physics.WATCH_LIST_BYTES_PER_WATCHER) + " per streamed watch";
    }).toList();
    return "each held " + String.join(", or ", held);
  }

  private static String simulatedSummary(SimulationResult s) {
    String synced = s.allSynced()
        ? "every pod synced after " + Units.seconds(Math.ceil(s.syncedSeconds().getAsDouble()))
        : "only " + Units.number(s.syncedPods()) + " of " + Units.number(s.pods()) + " pods synced after " + s.span();
    return "; simulated with retries: " + Units.number(s.rejected()) + " requests answered 429, " + synced;
  }

  static Finding seatDemandFinding(WorkloadLoad load, LevelLoad level, Policy policy, boolean shared) {
    String inflation = Gate.inflationSummary(load.inflations(), level.name());
    String who = shared ? " (largest share: " + Units.number(load.demandIn(level.name())) + " of it)" : "";
    double busy = level.existing() + (shared ? level.demand() : load.demandIn(level.name()));
    Units.Beside share = Units.percentBeside(busy / level.seats(), policy.levelUtilization());
    String message = level.name() + ": " + Units.number(busy) + " seats busy in steady state, " + share.value()
        + " of its " + Units.number(level.seats()) + " (budget " + share.budget() + ")" + who
        + (level.rejectedShare() > 0 ? "; even borrowing every idle seat, ≈ " + Units.percent(level.rejectedShare()) + " of its requests get 429"
            : level.utilization() > 1 ? "; it gets by only on " + Units.number(level.borrowable()) + " seats borrowed from other levels, which they reclaim when busy" : "")
        + (inflation.isEmpty() ? "" : ": " + inflation);
    String fix = !inflation.isEmpty()
        ? scopeFix(load).orElse("narrow the watches: every cluster-wide watcher makes every write of the resource cost more")
        : pollFix(load).orElse("lower the request rate, or move the work to a single replica that caches it");
    return new Finding(Severity.ERROR, SEAT_DEMAND, load.ref().toString(), message, load.workload().location(), fix);
  }

  private static String stormFix(WorkloadLoad load) {
    String narrow = scopeFix(load).map(f -> f + "; and ").orElse("");
    if (load.workload().isNew()) {
      return narrow + "roll it out to a small labelled node pool first and widen the nodeSelector step by step";
    }
    return narrow + "slow the roll-out: updateStrategy.rollingUpdate.maxUnavailable: 1 and minReadySeconds: 60 "
        + "(AWS EKS best practices, docs/failures.md §12)";
  }

  /**
   * The narrowing that removes the cluster-size term from a per-node workload's cost: the chart value
   * or flag the catalog names for the dominant access, where it names one.
   */
  static Optional<String> scopeFix(WorkloadLoad load) {
    Optional<AccessLoad> dominant = Gate.dominant(load);
    if (dominant.isEmpty() || dominant.get().access().scope() != Scope.CLUSTER) {
      return Optional.empty();
    }
    Optional<String> remedy = dominant.get().access().provenance().remedy();
    if (remedy.isPresent()) {
      return remedy;
    }
    String resource = dominant.get().access().resource();
    if (!load.workload().runsOnEveryNode()) {
      return Optional.of("narrow the " + resource + " " + dominant.get().access().pattern().label()
          + " with a namespace, label or field selector");
    }
    return Optional.of(switch (resource) {
      case "pods" -> "filter the pod " + dominant.get().access().pattern().label()
          + " to the pod's own node: pass NODE_NAME (env from fieldRef spec.nodeName) and list/watch with fieldSelector "
          + "spec.nodeName=$(NODE_NAME), served from the watch cache's node index";
      case "nodes" -> "get or watch only the pod's own Node: fieldSelector metadata.name=$(NODE_NAME)";
      default -> "move the cluster-wide " + resource + " watch out of the per-node pods into one Deployment they ask "
          + "(the Datadog Cluster Agent and Calico Typha pattern), or narrow it with a selector";
    });
  }

  private static Optional<String> pollFix(WorkloadLoad load) {
    return load.accesses().stream()
        .filter(a -> a.access().pattern() == Pattern.POLL)
        .max(java.util.Comparator.comparingDouble(AccessLoad::seatSecondsPerSecond))
        .map(a -> "poll " + a.access().resource() + " less often than every " + Units.number(a.access().periodSeconds())
            + " s, or replace the poll with an informer (one LIST, then a watch)");
  }

}
