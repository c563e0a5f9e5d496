package io.kubeload.gate;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.model.ListCost;
import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** list-memory: API-server memory held by the start-up LISTs in flight at the peak, per replica. */
final class ListMemoryCheck implements Check {

  @Override
  public Set<Rule> rules() {
    return Set.of(Rule.LIST_MEMORY);
  }

  @Override
  public List<Finding> findings(Context context) {
    ClusterProfile.ApiServers apiServers = context.projection().profile().apiServers();
    double budget = context.policy().transientListMemoryFraction() * apiServers.memoryBytes();
    List<Finding> out = new ArrayList<>();
    for (WorkloadLoad load : context.projection().workloads()) {
      double held = load.storm().peakTransientBytes();
      if (held > budget) {
        out.add(
            Finding.of(
                Rule.LIST_MEMORY,
                load.ref(),
                new Evidence.ListMemory(
                    held, budget, served(load), apiServers.listMemoryAmplification()),
                load.workload().location(),
                Fixes.scope(load)
                    .orElse(
                        "list less at start, or use streaming lists (client-go WatchListClient) so responses are not held whole"),
                Fixes.dominantIndex(load)));
      }
    }
    return out;
  }

  /** Where the workload's start-up LISTs are served: the profile's figure holds for the cache, KEP-3157's for etcd. */
  private static Set<ListCost.Served> served(WorkloadLoad load) {
    Set<ListCost.Served> served = EnumSet.noneOf(ListCost.Served.class);
    load.accesses().stream()
        .filter(a -> a.listsPerStart() > 0)
        .forEach(a -> served.add(a.list().served()));
    return served;
  }
}
