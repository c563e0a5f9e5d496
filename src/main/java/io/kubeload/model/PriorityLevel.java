package io.kubeload.model;

import io.kubeload.model.apf.PriorityLevelConfig.Handling;
import io.kubeload.model.apf.PriorityLevelConfig.Queuing;

/**
 * An APF priority level and its share of one API server's seats (docs/sources.md §3.2).
 *
 * @param handling exempt, or what it does with requests its seats cannot take: queue, or answer 429
 *     at once (catch-all)
 */
public record PriorityLevel(String name, Handling handling, Seats seats, Queuing queuing) {

  /**
   * The level's seats per replica, as APF divides them.
   *
   * @param nominal ceil(SCL × shares / Σ shares) per replica
   * @param lendable round(nominal × lendablePercent / 100): seats others may borrow when idle
   * @param borrowingLimit the most it may borrow from others: round(nominal × borrowingLimitPercent
   *     / 100), or the whole server when no limit is set
   * @param maxPerRequest max(1, min(ceil(0.15 × nominal), nominal / handSize)) for queuing levels
   */
  public record Seats(
      int shares, int nominal, int lendable, int borrowingLimit, int maxPerRequest) {}

  public boolean exempt() {
    return handling == Handling.EXEMPT;
  }

  /** True when the level answers 429 at once instead of queuing (catch-all). */
  public boolean reject() {
    return handling == Handling.REJECT;
  }

  public int shares() {
    return seats.shares();
  }

  public int nominalSeats() {
    return seats.nominal();
  }

  public int lendableSeats() {
    return seats.lendable();
  }

  public int borrowingLimitSeats() {
    return seats.borrowingLimit();
  }

  public int maxSeatsPerRequest() {
    return seats.maxPerRequest();
  }

  /** Requests one flow (one distinguisher value) can have waiting: its hand of queues, each full. */
  public int flowQueueCapacity() {
    return queuing.handSize() * queuing.queueLengthLimit();
  }

  /** Seats no other level can borrow away: nominal less lendable. */
  public int guaranteedSeats() {
    return seats.nominal() - seats.lendable();
  }
}
