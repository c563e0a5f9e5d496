package io.kubeload.gate;

import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.LoadModel;
import io.kubeload.model.Projection;
import io.kubeload.model.RolloutSimulation;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.StartupStorm;
import io.kubeload.model.Units;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.workload.RolloutStrategy;
import io.kubeload.workload.Workload;
import java.util.Optional;

/**
 * Finds the fastest roll-out pace whose start-up storm stays inside the budget, in the closed form
 * and in its own simulation: the closed form averages a wave's LISTs over its period (Little's law)
 * and misses the peak when they all start together, so it only bounds the search, and the pace is
 * then narrowed (bisection) until the simulation of it keeps the pods' wait for their start-up LISTs and
 * LIST memory in the budget too.
 */
final class Recommendations {

  /** The longest minReadySeconds worth recommending: beyond an hour per pod, a roll-out is not a roll-out. */
  static final int MAX_MIN_READY_SECONDS = 3_600;

  private Recommendations() {}

  static Optional<Recommendation> of(
      WorkloadLoad load, Projection projection, Policy policy, double horizon) {
    if (load.storm().listsPerPod() == 0 || withinBudget(load.storm(), projection, policy)) {
      return Optional.empty();
    }
    Workload workload = load.workload();
    int minReady = workload.rollout().minReadySeconds();
    Search search = new Search(load, projection, policy, horizon);
    Optional<Pace> pace =
        search.largestWave(minReady, largestWave(load, projection, policy, minReady));
    if (pace.isEmpty()) {
      int closedFormMinReady = smallestMinReady(load, projection, policy);
      pace =
          closedFormMinReady < 0 ? Optional.empty() : search.smallestMinReady(closedFormMinReady);
    }
    ObjectRef ref = load.ref();
    if (pace.isEmpty()) {
      return Optional.of(
          new Recommendation(
              ref,
              false,
              0,
              0,
              "no roll-out pace keeps the start-up inside the budget: one pod's start-up LISTs alone break it, so shrink what each pod lists",
              load.storm(),
              Optional.empty(),
              search.simulated,
              search.proven));
    }
    int largest = pace.get().wave();
    minReady = pace.get().minReady();
    StartupStorm storm = LoadModel.stormOf(load, paced(workload, largest, minReady), projection);
    SimulationResult simulated = pace.get().simulated();
    String percent = Units.percent((double) largest / load.pods());
    String duration = "; the whole roll-out then takes ≈ " + Units.duration(storm.arrivalSeconds());
    String advice =
        workload.isNew()
            ? "create it in phases of at most "
                + Units.number(largest)
                + " pods ("
                + percent
                + " of them), e.g. a labelled node pool "
                + "whose nodeSelector you widen step by step, starting each phase when the last one has synced"
                + (minReady == 0 ? "" : " and stayed ready " + minReady + " s")
                + "; roll later updates with maxUnavailable: "
                + largest
                + " and minReadySeconds: "
                + minReady
                + duration
            : "roll out with maxUnavailable: "
                + largest
                + " ("
                + percent
                + ") and minReadySeconds: "
                + minReady
                + duration;
    return Optional.of(
        new Recommendation(
            ref,
            true,
            largest,
            minReady,
            advice,
            storm,
            Optional.of(simulated),
            search.simulated,
            search.proven));
  }

  /** A pace and its simulation. */
  private record Pace(int wave, int minReady, SimulationResult simulated) {}

  /**
   * The bisections on the simulation. A pace whose wave cannot queue a request ({@link
   * RolloutSimulation#neverQueues}) and whose LISTs all in flight at once stay inside the memory
   * budget holds without simulating it: its simulation would see no second saturated and at most
   * that memory. Only the pace chosen is then simulated, for its figures; the choice is the one
   * simulating every step gives.
   */
  private static final class Search {
    // A running sum of the simulation's LIST memory rounds; it stays within this share of the
    // bound.
    private static final double ROUNDING = 1e-9;

    final WorkloadLoad load;
    final Projection projection;
    final Policy policy;
    final double horizon;
    int simulated;
    int proven;

    Search(WorkloadLoad load, Projection projection, Policy policy, double horizon) {
      this.load = load;
      this.projection = projection;
      this.policy = policy;
      this.horizon = horizon;
    }

