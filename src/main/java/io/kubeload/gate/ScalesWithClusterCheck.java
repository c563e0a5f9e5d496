package io.kubeload.gate;

import io.kubeload.model.Physics;
import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * scales-with-cluster: a workload that passes here but breaks a budget in a cluster inside the
 * supported envelope: the staging-versus-production gap that hid the incidents (docs/failures.md §1).
 */
final class ScalesWithClusterCheck implements Check {

  @Override
  public Set<Rule> rules() {
    return Set.of(Rule.SCALES_WITH_CLUSTER);
  }

  @Override
  public List<Finding> findings(Context context) {
    int nodes = context.projection().profile().nodes();
    List<Finding> out = new ArrayList<>();
    for (WorkloadLoad load : context.projection().workloads()) {
      OptionalInt breakEven = context.breakEven().getOrDefault(load.ref(), OptionalInt.empty());
      if (breakEven.isEmpty()
          || breakEven.getAsInt() <= nodes
          || breakEven.getAsInt() > Physics.SUPPORTED_MAXIMUM_NODES) {
        continue;
      }
      out.add(
          Finding.of(
              Rule.SCALES_WITH_CLUSTER,
              load.ref(),
              new Evidence.ScalesWith(
                  nodes, breakEven.getAsInt(), load.scalingClass().label(), load.scalingReason()),
              load.workload().location(),
              Fixes.scope(load)
                  .orElse("check it against your production profile: --profile FILE or --nodes N"),
              Fixes.dominantIndex(load)));
    }
    return out;
  }
}
