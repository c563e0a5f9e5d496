package io.kubeload.model;

import io.kubeload.access.Access;
import io.kubeload.access.Access.Scope;
import io.kubeload.access.ClientBehaviour;
import io.kubeload.access.ClientBehaviour.Consistency;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.KubernetesVersion;

/** Where a LIST is served and what it costs, by resourceVersion semantics and version (docs/sources.md §2.1, §3.5). */
final class ListCosts {

  // ConsistentListFromCache: beta and on from 1.31, needs etcd ≥ 3.4.31 / 3.5.13, assumed here
  // (docs/sources.md §2.1).
  static final int CONSISTENT_FROM_CACHE_SINCE_MINOR = 31;

  // ListFromCacheSnapshot: beta and on from 1.34, exact-RV and continuation LISTs from the cache
  // (docs/sources.md §2.1).
  static final int SNAPSHOT_LISTS_SINCE_MINOR = 34;

  // A LIST from etcd takes ≈ 10/3 as long as from the cache: p99 pod LIST 5 s → 1.5 s at 5,000
  // nodes (blog 2024-08-15, docs/sources.md §2.1).
  static final double ETCD_LIST_SLOWDOWN = 5 / 1.5;

  private ListCosts() {}

  /** Whether the server's WatchList gate is on: beta on 1.32, off again 1.33, on from 1.34 (docs/sources.md §1.1). */
  static boolean serverStreamsWatchList(KubernetesVersion version) {
    return version.minor() == 32 || version.atLeast(34);
  }

  static ListCost of(
      Access access,
      ClusterProfile profile,
      double clusterObjects,
      double objectsInScope,
      double size,
      int levelMaxSeats) {
    ClientBehaviour client = access.client();
    KubernetesVersion version = profile.version();
    double response = objectsInScope * size;
    boolean byName = access.scope() == Scope.NAMED;
    if (client.watchList().orElse(false) && serverStreamsWatchList(version)) {
      // Charged as a cache LIST while its initial events are sent; ≈ 2 MB of memory per watcher
      // (KEP-3157).
      int seats = WorkEstimator.listSeats(version, clusterObjects, size, byName, levelMaxSeats);
      double speedup =
          version.atLeast(Physics.WATCH_LIST_COMPRESSION_SINCE_MINOR)
              ? Physics.WATCH_LIST_COMPRESSED_SPEEDUP
              : 1;
      return new ListCost(
          ListCost.Served.WATCH_LIST,
          response,
          response,
          seats,
          profile.latency().listSeconds(response / speedup),
          Physics.WATCH_LIST_BYTES_PER_WATCHER);
    }
    if (!servedFromEtcd(client.consistency(), version)) {
      int seats = WorkEstimator.listSeats(version, clusterObjects, size, byName, levelMaxSeats);
      return new ListCost(
          ListCost.Served.WATCH_CACHE,
          response,
          response,
          seats,
          profile.latency().listSeconds(response),
          response * profile.apiServers().listMemoryAmplification());
    }
    // etcd reads the whole key range (all namespaces for a cluster-wide LIST, the namespace for a
    // namespaced one) and the API server filters selectors afterwards; no index helps.
    double scanned =
        (access.scope() == Scope.NAMESPACE
                ? objectsInScope
                : byName ? Math.min(1, clusterObjects) : clusterObjects)
            * size;
    boolean selector = access.scope() == Scope.OWN_NODE;
    int seats = WorkEstimator.etcdListSeats(version, clusterObjects, size, selector, levelMaxSeats);
    double seconds =
        profile.latency().requestSeconds()
            + scanned / profile.latency().listBytesPerSecond() * ETCD_LIST_SLOWDOWN;
    return new ListCost(
        ListCost.Served.ETCD,
        response,
        scanned,
        seats,
        seconds,
        scanned * Physics.ETCD_MEMORY_AMPLIFICATION);
  }

  static boolean servedFromEtcd(Consistency consistency, KubernetesVersion version) {
    return switch (consistency) {
      case RESOURCE_VERSION_ZERO -> false;
      case CONSISTENT -> !version.atLeast(CONSISTENT_FROM_CACHE_SINCE_MINOR);
      case EXACT -> !version.atLeast(SNAPSHOT_LISTS_SINCE_MINOR);
    };
  }
}
