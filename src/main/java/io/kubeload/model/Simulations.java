package io.kubeload.model;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.ObjectRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The roll-out simulation of every workload that lists at start, and the API-server restart
 * simulation of all of them together.
 *
 * @param rollouts by workload reference (unordered: look up with {@link #rolloutOf}, never iterate)
 * @param restart by priority level
 */
public record Simulations(
    Map<ObjectRef, Rollout> rollouts,
    Map<String, SimulationResult> restart,
    double horizonSeconds) {

  public Simulations {
    rollouts = Map.copyOf(rollouts);
    // Iterated by the gate and the reports: kept in the order the simulation gave.
    restart = Collections.unmodifiableMap(new LinkedHashMap<>(restart));
  }

  /**
   * A workload's roll-out simulation.
   *
   * @param workloads the workloads of the run whose roll-out it is: each {@link SimulationInput} is
   *     simulated once, and workloads of equal input share its result
   */
  public record Rollout(SimulationResult result, int workloads) {}

  /**
   * Each distinct roll-out once, and the restart, side by side on the machine's cores: every run is
   * seeded by its own input and shares nothing with the others, and the results are kept by input,
   * so neither the order they finish in nor the number of cores changes a figure.
   */
  public static Simulations of(Projection projection, double horizonSeconds) {
    Map<SimulationInput, List<ObjectRef>> byInput = new LinkedHashMap<>();
    for (WorkloadLoad load : projection.workloads()) {
      if (load.storm().listsPerPod() > 0) {
        byInput
            .computeIfAbsent(SimulationInput.of(load), input -> new ArrayList<>())
            .add(load.ref());
      }
    }
    ClusterProfile profile = projection.profile();
    Map<String, PriorityLevel> levels = projection.levels();
    boolean parallel = Runtime.getRuntime().availableProcessors() > 1;
    // The common pool has a worker less than the cores, and the caller works too.
    ForkJoinTask<Map<String, SimulationResult>> restart =
        ForkJoinTask.adapt(
            () ->
                RolloutSimulation.restart(projection.workloads(), profile, levels, horizonSeconds));
    if (parallel) {
      ForkJoinPool.commonPool().execute(restart);
    }
    Stream<SimulationInput> inputs =
        parallel ? byInput.keySet().parallelStream() : byInput.keySet().stream();
    Map<SimulationInput, SimulationResult> results =
        inputs.collect(
            Collectors.toMap(
                Function.identity(),
                input -> RolloutSimulation.rollout(input, profile, levels, horizonSeconds)));
    Map<ObjectRef, Rollout> rollouts = new LinkedHashMap<>();
    byInput.forEach(
        (input, refs) -> {
          Rollout rollout = new Rollout(results.get(input), refs.size());
          refs.forEach(ref -> rollouts.put(ref, rollout));
        });
    return new Simulations(rollouts, parallel ? restart.join() : restart.invoke(), horizonSeconds);
  }

  public Optional<SimulationResult> rolloutOf(ObjectRef ref) {
    return rollout(ref).map(Rollout::result);
  }

  /** The workload's roll-out simulation, and how many workloads share it. */
  public Optional<Rollout> rollout(ObjectRef ref) {
    return Optional.ofNullable(rollouts.get(ref));
  }
}
