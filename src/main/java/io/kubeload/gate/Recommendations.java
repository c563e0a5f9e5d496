package io.kubeload.gate;

import io.kubeload.model.LoadModel;
import io.kubeload.model.Projection;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.StartupStorm;
import io.kubeload.model.Units;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.workload.RolloutStrategy;
import io.kubeload.workload.Workload;
import java.util.Optional;

/** Finds the fastest roll-out pace whose start-up storm stays inside the budget (closed form, then simulated). */
final class Recommendations {

  /** The longest minReadySeconds worth recommending: beyond an hour per pod, a roll-out is not a roll-out. */
  static final int MAX_MIN_READY_SECONDS = 3_600;

  private Recommendations() {}

  static Optional<Recommendation> of(WorkloadLoad load, Projection projection, Policy policy, double horizon) {
    if (load.storm().listsPerPod() == 0 || withinBudget(load.storm(), projection, policy)) {
      return Optional.empty();
    }
    Workload workload = load.workload();
    int minReady = workload.rollout().minReadySeconds();
    int largest = largestWave(load, projection, policy, minReady);
    if (largest == 0) {
      minReady = smallestMinReady(load, projection, policy);
      largest = minReady < 0 ? 0 : 1;
    }
    String ref = load.ref().toString();
    if (largest == 0) {
      return Optional.of(new Recommendation(ref, false, 0, 0,
          "no roll-out pace keeps the start-up inside the budget: one pod's start-up LISTs alone break it, so shrink what each pod lists",
          load.storm(), Optional.empty()));
    }
    Workload paced = paced(workload, largest, minReady);
    StartupStorm storm = LoadModel.stormOf(load, paced, projection);
    SimulationResult simulated = LoadModel.simulate(load, paced, projection, horizon);
    String percent = Units.percent((double) largest / load.pods());
    String duration = "; the whole roll-out then takes ≈ " + Units.duration(storm.arrivalSeconds());
    String advice = workload.isNew()
        ? "create it in phases of at most " + Units.number(largest) + " pods (" + percent + " of them), e.g. a labelled node pool "
            + "whose nodeSelector you widen step by step, starting each phase when the last one has synced"
            + (minReady == 0 ? "" : " and stayed ready " + minReady + " s") + "; roll later updates with maxUnavailable: "
            + largest + " and minReadySeconds: " + minReady + duration
        : "roll out with maxUnavailable: " + largest + " (" + percent + ") and minReadySeconds: " + minReady + duration;
    return Optional.of(new Recommendation(ref, true, largest, minReady, advice, storm, Optional.of(simulated)));
  }

  private static boolean withinBudget(StartupStorm storm, Projection projection, Policy policy) {
    return storm.rejected() <= policy.startupRejections()
        && storm.peakTransientBytes() <= policy.transientListMemoryFraction() * projection.profile().apiServers().memoryBytes();
  }

  /** The largest wave within budget (0 if even one pod at a time is too many); the storm grows with the wave. */
  private static int largestWave(WorkloadLoad load, Projection projection, Policy policy, int minReady) {
    int low = 0;
    int high = load.pods();
    while (low < high) {
      int mid = low + (high - low + 1) / 2;
      if (withinBudget(LoadModel.stormOf(load, paced(load.workload(), mid, minReady), projection), projection, policy)) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /** The smallest minReadySeconds that lets one pod at a time through; -1 if none up to an hour. */
  private static int smallestMinReady(WorkloadLoad load, Projection projection, Policy policy) {
    if (!withinBudget(LoadModel.stormOf(load, paced(load.workload(), 1, MAX_MIN_READY_SECONDS), projection), projection, policy)) {
      return -1;
    }
    int low = 0;
    int high = MAX_MIN_READY_SECONDS;
    while (low < high) {
      int mid = low + (high - low) / 2;
      if (withinBudget(LoadModel.stormOf(load, paced(load.workload(), 1, mid), projection), projection, policy)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  private static Workload paced(Workload workload, int wave, int minReady) {
    return workload.withRollout(new RolloutStrategy("RollingUpdate", wave, 0, minReady,
        "maxUnavailable=" + wave + " maxSurge=0" + (minReady == 0 ? "" : " minReadySeconds=" + minReady)), false);
  }
}
