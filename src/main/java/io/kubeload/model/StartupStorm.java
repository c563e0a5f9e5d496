package io.kubeload.model;

/**
 * The LISTs a roll-out fires as its pods start, against what the priority level can serve or queue
 * before answering 429 (closed form; docs/sources.md §3.6).
 *
 * @param pods pods that start in the roll-out
 * @param podsPerSecond how fast they appear
 * @param bound what sets that rate, in words
 * @param arrivalSeconds how long pods keep appearing
 * @param listsPerPod start-up LISTs per pod
 * @param seatSecondsPerPod seat-seconds of one pod's start-up LISTs
 * @param seatsDemanded concurrent seats the storm asks for (Little's law, capped by its own size)
 * @param seatsAvailable the level's seats over all replicas, less the existing demand
 * @param rejected LISTs answered 429 in the first pass (clients retry them)
 * @param drainSeconds seconds the level needs to serve every start-up LIST
 * @param peakTransientBytes API-server memory held by the LISTs in flight at the peak, per replica
 */
public record StartupStorm(
    int pods,
    double podsPerSecond,
    String bound,
    double arrivalSeconds,
    int listsPerPod,
    double seatSecondsPerPod,
    double seatsDemanded,
    double seatsAvailable,
    double rejected,
    double drainSeconds,
    double peakTransientBytes) {

  /**
   * How long the last pod to start waits for its start-up LISTs: the longest LIST when the level keeps
   * up, the backlog's length when it does not.
   */
  public double syncLagSeconds() {
    return drainSeconds - arrivalSeconds;
  }

  /** Whether the level serves every start-up LIST as fast as the pods appear: the lag is then one LIST's own. */
  public boolean levelKeepsUp() {
    return seatsAvailable > 0 && pods * seatSecondsPerPod / seatsAvailable <= arrivalSeconds;
  }

  public static final StartupStorm NONE = new StartupStorm(0, 0, "no start-up LISTs", 0, 0, 0, 0, 0, 0, 0, 0);
}
