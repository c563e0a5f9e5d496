package io.kubeload.model;

/**
 * An APF priority level and its share of one API server's seats (docs/sources.md §3.2).
 *
 * @param nominalSeats ceil(SCL × shares / Σ shares) per replica
 * @param lendableSeats round(nominal × lendablePercent / 100): seats others may borrow when idle
 * @param borrowingLimitSeats the most it may borrow from others: round(nominal × borrowingLimitPercent
 *     / 100), or the whole server when no limit is set
 * @param maxSeatsPerRequest max(1, min(ceil(0.15 × nominal), nominal / handSize)) for queuing levels
 * @param reject true when the level answers 429 at once instead of queuing (catch-all)
 */
public record PriorityLevel(
    String name,
    boolean exempt,
    boolean reject,
    int shares,
    int nominalSeats,
    int lendableSeats,
    int borrowingLimitSeats,
    int queues,
    int handSize,
    int queueLengthLimit,
    int maxSeatsPerRequest) {

  /** Requests one flow (one distinguisher value) can have waiting: its hand of queues, each full. */
  public int flowQueueCapacity() {
    return handSize * queueLengthLimit;
  }

  /** Seats no other level can borrow away: nominal less lendable. */
  public int guaranteedSeats() {
    return nominalSeats - lendableSeats;
  }
}
