package io.kubeload.model;

/**
 * An APF PriorityLevelConfiguration and its share of one API server's seats.
 *
 * @param nominalSeats ceil(SCL × shares / Σ shares) per replica (physics §3.2)
 * @param maxSeatsPerRequest max(1, min(ceil(0.15 × nominal), nominal / handSize)) (physics §3.2)
 */
public record PriorityLevel(
    String name,
    int shares,
    int lendablePercent,
    int queues,
    int handSize,
    int queueLengthLimit,
    int nominalSeats,
    int maxSeatsPerRequest) {

  /** Requests one flow (one distinguisher value) can have waiting: its hand of queues, each full. */
  public int flowQueueCapacity() {
    return handSize * queueLengthLimit;
  }
}
