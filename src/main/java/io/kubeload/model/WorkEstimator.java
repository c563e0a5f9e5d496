package io.kubeload.model;

import io.kubeload.cluster.KubernetesVersion;

/** APF's work estimator: the seats a request occupies, per Kubernetes version (docs/sources.md §3.5). */
public final class WorkEstimator {

  private WorkEstimator() {}

  /**
   * Seats of a watch-cache LIST (the reflector's RV=0 LIST, docs/sources.md §1.1).
   *
   * @param clusterObjects the resource's object count in the whole cluster: the count-based
   *     estimator ignores namespaces, selectors and indexes
   * @param byName true for a LIST narrowed by metadata.name (size-based: one object)
   */
  public static int listSeats(
      KubernetesVersion version,
      double clusterObjects,
      double objectBytes,
      boolean byName,
      int levelMaxSeats) {
    if (version.atLeast(Physics.SIZE_BASED_LIST_COST_SINCE_MINOR)) {
      double objects = byName ? 1 : Math.min(Physics.LIST_PAGE_SIZE, clusterObjects);
      double charged = Math.min(objects * objectBytes, Physics.CACHE_LIST_MAX_CHARGED_BYTES);
      return clamp(
          Math.ceil(charged / Physics.BYTES_PER_SEAT),
          Math.min(Physics.MAX_LIST_SEATS_SIZE_BASED, levelMaxSeats));
    }
    return clamp(
        Math.ceil(clusterObjects / Physics.OBJECTS_PER_SEAT),
        Math.min(Physics.MAX_LIST_SEATS_COUNT_BASED, levelMaxSeats));
  }

  /**
   * Seats of a LIST served from etcd, paged at the client's 500 (docs/sources.md §3.5): count-based
   * {@code N + limit} with a selector or {@code 2 × limit} without; size-based
   * {@code max(limit, N/2)} or {@code limit} objects, with no 1 MB cap.
   */
  public static int etcdListSeats(
      KubernetesVersion version,
      double clusterObjects,
      double objectBytes,
      boolean selector,
      int levelMaxSeats) {
    double limit = Math.min(Physics.LIST_PAGE_SIZE, clusterObjects);
    if (version.atLeast(Physics.SIZE_BASED_LIST_COST_SINCE_MINOR)) {
      double objects = selector ? Math.max(limit, clusterObjects / 2) : limit;
      return clamp(
          Math.ceil(objects * objectBytes / Physics.BYTES_PER_SEAT),
          Math.min(Physics.MAX_LIST_SEATS_SIZE_BASED, levelMaxSeats));
    }
    double estimate = selector ? clusterObjects + limit : 2 * limit;
    return clamp(
        Math.ceil(estimate / Physics.OBJECTS_PER_SEAT),
        Math.min(Physics.MAX_LIST_SEATS_COUNT_BASED, levelMaxSeats));
  }

  /** Seat-seconds one write holds with {@code watchers} interested watchers (docs/sources.md §3.5, mutating). */
  public static double writeSeatSeconds(
      double watchers, double executionSeconds, int levelMaxSeats) {
    if (watchers < Physics.WATCHES_PER_SEAT) {
      return Physics.MIN_SEATS * executionSeconds;
    }
    double raw = Math.ceil(watchers / Physics.WATCHES_PER_SEAT);
    int seats = clamp(raw, Math.min(Physics.MAX_MUTATING_SEATS, levelMaxSeats));
    // seats held for execution + additionalLatency, where additionalLatency = raw × 5 ms / seats.
    return seats * executionSeconds + raw * Physics.EVENT_ADDITIONAL_SECONDS;
  }

  /** Seats one write holds with {@code watchers} interested watchers. */
  public static int writeSeats(double watchers, int levelMaxSeats) {
    if (watchers < Physics.WATCHES_PER_SEAT) {
      return Physics.MIN_SEATS;
    }
    return clamp(
        Math.ceil(watchers / Physics.WATCHES_PER_SEAT),
        Math.min(Physics.MAX_MUTATING_SEATS, levelMaxSeats));
  }

  private static int clamp(double seats, int max) {
    return (int) Math.max(Physics.MIN_SEATS, Math.min(seats, Math.max(Physics.MIN_SEATS, max)));
  }
}
