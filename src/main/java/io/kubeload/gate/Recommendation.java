package io.kubeload.gate;

import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.StartupStorm;
import java.util.Optional;

/**
 * The phased roll-out that keeps a workload's start-up inside the budget: at most
 * {@code podsPerWave} pods at a time, each counted ready {@code minReadySeconds} after it syncs.
 *
 * @param feasible false when no pace helps: one pod's start-up alone breaks the budget
 * @param storm the closed form at that pace
 * @param simulated the simulation at that pace, as a check
 * @param pacesSimulated paces the search simulated
 * @param pacesProven paces the search found inside the budget by the closed form alone, not simulated
 */
public record Recommendation(
    ObjectRef workload,
    boolean feasible,
    int podsPerWave,
    int minReadySeconds,
    String advice,
    StartupStorm storm,
    Optional<SimulationResult> simulated,
    int pacesSimulated,
    int pacesProven) {

  /** The same pace for another workload of the same shape. */
  Recommendation of(ObjectRef other) {
    return new Recommendation(
        other,
        feasible,
        podsPerWave,
        minReadySeconds,
        advice,
        storm,
        simulated,
        pacesSimulated,
        pacesProven);
  }
}
