package io.kubeload.model;

import io.kubeload.access.Access;
import java.util.Map;

/**
 * The load one access puts on the API server, summed over the workload's pods.
 *
 * @param flowSchema the FlowSchema that classified its requests
 * @param priorityLevel the APF level its requests land in
 * @param objectsInScope objects one pod's LIST returns
 * @param list where one LIST is served and what it costs ({@link ListCost#NONE} for accesses that do not list)
 * @param requestsPerSecond steady requests per second by verb, all pods
 * @param watches open watches, all pods
 * @param watchEventsPerSecond events the API servers send to these watches
 * @param seatSecondsPerSecond steady seat demand in {@code priorityLevel}
 * @param addedWatchers interested watchers this access adds to each write of the resource (APF's W)
 * @param scalingDegree 0, 1 or 2: how the access's cost grows with node count
 * @param profiled false when the profile does not describe the resource (its load is unknown)
 * @param clientCapped true when the client's own rate limit, not the cluster, bounds the request rate
 */
public record AccessLoad(
    Access access,
    String flowSchema,
    String priorityLevel,
    double objectsInScope,
    ListCost list,
    Map<String, Double> requestsPerSecond,
    double watches,
    double watchEventsPerSecond,
    double watchBytesPerSecond,
    double seatSecondsPerSecond,
    double addedWatchers,
    int scalingDegree,
    boolean profiled,
    boolean clientCapped) {

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
    return access.pattern() == Access.Pattern.INFORMER || access.pattern() == Access.Pattern.POLL ? 1 : 0;
  }

  public double totalRequestsPerSecond() {
    return requestsPerSecond.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
