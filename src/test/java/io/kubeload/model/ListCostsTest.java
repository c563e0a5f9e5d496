package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kubeload.cluster.KubernetesVersion;
import io.kubeload.testing.TestManifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where LISTs are served, by resourceVersion semantics, client and server version (docs/sources.md §2.1, §1.1). */
class ListCostsTest {

  static AccessLoad podsAccess(String version, String extra) {
    String yaml =
        LoadModelTest.daemonSetDeclaring(
            "logging",
            """
        - resource: pods
          scope: own-node
          pattern: informer
        %s"""
                .formatted(extra.indent(2).stripTrailing()));
    var profile = TestManifests.production().withVersion(KubernetesVersion.parse(version));
    return LoadModelTest.only(yaml, profile).accesses().get(0);
  }

  @ParameterizedTest(name = "consistency {0} on {1} → {2}")
  @CsvSource({
    "rv0,        1.27, watch-cache",
    "consistent, 1.30, etcd",
    "consistent, 1.31, watch-cache",
    "exact,      1.33, etcd",
    "exact,      1.34, watch-cache",
  })
  void consistencyAndVersionDecideWhereTheListIsServed(
      String consistency, String version, String served) {
    assertThat(podsAccess(version, "consistency: " + consistency).list().served().label())
        .isEqualTo(served);
  }

  @Test
  void aNodeFilteredListWithoutResourceVersionReadsEveryPodFromEtcdBefore131() {
    // docs/failures.md §2 (Vector): fieldSelector=spec.nodeName but no resourceVersion → quorum
    // reads of all pods.
    AccessLoad etcd = podsAccess("1.30", "consistency: consistent");
    AccessLoad cache = podsAccess("1.31", "consistency: consistent");
    assertThat(etcd.listBytes()).isEqualTo(cache.listBytes()); // the same 30 pods come back
    assertThat(etcd.list().scannedBytes())
        .isCloseTo(150_000 * 14_474.0, within(1.0)); // but all 150,000 are read
    assertThat(cache.list().scannedBytes()).isCloseTo(30 * 14_474.0, within(1e-6));
    assertThat(etcd.listSeconds())
        .isCloseTo(0.05 + 150_000 * 14_474.0 / 1e8 * 5 / 1.5, within(1e-6));
    assertThat(etcd.list().memoryBytes()).isCloseTo(5 * 150_000 * 14_474.0, within(1.0));
    assertThat(etcd.listSeats()).isEqualTo(10); // count-based: N + limit, capped at 10
  }

  @ParameterizedTest(name = "server {0}: streams = {1}")
  @CsvSource({
    "1.31, false",
    "1.32, true",
    "1.33, false",
    "1.34, true",
    "1.35, true",
    "1.36, true",
    "1.37, true",
    "1.38, true"
  })
  void watchListClientsStreamOnlyWhereTheServerGateIsOn(String version, boolean streams) {
    AccessLoad load = podsAccess(version, "watchList: true");
    assertThat(load.list().served() == ListCost.Served.WATCH_LIST).isEqualTo(streams);
    if (streams) {
      assertThat(load.list().memoryBytes()).isEqualTo(Physics.WATCH_LIST_BYTES_PER_WATCHER);
    }
  }

  @ParameterizedTest(name = "server {0}: the initial stream takes {1}× the bytes' time")
  @CsvSource({"1.36, 1.0", "1.37, 0.5", "1.38, 0.5"})
  void from137TheInitialWatchListStreamIsGzippedAndServedTwiceAsFast(String version, double share) {
    AccessLoad load = podsAccess(version, "watchList: true");
    assertThat(load.listSeconds()).isCloseTo(0.05 + share * load.listBytes() / 1e8, within(1e-12));
    // A classic LIST is not compressed that way: only the watch-list stream is.
    AccessLoad classic = podsAccess(version, "");
    assertThat(classic.listSeconds()).isCloseTo(0.05 + classic.listBytes() / 1e8, within(1e-12));
  }

  @Test
  void aClientWithUnknownVersionIsAssumedToListClassically() {
    assertThat(podsAccess("1.35", "").list().served()).isEqualTo(ListCost.Served.WATCH_CACHE);
  }

  @Test
  void theClientsOwnRateLimitCapsAPollerAndIsSaid() {
    String yaml =
        LoadModelTest.deploymentDeclaring(
            1,
            "platform",
            """
        - resource: configmaps
          pattern: poll
          periodSeconds: 0.05
        """);
    AccessLoad capped = LoadModelTest.only(yaml, TestManifests.production()).accesses().get(0);
    assertThat(capped.clientCapped()).isTrue();
    assertThat(capped.requestsPerSecond().get("list")).isEqualTo(5.0); // client-go QPS 5, not 20
    AccessLoad faster =
        LoadModelTest.only(
                LoadModelTest.deploymentDeclaring(
                    1,
                    "platform",
                    """
        - resource: configmaps
          pattern: poll
          periodSeconds: 0.05
          clientQps: 50
        """),
                TestManifests.production())
            .accesses()
            .get(0);
    assertThat(faster.clientCapped()).isFalse();
    assertThat(faster.requestsPerSecond().get("list")).isCloseTo(20.0, within(1e-9));
  }
}
