package io.kubeload.model;

import io.kubeload.access.AccessSet;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.workload.Workload;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workload's projected load at the profile's scale.
 *
 * @param priorityLevel the level its requests land in (its first access that is not a leader election)
 * @param totals its accesses' load, summed
 * @param inflations the extra seats its watches add to other writers' requests
 * @param storm what its roll-out's start-up LISTs ask of {@code priorityLevel}
 */
public record WorkloadLoad(
    AccessSet accessSet,
    int pods,
    String priorityLevel,
    List<AccessLoad> accesses,
    Totals totals,
    List<WriteInflation> inflations,
    StartupStorm storm,
    Scaling scaling) {

  public WorkloadLoad {
    accesses = List.copyOf(accesses);
    inflations = List.copyOf(inflations);
  }

  /**
   * The workload's accesses summed, each sum over the accesses in their order (the by-verb rates in
   * verb order), so that the figures do not depend on how a map happens to iterate.
   *
   * @param listBytesPerStart bytes one pod LISTs when it starts
   * @param seatSecondsPerSecond steady seat demand of its own requests, all levels (excludes what it adds to writers)
   */
  public record Totals(
      Map<String, Double> requestsByVerb,
      double requestsPerSecond,
      double watches,
      double listBytesPerStart,
      double watchEventsPerSecond,
      double watchBytesPerSecond,
      double seatSecondsPerSecond) {

    public Totals {
      requestsByVerb = Map.copyOf(requestsByVerb);
    }

    static Totals of(List<AccessLoad> accesses) {
      Map<String, Double> byVerb = new TreeMap<>();
      accesses.forEach(
          a ->
              a.requestsPerSecond().forEach((verb, rate) -> byVerb.merge(verb, rate, Double::sum)));
      return new Totals(
          byVerb,
          byVerb.values().stream().mapToDouble(Double::doubleValue).sum(),
          accesses.stream().mapToDouble(AccessLoad::watches).sum(),
          accesses.stream().mapToDouble(a -> a.listsPerStart() * a.listBytes()).sum(),
          accesses.stream().mapToDouble(AccessLoad::watchEventsPerSecond).sum(),
          accesses.stream().mapToDouble(AccessLoad::watchBytesPerSecond).sum(),
          accesses.stream().mapToDouble(AccessLoad::seatSecondsPerSecond).sum());
    }
  }

  /**
   * How the workload's cost grows with the nodes.
   *
   * @param reason why the class is what it is, in words
   */
  public record Scaling(ScalingClass scalingClass, String reason) {

    public Scaling {
      // One of a few sentences, kept to the report by each workload (docs/performance.md).
      reason = reason.intern();
    }
  }

  /** The same load with the workload rolled out another way, and that roll-out's storm. */
  public WorkloadLoad rolledOutAs(Workload other, StartupStorm otherStorm) {
    AccessSet set =
        new AccessSet(other, accessSet.basis(), accessSet.accesses(), accessSet.notes());
    return new WorkloadLoad(
        set, pods, priorityLevel, accesses, totals, inflations, otherStorm, scaling);
  }

  public Workload workload() {
    return accessSet.workload();
  }

  public ObjectRef ref() {
    return workload().ref();
  }

  public Map<String, Double> requestsByVerb() {
    return totals.requestsByVerb();
  }

  public double requestsPerSecond() {
    return totals.requestsPerSecond();
  }

  public double watches() {
    return totals.watches();
  }

  /** Bytes one pod LISTs when it starts. */
  public double listBytesPerStart() {
    return totals.listBytesPerStart();
  }

  public double watchEventsPerSecond() {
    return totals.watchEventsPerSecond();
  }

  public double watchBytesPerSecond() {
    return totals.watchBytesPerSecond();
  }

  /** Steady seat demand of its own requests, all levels (excludes what it adds to writers). */
  public double seatSecondsPerSecond() {
    return totals.seatSecondsPerSecond();
  }

  /** Seats its start-up storm asks for at once. */
  public double peakSeats() {
    return storm.seatsDemanded();
  }

  public ScalingClass scalingClass() {
    return scaling.scalingClass();
  }

  /** Why the scaling class is what it is, in words. */
  public String scalingReason() {
    return scaling.reason();
  }

  /** Seat demand this workload causes in {@code level}: its own requests and the writes it inflates. */
  public double demandIn(String level) {
    // The checks and the blast radius ask of every level; a workload lands in one or two, and the
    // sums' streams were a tenth of a repository's allocation (docs/performance.md, "Fifth round").
    if (!landsIn(level)) {
      return 0;
    }
    double own =
        accesses.stream()
            .filter(a -> a.priorityLevel().equals(level))
            .mapToDouble(AccessLoad::seatSecondsPerSecond)
            .sum();
    double inflated =
        inflations.stream()
            .filter(i -> i.writerLevel().equals(level))
            .mapToDouble(WriteInflation::extraSeatSecondsPerSecond)
            .sum();
    return own + inflated;
  }

  private boolean landsIn(String level) {
    for (AccessLoad access : accesses) {
      if (access.priorityLevel().equals(level)) {
        return true;
      }
    }
    for (WriteInflation inflation : inflations) {
      if (inflation.writerLevel().equals(level)) {
        return true;
      }
    }
    return false;
  }
}
