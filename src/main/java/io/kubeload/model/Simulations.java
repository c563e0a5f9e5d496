package io.kubeload.model;

import io.kubeload.manifest.ObjectRef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The roll-out simulation of every workload that lists at start, and the API-server restart
 * simulation of all of them together.
 *
 * @param rollouts by workload reference (unordered: look up with {@link #rolloutOf}, never iterate)
 * @param restart by priority level
 */
public record Simulations(
    Map<ObjectRef, SimulationResult> rollouts,
    Map<String, SimulationResult> restart,
    double horizonSeconds) {

  public Simulations {
    rollouts = Map.copyOf(rollouts);
    // Iterated by the gate and the reports: kept in the order the simulation gave.
    restart = Collections.unmodifiableMap(new LinkedHashMap<>(restart));
  }

  public static Simulations of(Projection projection, double horizonSeconds) {
    Map<ObjectRef, SimulationResult> rollouts = new LinkedHashMap<>();
    for (WorkloadLoad load : projection.workloads()) {
      if (load.storm().listsPerPod() > 0) {
        rollouts.put(
            load.ref(),
            RolloutSimulation.rollout(
                load, projection.profile(), projection.levels(), horizonSeconds));
      }
    }
    Map<String, SimulationResult> restart =
        RolloutSimulation.restart(
            projection.workloads(), projection.profile(), projection.levels(), horizonSeconds);
    return new Simulations(rollouts, restart, horizonSeconds);
  }

  public Optional<SimulationResult> rolloutOf(ObjectRef ref) {
    return Optional.ofNullable(rollouts.get(ref));
  }
}
