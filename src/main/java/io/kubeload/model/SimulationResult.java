package io.kubeload.model;

import java.util.List;

/**
 * What the simulation saw, second by second, and in sum.
 *
 * @param horizonSeconds how far it looked: the requested horizon, or less where the event budget ran out
 * @param series one sample per second from the start
 * @param peakSeats most seats busy at once in the level (including the existing demand)
 * @param saturatedSeconds seconds in which requests waited for seats
 * @param rejected requests answered 429 (each retry that is rejected again counts again)
 * @param lists start-up LISTs served
 * @param syncedSeconds seconds until every pod's start-up LISTs were served; empty if not within the horizon
 * @param peakTransientBytes API-server memory held by LISTs in flight at the peak, per replica
 * @param stoppedByEventBudget true when the run stopped before the requested horizon because its event budget ran out
 */
public record SimulationResult(
    Scenario scenario,
    String level,
    double seats,
    double horizonSeconds,
    List<Sample> series,
    double peakSeats,
    int saturatedSeconds,
    long rejected,
    long lists,
    int pods,
    int syncedPods,
    java.util.OptionalDouble syncedSeconds,
    double peakTransientBytes,
    boolean stoppedByEventBudget) {

  /**
   * One second of the simulation: seats busy on average and at most (the existing demand included),
   * the longest queue, 429s, and pods synced by its end.
   */
  public record Sample(int second, double seatsBusy, double peakSeatsBusy, int queued, int rejected, int syncedPods) {}

  public boolean allSynced() {
    return syncedSeconds.isPresent();
  }

  /**
   * How long it looked, in words. Where its event budget cut it short, the figures hold for the time it
   * reached, which is what the words say; the JSON report's stoppedByEventBudget tells tools.
   */
  public String span() {
    return Units.duration(horizonSeconds);
  }
}
