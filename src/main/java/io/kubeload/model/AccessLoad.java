package io.kubeload.model;

import io.kubeload.access.Access;
import java.util.Map;

/**
 * The load one access puts on the API server, summed over the workload's pods.
 *
 * @param classification where APF puts its requests
 * @param objectsInScope objects one pod's LIST returns
 * @param list where one LIST is served and what it costs ({@link ListCost#NONE} for accesses that do not list)
 * @param traffic what its pods ask of the API servers, steadily
 * @param scalingDegree 0, 1 or 2: how the access's cost grows with node count
 * @param knowledge whether the profile describes the resource (otherwise its load is unknown)
 * @param rateBound what bounds the request rate: the cluster's events, or the client's own rate limit
 */
public record AccessLoad(
    Access access,
    Classification classification,
    double objectsInScope,
    ListCost list,
    Traffic traffic,
    int scalingDegree,
    Knowledge knowledge,
    RateBound rateBound) {

  /**
   * How APF classifies the access's requests.
   *
   * @param flowSchema the FlowSchema that classified its requests
   * @param priorityLevel the APF level its requests land in
   */
  public record Classification(String flowSchema, String priorityLevel) {}

  /**
   * What the access sends and holds open, all pods together.
   *
   * @param requestsPerSecond steady requests per second by verb, all pods
   * @param watches open watches, all pods
   * @param watchEventsPerSecond events the API servers send to these watches
   * @param seatSecondsPerSecond steady seat demand in the access's priority level
   * @param addedWatchers interested watchers this access adds to each write of the resource (APF's W)
   */
  public record Traffic(
      Map<String, Double> requestsPerSecond,
      double watches,
      double watchEventsPerSecond,
      double watchBytesPerSecond,
      double seatSecondsPerSecond,
      double addedWatchers) {

    public Traffic {
      requestsPerSecond = Map.copyOf(requestsPerSecond);
    }
  }

  /** Whether the profile describes the resource the access reads. */
  public enum Knowledge {
    PROFILED,
    UNKNOWN
  }

  /** What bounds the access's request rate. */
  public enum RateBound {
    CLUSTER,
    CLIENT_LIMIT
  }

  public String flowSchema() {
    return classification.flowSchema();
  }

  public String priorityLevel() {
    return classification.priorityLevel();
  }

  public Map<String, Double> requestsPerSecond() {
    return traffic.requestsPerSecond();
  }

  public double watches() {
    return traffic.watches();
  }

  public double watchEventsPerSecond() {
    return traffic.watchEventsPerSecond();
  }

  public double watchBytesPerSecond() {
    return traffic.watchBytesPerSecond();
  }

  public double seatSecondsPerSecond() {
    return traffic.seatSecondsPerSecond();
  }

  public double addedWatchers() {
    return traffic.addedWatchers();
  }

  /** False when the profile does not describe the resource (its load is unknown). */
  public boolean profiled() {
    return knowledge == Knowledge.PROFILED;
  }

  /** True when the client's own rate limit, not the cluster, bounds the request rate. */
  public boolean clientCapped() {
    return rateBound == RateBound.CLIENT_LIMIT;
  }

  /** Bytes one LIST returns. */
  public double listBytes() {
    return list.responseBytes();
  }

  public int listSeats() {
    return list.seats();
  }

  public double listSeconds() {
    return list.seconds();
  }

  /** LISTs one pod issues when it starts: informers and pollers list first. */
  public int listsPerStart() {
    return access.pattern() == Access.Pattern.INFORMER || access.pattern() == Access.Pattern.POLL
        ? 1
        : 0;
  }

  public double totalRequestsPerSecond() {
    return requestsPerSecond().values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
