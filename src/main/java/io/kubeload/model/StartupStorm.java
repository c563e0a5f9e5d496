package io.kubeload.model;

/**
 * The LISTs a roll-out fires as its pods start, against what the priority level can serve or queue
 * before answering 429 (closed form; docs/sources.md §3.6).
 *
 * @param arrival how the pods appear
 * @param demand what their start-up LISTs ask of the level, and what it has
 * @param outcome what the level makes of them
 */
public record StartupStorm(Arrival arrival, Demand demand, Outcome outcome) {

  /**
   * How the pods arrive.
   *
   * @param pods pods that start in the roll-out
   * @param podsPerSecond how fast they appear
   * @param bound what sets that rate, in words
   * @param seconds how long pods keep appearing
   */
  public record Arrival(int pods, double podsPerSecond, String bound, double seconds) {

    public Arrival {
      // One of a few sentences, kept to the report by each workload (docs/performance.md).
      bound = bound.intern();
    }
  }

  /**
   * What their start-up LISTs ask of the level.
   *
   * @param listsPerPod start-up LISTs per pod
   * @param seatSecondsPerPod seat-seconds of one pod's start-up LISTs
   * @param seatsDemanded concurrent seats the storm asks for (Little's law, capped by its own size)
   * @param seatsAvailable the level's seats over all replicas, less the existing demand
   */
  public record Demand(
      int listsPerPod, double seatSecondsPerPod, double seatsDemanded, double seatsAvailable) {}

  /**
   * What the level does with them.
   *
   * @param rejected LISTs answered 429 in the first pass (clients retry them)
   * @param drainSeconds seconds the level needs to serve every start-up LIST
   * @param peakTransientBytes API-server memory held by the LISTs in flight at the peak, per replica
   */
  public record Outcome(double rejected, double drainSeconds, double peakTransientBytes) {}

  public static final StartupStorm NONE =
      new StartupStorm(
          new Arrival(0, 0, "no start-up LISTs", 0), new Demand(0, 0, 0, 0), new Outcome(0, 0, 0));

  public int pods() {
    return arrival.pods();
  }

  public double podsPerSecond() {
    return arrival.podsPerSecond();
  }

  public String bound() {
    return arrival.bound();
  }

  public double arrivalSeconds() {
    return arrival.seconds();
  }

  public int listsPerPod() {
    return demand.listsPerPod();
  }

  public double seatSecondsPerPod() {
    return demand.seatSecondsPerPod();
  }

  public double seatsDemanded() {
    return demand.seatsDemanded();
  }

  public double seatsAvailable() {
    return demand.seatsAvailable();
  }

  public double rejected() {
    return outcome.rejected();
  }

  public double drainSeconds() {
    return outcome.drainSeconds();
  }

  public double peakTransientBytes() {
    return outcome.peakTransientBytes();
  }

  /**
   * How long the last pod to start waits for its start-up LISTs: the longest LIST when the level keeps
   * up, the backlog's length when it does not.
   */
  public double syncLagSeconds() {
    return outcome.drainSeconds() - arrival.seconds();
  }

  /** Whether the level serves every start-up LIST as fast as the pods appear: the lag is then one LIST's own. */
  public boolean levelKeepsUp() {
    return demand.seatsAvailable() > 0
        && arrival.pods() * demand.seatSecondsPerPod() / demand.seatsAvailable()
            <= arrival.seconds();
  }
}
