package io.kubeload.model;

import io.kubeload.access.AccessSet;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.workload.Workload;
import java.util.List;
import java.util.Map;

/**
 * A workload's projected load at the profile's scale.
 *
 * @param listBytesPerStart bytes one pod LISTs when it starts
 * @param seatSecondsPerSecond steady seat demand of its own requests, all levels (excludes what it adds to writers)
 * @param peakSeats seats its start-up storm asks for at once
 * @param scalingReason why the scaling class is what it is, in words
 */
public record WorkloadLoad(
    AccessSet accessSet,
    int pods,
    String priorityLevel,
    List<AccessLoad> accesses,
    Map<String, Double> requestsByVerb,
    double requestsPerSecond,
    double watches,
    double listBytesPerStart,
    double watchEventsPerSecond,
    double watchBytesPerSecond,
    double seatSecondsPerSecond,
    double peakSeats,
    List<WriteInflation> inflations,
    StartupStorm storm,
    ScalingClass scalingClass,
    String scalingReason) {

  /** The same load with the workload rolled out another way, and that roll-out's storm. */
  public WorkloadLoad rolledOutAs(Workload other, StartupStorm otherStorm) {
    AccessSet set = new AccessSet(other, accessSet.basis(), accessSet.accesses(), accessSet.notes());
    return new WorkloadLoad(set, pods, priorityLevel, accesses, requestsByVerb, requestsPerSecond, watches, listBytesPerStart,
        watchEventsPerSecond, watchBytesPerSecond, seatSecondsPerSecond, otherStorm.seatsDemanded(), inflations, otherStorm,
        scalingClass, scalingReason);
  }

  public Workload workload() {
    return accessSet.workload();
  }

  public ObjectRef ref() {
    return workload().ref();
  }

  /** Seat demand this workload causes in {@code level}: its own requests and the writes it inflates. */
  public double demandIn(String level) {
    double own = accesses.stream()
        .filter(a -> a.priorityLevel().equals(level))
        .mapToDouble(AccessLoad::seatSecondsPerSecond)
        .sum();
    double inflated = inflations.stream()
        .filter(i -> i.writerLevel().equals(level))
        .mapToDouble(WriteInflation::extraSeatSecondsPerSecond)
        .sum();
    return own + inflated;
  }
}
