package io.kubeload.model;

/**
 * The API server's and client-go's own constants. Each names its upstream file; "docs/sources.md §N" is the section of
 * this repository's sources document that explains it and links the upstream file at a tagged version.
 */
public final class Physics {

  private Physics() {}

  // client-go reflector: watch timeout uniform in [5 min, 10 min) → mean 450 s (reflector.go,
  // docs/sources.md §1.2).
  public static final double MEAN_WATCH_SECONDS = 450;

  // client-go pager: defaultPageSize 500, sent with the initial RV=0 LIST (tools/pager/pager.go,
  // docs/sources.md §1.1).
  public static final int LIST_PAGE_SIZE = 500;

  // APF work estimator: objectsPerSeat = 100, count-based LIST seats (request/config.go,
  // docs/sources.md §3.5).
  public static final double OBJECTS_PER_SEAT = 100;

  // APF work estimator: bytesPerSeat = 100,000, size-based LIST seats 1.34+
  // (list_work_estimator.go, docs/sources.md §3.5).
  public static final double BYTES_PER_SEAT = 100_000;

  // APF: a cache-served LIST is charged at most 1,000,000 bytes (cacheWithStreamingMaxMemoryUsage,
  // docs/sources.md §3.5).
  public static final double CACHE_LIST_MAX_CHARGED_BYTES = 1_000_000;

  // APF: MinimumSeats = 1 (request/config.go, docs/sources.md §3.5).
  public static final int MIN_SEATS = 1;

  // APF: MaximumListSeatsLimit = 10 count-based (≤ 1.33), 100 size-based (1.34+)
  // (request/config.go, docs/sources.md §3.5).
  public static final int MAX_LIST_SEATS_COUNT_BASED = 10;

  public static final int MAX_LIST_SEATS_SIZE_BASED = 100;

  // APF: SizeBasedListCostEstimate beta, on by default from 1.34 (kube_features.go, docs/sources.md
  // §7).
  public static final int SIZE_BASED_LIST_COST_SINCE_MINOR = 34;

  // APF: MaximumMutatingSeatsLimit = 10 (request/config.go, docs/sources.md §3.5).
  public static final int MAX_MUTATING_SEATS = 10;

  // APF: watchesPerSeat = 10: a write holds ceil(W/10) seats for W interested watchers
  // (docs/sources.md §3.5).
  public static final double WATCHES_PER_SEAT = 10;

  // APF: eventAdditionalDuration = 5 ms per ceil(W/10) after the write returns (docs/sources.md
  // §3.5).
  public static final double EVENT_ADDITIONAL_SECONDS = 0.005;

  // APF: priorityLevelMaxSeatsPercent = 0.15, the per-level cap on one request's seats
  // (apf_controller.go, docs/sources.md §3.2).
  public static final double LEVEL_MAX_SEATS_FRACTION = 0.15;

  // APF: a queued request waits at most RequestTimeout/4 = 15 s before a 429
  // (priority-and-fairness.go, docs/sources.md §3.6).
  public static final double QUEUE_WAIT_LIMIT_SECONDS = 15;

  // client-go leader elector: leader 1 UPDATE per 2 s RetryPeriod = 0.5 req/s (leaderelection.go,
  // docs/sources.md §4).
  public static final double LEADER_REQUESTS_PER_SECOND = 0.5;

  // client-go leader elector: followers GET every RetryPeriod × [1, 2.2) → 1/3.2 s ≈ 0.31 req/s
  // (docs/sources.md §4).
  public static final double FOLLOWER_REQUESTS_PER_SECOND = 1 / 3.2;

  // KEP-3157: a classic LIST from etcd holds "around O(5 × the response from etcd)" of memory
  // (docs/sources.md §2.5).
  public static final double ETCD_MEMORY_AMPLIFICATION = 5;

  // WatchListCompression, beta and on from 1.37: the initial watch-list stream is gzipped; steady
  // watch
  // events are not (KEP-3157 "Beta5", kubernetes/kubernetes PR 140140).
  public static final int WATCH_LIST_COMPRESSION_SINCE_MINOR = 37;

  // With it, the 5,000-node test's WatchList of all pods went from a p99 of 60 s (capped) to about
  // 30 s
  // (KEP-3157 "Beta5",
  // https://github.com/kubernetes/enhancements/tree/master/keps/sig-api-machinery/3157-watch-list):
  // the stream is served twice as fast.
  public static final double WATCH_LIST_COMPRESSED_SPEEDUP = 2;

  // A metadata informer (PartialObjectMetadata) receives about half of each object: computed here,
  // a
  // Helm-managed ReplicaSet's ObjectMeta (labels, annotations, owner, two managedFields entries) is
  // 2,177 B of about 4 kB, and the exemplar pod's (managedFields 5,221 B of 14,474 B) about 6.4 kB.
  public static final double METADATA_ONLY_SHARE = 0.5;

  // Upstream scalability envelope: 5,000 nodes (sig-scalability thresholds,
  // https://github.com/kubernetes/community/blob/master/sig-scalability/configs-and-limits/thresholds.md).
  public static final int SUPPORTED_MAXIMUM_NODES = 5_000;

  // KEP-3157 watch-list goal: ≈ 2 MB of server memory per streaming watcher (docs/sources.md §1.1,
  // §2.5).
  public static final double WATCH_LIST_BYTES_PER_WATCHER = 2_000_000;
}
