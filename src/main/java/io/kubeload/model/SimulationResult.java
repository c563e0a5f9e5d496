package io.kubeload.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.RandomAccess;

/**
 * What the simulation saw, second by second, and in sum.
 *
 * @param seats the level's seats over all replicas (including those the existing demand holds)
 * @param horizon how far it looked
 * @param series one sample per second from the start
 */
public record SimulationResult(
    Scenario scenario,
    String level,
    double seats,
    Horizon horizon,
    List<Sample> series,
    Peaks peaks,
    Counts counts,
    Sync sync) {

  public SimulationResult {
    // Columns is already a read-only view, and copying it would box a sample per second.
    series = series instanceof Columns ? series : List.copyOf(series);
  }

  /**
   * How far the simulation looked.
   *
   * @param seconds the requested horizon, or less where the event budget ran out
   * @param stoppedByEventBudget true when the run stopped before the requested horizon because its event budget ran out
   */
  public record Horizon(double seconds, boolean stoppedByEventBudget) {}

  /**
   * The worst moment of the run.
   *
   * @param seats most seats busy at once in the level (including the existing demand)
   * @param transientBytes API-server memory held by LISTs in flight at the peak, per replica
   */
  public record Peaks(double seats, double transientBytes) {}

  /**
   * What the run counted.
   *
   * @param saturatedSeconds seconds in which requests waited for seats
   * @param rejected requests answered 429 (each retry that is rejected again counts again)
   * @param lists start-up LISTs served
   */
  public record Counts(int saturatedSeconds, long rejected, long lists) {}

  /**
   * How many pods finished their start-up LISTs, and when.
   *
   * @param pods pods that started
   * @param syncedPods pods whose start-up LISTs were all served
   * @param syncedSeconds seconds until every pod's start-up LISTs were served; empty if not within the horizon
   */
  public record Sync(int pods, int syncedPods, OptionalDouble syncedSeconds) {}

  public double horizonSeconds() {
    return horizon.seconds();
  }

  public boolean stoppedByEventBudget() {
    return horizon.stoppedByEventBudget();
  }

  public double peakSeats() {
    return peaks.seats();
  }

  public double peakTransientBytes() {
    return peaks.transientBytes();
  }

  public int saturatedSeconds() {
    return counts.saturatedSeconds();
  }

  public long rejected() {
    return counts.rejected();
  }

  public long lists() {
    return counts.lists();
  }

  public int pods() {
    return sync.pods();
  }

  public int syncedPods() {
    return sync.syncedPods();
  }

  public OptionalDouble syncedSeconds() {
    return sync.syncedSeconds();
  }

  /**
   * One second of the simulation: seats busy on average and at most (the existing demand included),
   * the longest queue, 429s, and pods synced by its end.
   */
  public record Sample(
      int second,
      double seatsBusy,
      double peakSeatsBusy,
      int queued,
      int rejected,
      int syncedPods) {}

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
    Columns(
        int seconds,
        double[] seatsBusy,
        double[] peakSeatsBusy,
        int[] queued,
        int[] rejected,
        int[] syncedPods) {
      this.seatsBusy = Arrays.copyOf(seatsBusy, seconds);
      this.peakSeatsBusy = Arrays.copyOf(peakSeatsBusy, seconds);
      this.queued = Arrays.copyOf(queued, seconds);
      this.rejected = Arrays.copyOf(rejected, seconds);
      this.syncedPods = Arrays.copyOf(syncedPods, seconds);
    }

    @Override
    public Sample get(int second) {
      return new Sample(
          second,
          seatsBusy[second],
          peakSeatsBusy[second],
          queued[second],
          rejected[second],
          syncedPods[second]);
    }

    @Override
    public int size() {
      return seatsBusy.length;
    }
  }

  public boolean allSynced() {
    return sync.syncedSeconds().isPresent();
  }

  /**
   * How long it looked, in words. Where its event budget cut it short, the figures hold for the time it
   * reached, which is what the words say; the JSON report's stoppedByEventBudget tells tools.
   */
  public String span() {
    return Units.duration(horizon.seconds());
  }
}
