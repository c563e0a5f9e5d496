package io.kubeload.gate;

import io.kubeload.model.SimulationResult;
import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * restart-storm: after every API server restarts, the pods of a level that cannot resync within the
 * horizon, attributed to the level's largest lister.
 */
final class RestartStormCheck implements Check {

  @Override
  public Set<Rule> rules() {
    return Set.of(Rule.RESTART_STORM);
  }

  @Override
  public List<Finding> findings(Context context) {
    List<Finding> out = new ArrayList<>();
    for (SimulationResult restart :
        context.simulations().map(s -> s.restart().values()).orElse(List.of())) {
      if (restart.allSynced()) {
        continue;
      }
      Optional<WorkloadLoad> largest =
          context.projection().workloads().stream()
              .filter(w -> w.storm().listsPerPod() > 0 && w.priorityLevel().equals(restart.level()))
              .max(
                  Comparator.comparingDouble(
                          (WorkloadLoad w) -> w.pods() * w.storm().seatSecondsPerPod())
                      .thenComparing(WorkloadLoad::ref));
      largest.ifPresent(
          load ->
              out.add(
                  Finding.of(
                      Rule.RESTART_STORM,
                      load.ref(),
                      new Evidence.Restart(restart.level(), restart),
                      load.workload().location(),
                      Fixes.scope(load)
                          .orElse(
                              "list less at start: each relist after a restart repeats the start-up LISTs"),
                      Fixes.dominantIndex(load))));
    }
    return out;
  }
}
