package io.kubeload.gate;

import io.kubeload.access.Access.Pattern;
import io.kubeload.access.Access.Scope;
import io.kubeload.model.AccessLoad;
import io.kubeload.model.Units;
import io.kubeload.model.WorkloadLoad;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** The fixes findings name: concrete changes to the workload that remove the cost the finding counts. */
final class Fixes {

  private Fixes() {}

  /** A start-up storm's fix: narrow what each pod lists, and start fewer pods at a time. */
  static String storm(WorkloadLoad load) {
    String narrow = scope(load).map(f -> f + "; and ").orElse("");
    if (load.workload().isNew()) {
      return narrow
          + "roll it out to a small labelled node pool first and widen the nodeSelector step by step";
    }
    return narrow
        + "slow the roll-out: updateStrategy.rollingUpdate.maxUnavailable: 1 and minReadySeconds: 60 "
        + "(AWS EKS best practices, docs/failures.md §12)";
  }

  /**
   * The narrowing that removes the cluster-size term from a per-node workload's cost: the chart value
   * or flag the catalog names for the dominant access, where it names one.
   */
  static Optional<String> scope(WorkloadLoad load) {
    Optional<AccessLoad> dominant = dominant(load);
    if (dominant.isEmpty() || dominant.get().access().scope() != Scope.CLUSTER) {
      return Optional.empty();
    }
    Optional<String> remedy = dominant.get().access().provenance().remedy();
    if (remedy.isPresent()) {
      return remedy;
    }
    String resource = dominant.get().access().resource();
    if (!load.workload().runsOnEveryNode()) {
      return Optional.of(
          "narrow the "
              + resource
              + " "
              + dominant.get().access().pattern().label()
              + " with a namespace, label or field selector");
    }
    return Optional.of(
        switch (resource) {
          case "pods" ->
              "filter the pod "
                  + dominant.get().access().pattern().label()
                  + " to the pod's own node: pass NODE_NAME (env from fieldRef spec.nodeName) and list/watch with fieldSelector "
                  + "spec.nodeName=$(NODE_NAME), served from the watch cache's node index";
          case "nodes" ->
              "get or watch only the pod's own Node: fieldSelector metadata.name=$(NODE_NAME)";
          default ->
              "move the cluster-wide "
                  + resource
                  + " watch out of the per-node pods into one Deployment they ask "
                  + "(the Datadog Cluster Agent and Calico Typha pattern), or narrow it with a selector";
        });
  }

  /** Polling less often, when the workload polls. */
  static Optional<String> poll(WorkloadLoad load) {
    return load.accesses().stream()
        .filter(a -> a.access().pattern() == Pattern.POLL)
        .max(Comparator.comparingDouble(AccessLoad::seatSecondsPerSecond))
        .map(
            a ->
                "poll "
                    + a.access().resource()
                    + " less often than every "
                    + Units.number(a.access().periodSeconds())
                    + " s, or replace the poll with an informer (one LIST, then a watch)");
  }

  /** The access that dominates a workload's cost, for fixes and the findings that rest on it. */
  static Optional<AccessLoad> dominant(WorkloadLoad load) {
    return dominantIndex(load).stream().findFirst().map(load.accesses()::get);
  }

  /** The dominant access as an index into the workload's accesses, or none when it has none but leader election. */
  static List<Integer> dominantIndex(WorkloadLoad load) {
    List<AccessLoad> accesses = load.accesses();
    Comparator<AccessLoad> cost =
        Comparator.comparingInt(AccessLoad::scalingDegree)
            .thenComparingDouble(a -> a.listBytes() + a.watchBytesPerSecond())
            .thenComparing(a -> a.access().resource());
    return IntStream.range(0, accesses.size())
        .boxed()
        .filter(i -> accesses.get(i).access().pattern() != Pattern.LEADER_ELECTION)
        .max(Comparator.comparing(accesses::get, cost))
        .map(List::of)
        .orElse(List.of());
  }
}
