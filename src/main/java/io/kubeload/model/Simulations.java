package io.kubeload.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The roll-out simulation of every workload that lists at start, and the API-server restart
 * simulation of all of them together.
 *
 * @param rollouts by workload reference
 * @param restart by priority level
 */
public record Simulations(Map<String, SimulationResult> rollouts, Map<String, SimulationResult> restart, double horizonSeconds) {

  public static Simulations of(Projection projection, double horizonSeconds) {
    Map<String, SimulationResult> rollouts = new LinkedHashMap<>();
    for (WorkloadLoad load : projection.workloads()) {
      if (load.storm().listsPerPod() > 0) {
        rollouts.put(load.ref().toString(),
            RolloutSimulation.rollout(load, projection.profile(), projection.levels(), horizonSeconds));
      }
    }
    Map<String, SimulationResult> restart =
        RolloutSimulation.restart(projection.workloads(), projection.profile(), projection.levels(), horizonSeconds);
    return new Simulations(Map.copyOf(rollouts), restart, horizonSeconds);
  }

  public Optional<SimulationResult> rolloutOf(String ref) {
    return Optional.ofNullable(rollouts.get(ref));
  }
}
