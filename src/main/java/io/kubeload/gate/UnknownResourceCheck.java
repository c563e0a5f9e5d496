package io.kubeload.gate;

import io.kubeload.model.AccessLoad;
import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** unknown-resource: accesses to resources the profile does not describe, whose load is not counted. */
final class UnknownResourceCheck implements Check {

  @Override
  public Set<Rule> rules() {
    return Set.of(Rule.UNKNOWN_RESOURCE);
  }

  @Override
  public List<Finding> findings(Context context) {
    List<Finding> out = new ArrayList<>();
    for (WorkloadLoad load : context.projection().workloads()) {
      // One warning a workload, however many resources: an operator watching ten CRDs is one thing
      // to read.
      List<Integer> indices =
          IntStream.range(0, load.accesses().size())
              .filter(i -> !load.accesses().get(i).profiled())
              .boxed()
              .toList();
      List<AccessLoad> unknown = indices.stream().map(load.accesses()::get).toList();
      if (unknown.isEmpty()) {
        continue;
      }
      List<String> resources =
          unknown.stream().map(a -> a.access().resource()).distinct().sorted().toList();
      out.add(
          Finding.of(
              Rule.UNKNOWN_RESOURCE,
              load.ref(),
              new Evidence.UnknownResources(
                  resources, unknown.size(), unknown.get(0).access().describe()),
              unknown.get(0).access().provenance().location(),
              "add "
                  + String.join(", ", resources)
                  + " (count, sizeBytes, churn) to the cluster profile",
              indices));
    }
    return out;
  }
}