    /** The largest wave up to the closed form's whose simulation holds too: a handful of simulations. */
    Optional<Pace> largestWave(int minReady, int closedFormLargest) {
      int best = 0;
      SimulationResult bestSimulated = null;
      int low = 1;
      int high = closedFormLargest;
      while (low <= high) {
        int mid = low + (high - low + 1) / 2;
        Tried tried = tryPace(mid, minReady);
        if (tried.holds()) {
          best = mid;
          bestSimulated = tried.simulated();
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      return best == 0 ? Optional.empty() : Optional.of(chosen(best, minReady, bestSimulated));
    }

    /** One pod at a time: the smallest minReadySeconds from the closed form's up whose simulation holds too. */
    Optional<Pace> smallestMinReady(int closedFormMinReady) {
      int best = -1;
      SimulationResult bestSimulated = null;
      int low = closedFormMinReady;
      int high = MAX_MIN_READY_SECONDS;
      while (low <= high) {
        int mid = low + (high - low) / 2;
        Tried tried = tryPace(1, mid);
        if (tried.holds()) {
          best = mid;
          bestSimulated = tried.simulated();
          high = mid - 1;
        } else {
          low = mid + 1;
        }
      }
      return best < 0 ? Optional.empty() : Optional.of(chosen(1, best, bestSimulated));
    }

    /** Whether a pace holds, and its simulation unless the closed form proved it (null then). */
    private record Tried(boolean holds, SimulationResult simulated) {}

    private Tried tryPace(int wave, int minReady) {
      Workload paced = paced(load.workload(), wave, minReady);
      WorkloadLoad other = load.rolledOutAs(paced, LoadModel.stormOf(load, paced, projection));
      double memory =
          RolloutSimulation.listBytesAtOnce(other, load.priorityLevel(), projection.profile());
      if (RolloutSimulation.neverQueues(other, projection.profile(), projection.levels())
          && withinBudget(0, memory * (1 + ROUNDING), projection, policy)) {
        proven++;
        return new Tried(true, null);
      }
      simulated++;
      SimulationResult result = LoadModel.simulate(load, paced, projection, horizon);
      // A slow pace outlasts the horizon: what the simulation can tell is how long requests waited
      // for
      // seats in the time it saw, which is how long pods waited beyond their own LIST.
      return new Tried(
          withinBudget(result.saturatedSeconds(), result.peakTransientBytes(), projection, policy),
          result);
    }

    private Pace chosen(int wave, int minReady, SimulationResult simulatedThere) {
      return new Pace(
          wave,
          minReady,
          simulatedThere != null
              ? simulatedThere
              : LoadModel.simulate(
                  load, paced(load.workload(), wave, minReady), projection, horizon));
    }
  }

  private static boolean withinBudget(StartupStorm storm, Projection projection, Policy policy) {
    return withinBudget(storm.syncLagSeconds(), storm.peakTransientBytes(), projection, policy);
  }

  private static boolean withinBudget(
      double syncLagSeconds, double peakTransientBytes, Projection projection, Policy policy) {
    return syncLagSeconds <= policy.requestTimeoutSeconds()
        && peakTransientBytes
            <= policy.transientListMemoryFraction()
                * projection.profile().apiServers().memoryBytes();
  }

  /** The largest wave within budget (0 if even one pod at a time is too many); the storm grows with the wave. */
  private static int largestWave(
      WorkloadLoad load, Projection projection, Policy policy, int minReady) {
    int low = 0;
    int high = load.pods();
    while (low < high) {
      int mid = low + (high - low + 1) / 2;
      if (withinBudget(
          LoadModel.stormOf(load, paced(load.workload(), mid, minReady), projection),
          projection,
          policy)) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /** The smallest minReadySeconds that lets one pod at a time through; -1 if none up to an hour. */
  private static int smallestMinReady(WorkloadLoad load, Projection projection, Policy policy) {
    if (!withinBudget(
        LoadModel.stormOf(load, paced(load.workload(), 1, MAX_MIN_READY_SECONDS), projection),
        projection,
        policy)) {
      return -1;
    }
    int low = 0;
    int high = MAX_MIN_READY_SECONDS;
    while (low < high) {
      int mid = low + (high - low) / 2;
      if (withinBudget(
          LoadModel.stormOf(load, paced(load.workload(), 1, mid), projection),
          projection,
          policy)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  private static Workload paced(Workload workload, int wave, int minReady) {
    return workload.withRollout(
        new RolloutStrategy(
            "RollingUpdate",
            wave,
            0,
            minReady,
            "maxUnavailable="
                + wave
                + " maxSurge=0"
                + (minReady == 0 ? "" : " minReadySeconds=" + minReady)),
        Workload.Arrival.ALREADY_RUNNING);
  }
}
