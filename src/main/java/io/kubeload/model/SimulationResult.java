package io.kubeload.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

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

  /**
   * The series as columns of primitives, read as samples: a result is kept for every workload of a
   * run until its reports are written, and a boxed sample per second cost twice the memory.
   */
  static final class Columns extends AbstractList<Sample> implements RandomAccess {
    private final double[] seatsBusy;
    private final double[] peakSeatsBusy;
    private final int[] queued;
    private final int[] rejected;
    private final int[] syncedPods;

    /** The first {@code seconds} of each array, copied. */
    Columns(int seconds, double[] seatsBusy, double[] peakSeatsBusy, int[] queued, int[] rejected, int[] syncedPods) {
      this.seatsBusy = Arrays.copyOf(seatsBusy, seconds);
      this.peakSeatsBusy = Arrays.copyOf(peakSeatsBusy, seconds);
      this.queued = Arrays.copyOf(queued, seconds);
      this.rejected = Arrays.copyOf(rejected, seconds);
      this.syncedPods = Arrays.copyOf(syncedPods, seconds);
    }

    @Override
    public Sample get(int second) {
      return new Sample(second, seatsBusy[second], peakSeatsBusy[second], queued[second], rejected[second], syncedPods[second]);
    }

    @Override
    public int size() {
      return seatsBusy.length;
    }
  }

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
