package io.kubeload.model;

import io.kubeload.access.Access;
import java.util.List;
import java.util.Objects;

/**
 * What a roll-out simulation reads of one workload, and nothing else: its pods and their start-up
 * LISTs, how they start, and the level it reports. The engine takes this record, never the workload,
 * so what it reads and what its results are keyed and seeded by cannot drift apart. Names, files and
 * lines are not in it: workloads alike in all of it are one run, simulated once (docs/model.md §6).
 *
 * @param level the level whose figures the roll-out reports: the workload's
 * @param pods its pods and what each lists as it starts
 * @param wave pods started together: every pod followed for a new workload, an update's pods per wave
 * @param minReadySeconds how long a replaced pod stays ready before the next starts; 0 where one wave
 *     starts every pod, since nothing then waits for it
 */
public record SimulationInput(String level, Pods pods, int wave, int minReadySeconds) {

  /**
   * What an API-server restart reads of a workload: every pod relists, whatever its roll-out.
   *
   * @param count the workload's pods (the run follows at most {@link RolloutSimulation#MAX_SIMULATED_PODS})
   * @param lists each pod's start-up LISTs, in the order the pod fires them
   */
  public record Pods(int count, List<StartupList> lists) {

    public Pods {
      lists = List.copyOf(lists);
    }

    // The record's own equals and hashCode, without method handles (SpelledOutRecordsTest).
    @Override
    public boolean equals(Object other) {
      return other instanceof Pods pods && count == pods.count && Objects.equals(lists, pods.lists);
    }

    @Override
    public int hashCode() {
      return 31 * Integer.hashCode(count) + Objects.hashCode(lists);
    }

    static Pods of(WorkloadLoad load) {
      return new Pods(
          load.pods(),
          load.accesses().stream()
              .filter(a -> a.listsPerStart() > 0)
              .map(
                  a ->
                      new StartupList(
                          a.priorityLevel(),
                          a.listSeats(),
                          a.listSeconds(),
                          a.list().memoryBytes(),
                          watchesAfterList(a)))
              .toList());
    }

    /** The pods the run follows. */
    int simulated() {
      return Math.min(count, RolloutSimulation.MAX_SIMULATED_PODS);
    }

    /** LISTs and WATCHes each pod waits for before it is synced. */
    int requestsPerPod() {
      return lists.size() + (int) lists.stream().filter(StartupList::watchAfter).count();
    }

    long seed() {
      long seed = mix(SEED_START, count);
      for (StartupList list : lists) {
        seed = mix(seed, list.seed());
      }
      return seed;
    }
  }

  /**
   * One start-up LIST of a pod.
   *
   * @param level the priority level it lands in
   * @param seats the seats it holds while served
   * @param seconds how long it is served
   * @param memoryBytes API-server memory it holds while served, over all replicas
   * @param watchAfter whether an informer's WATCH follows it (one seat while it initialises)
   */
  public record StartupList(
      String level, int seats, double seconds, double memoryBytes, boolean watchAfter) {

    // The record's own equals and hashCode, without method handles (SpelledOutRecordsTest).
    @Override
    public boolean equals(Object other) {
      return other instanceof StartupList list
          && Objects.equals(level, list.level)
          && seats == list.seats
          && Double.compare(seconds, list.seconds) == 0
          && Double.compare(memoryBytes, list.memoryBytes) == 0
          && watchAfter == list.watchAfter;
    }

    @Override
    public int hashCode() {
      int hash = Objects.hashCode(level);
      hash = 31 * hash + Integer.hashCode(seats);
      hash = 31 * hash + Double.hashCode(seconds);
      hash = 31 * hash + Double.hashCode(memoryBytes);
      return 31 * hash + Boolean.hashCode(watchAfter);
    }

    long seed() {
      long seed = mix(SEED_START, level.hashCode());
      seed = mix(seed, seats);
      seed = mix(seed, Double.doubleToLongBits(seconds));
      seed = mix(seed, Double.doubleToLongBits(memoryBytes));
      return mix(seed, watchAfter ? 1 : 0);
    }
  }

  // The record's own equals and hashCode, without method handles (SpelledOutRecordsTest).
  @Override
  public boolean equals(Object other) {
    return other instanceof SimulationInput input
        && Objects.equals(level, input.level)
        && Objects.equals(pods, input.pods)
        && wave == input.wave
        && minReadySeconds == input.minReadySeconds;
  }

  @Override
  public int hashCode() {
    int hash = Objects.hashCode(level);
    hash = 31 * hash + Objects.hashCode(pods);
    hash = 31 * hash + Integer.hashCode(wave);
    return 31 * hash + Integer.hashCode(minReadySeconds);
  }

  /** The roll-out of {@code load}, as the simulation reads it. */
  public static SimulationInput of(WorkloadLoad load) {
    Pods pods = Pods.of(load);
    int simulated = pods.simulated();
    int wave =
        load.workload().isNew()
            ? simulated
            : Math.min(simulated, load.workload().rollout().podsPerWave());
    return new SimulationInput(
        load.priorityLevel(),
        pods,
        wave,
        wave >= simulated ? 0 : load.workload().rollout().minReadySeconds());
  }

  /**
   * The seed of the run's random stream: a function of this input alone, the same on every JVM
   * (String's hash is specified; a record's and an enum's are not).
   */
  long seed() {
    long seed = mix(SEED_START, level.hashCode());
    seed = mix(seed, pods.seed());
    seed = mix(seed, wave);
    return mix(seed, minReadySeconds);
  }

  /** Whether the access's LIST is followed by a WATCH: an informer's, unless it synced by streaming watch-list. */
  static boolean watchesAfterList(AccessLoad access) {
    return access.access().pattern() == Access.Pattern.INFORMER
        && access.list().served() != ListCost.Served.WATCH_LIST;
  }

  private static final long SEED_START = 17;

  static long mix(long seed, long value) {
    return seed * 31 + value;
  }
}
