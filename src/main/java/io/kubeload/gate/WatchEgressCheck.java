package io.kubeload.gate;

import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** watch-egress: watch events' bytes per second per API server, against the policy's egress budget. */
final class WatchEgressCheck implements Check {

  @Override
  public Set<Rule> rules() {
    return Set.of(Rule.WATCH_EGRESS);
  }

  @Override
  public List<Finding> findings(Context context) {
    int replicas = context.projection().profile().apiServers().replicas();
    double budget = context.policy().watchBytesPerSecondPerReplica();
    List<Finding> out = new ArrayList<>();
    for (WorkloadLoad load : context.projection().workloads()) {
      double egress = load.watchBytesPerSecond() / replicas;
      if (egress > budget) {
        out.add(
            Finding.of(
                Rule.WATCH_EGRESS,
                load.ref(),
                new Evidence.Egress(
                    load.watches(), load.watchEventsPerSecond() / replicas, egress, budget),
                load.workload().location(),
                Fixes.scope(load).orElse("narrow the watches with a label or field selector"),
                Fixes.dominantIndex(load)));
      }
    }
    return out;
  }
}
