package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.KubernetesVersion;
import io.kubeload.cluster.ResourceProfile;
import io.kubeload.cluster.Scaled;
import io.kubeload.testing.TestManifests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The model's laws, over random workloads (fixed seeds, so a failure reproduces). */
class LoadModelPropertyTest {

  private static final List<String> RESOURCES =
      List.of(
          "pods",
          "nodes",
          "services",
          "endpointslices",
          "configmaps",
          "namespaces",
          "leases",
          "secrets");
  private static final List<String> SCOPES = List.of("cluster", "namespace", "own-node", "named");
  private static final List<String> PATTERNS = List.of("informer", "poll", "get-per-event");

  /** A random workload: kind, namespace, replicas and 1–3 declared accesses. */
  record RandomWorkload(
      boolean daemonSet, String namespace, int replicas, List<String[]> accesses) {

    static RandomWorkload from(long seed) {
      Random random = new Random(seed);
      List<String[]> accesses = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        accesses.add(
            new String[] {
              RESOURCES.get(random.nextInt(RESOURCES.size())),
              SCOPES.get(random.nextInt(SCOPES.size())),
              PATTERNS.get(random.nextInt(PATTERNS.size())),
              String.valueOf(5 + random.nextInt(300))
            });
      }
      return new RandomWorkload(
          random.nextBoolean(),
          random.nextBoolean() ? "kube-system" : "platform",
          1 + random.nextInt(50),
          accesses);
    }

    RandomWorkload withScopeFor(String resource, String scope) {
      return new RandomWorkload(
          daemonSet,
          namespace,
          replicas,
          accesses.stream()
              .map(a -> a[0].equals(resource) ? new String[] {a[0], scope, a[2], a[3]} : a)
              .toList());
    }

    RandomWorkload withReplicas(int other) {
      return new RandomWorkload(daemonSet, namespace, other, accesses);
    }

    String yaml() {
      StringBuilder declared = new StringBuilder();
      for (String[] a : accesses) {
        declared
            .append("- {resource: ")
            .append(a[0])
            .append(", scope: ")
            .append(a[1])
            .append(", pattern: ")
            .append(a[2]);
        if (a[2].equals("poll")) {
          declared.append(", periodSeconds: ").append(a[3]);
        }
        declared.append("}\n");
      }
      return daemonSet
          ? LoadModelTest.daemonSetDeclaring(namespace, declared.toString())
          : LoadModelTest.deploymentDeclaring(replicas, namespace, declared.toString());
    }

    WorkloadLoad at(ClusterProfile profile) {
      return LoadModelTest.only(yaml(), profile);
    }
  }

  /** Every figure a budget reads, by name. */
  static Map<String, Double> metrics(WorkloadLoad load, Projection projection) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("requestsPerSecond", load.requestsPerSecond());
    m.put("watches", load.watches());
    m.put("listBytesPerStart", load.listBytesPerStart());
    m.put("watchEventsPerSecond", load.watchEventsPerSecond());
    m.put("watchBytesPerSecond", load.watchBytesPerSecond());
    m.put("seatSecondsPerSecond", load.seatSecondsPerSecond());
    m.put("peakSeats", load.peakSeats());
    m.put("storm.rejected", load.storm().rejected());
    m.put("storm.peakTransientBytes", load.storm().peakTransientBytes());
    for (LevelLoad level : projection.levelLoads()) {
      m.put("level." + level.name(), level.demand());
    }
    return m;
  }

  static Map<String, Double> metricsAt(RandomWorkload workload, ClusterProfile profile) {
    Projection projection =
        LoadModel.project(TestManifests.accessSets(workload.yaml(), profile), profile);
    return metrics(projection.workloads().get(0), projection);
  }

  /**
   * The production preset without its existing watchers (kube-proxy, CoreDNS). With them, what a new
   * watcher adds to each write is APF's marginal cost on top of theirs, and that legitimately shrinks
   * once their count alone holds a write at its per-request seat cap (or crosses a ceil step): the
   * total never falls, the share a newcomer is charged may. Without them the law is the workload's own.
   */
  static ClusterProfile withoutExistingWatchers(ClusterProfile profile) {
    ClusterProfile stripped = profile;
    for (ResourceProfile r : profile.resources().values()) {
      stripped =
          stripped.withResource(
              new ResourceProfile(
                  r.resource(), r.count(), r.sizeBytes(), r.churn(), r.writerLevel(), Scaled.ZERO));
    }
    return stripped;
  }

  @Test
  void loadNeverFallsAsNodesGrow() {
    ClusterProfile base = withoutExistingWatchers(TestManifests.production());
    qt().withFixedSeed(20261125L)
        .withExamples(150)
        .forAll(longs().all(), integers().between(1, 10_000), integers().between(0, 10_000))
        .checkAssert(
            (seed, nodes, more) -> {
              RandomWorkload workload = RandomWorkload.from(seed);
              Map<String, Double> small = metricsAt(workload, base.withNodes(nodes));
              Map<String, Double> large = metricsAt(workload, base.withNodes(nodes + more));
              small.forEach(
                  (metric, value) ->
                      assertThat(large.get(metric))
                          .as(
                              "%s at %d vs %d nodes for %s",
                              metric, nodes + more, nodes, workload.yaml())
                          .isGreaterThanOrEqualTo(value * (1 - 1e-12) - 1e-12));
            });
  }

  @Test
  void ownNodeScopeNeverCostsMoreThanClusterScope() {
    ClusterProfile profile = TestManifests.production();
    qt().withFixedSeed(7L)
        .withExamples(150)
        .forAll(longs().all(), integers().between(1, 10_000))
        .checkAssert(
            (seed, nodes) -> {
              RandomWorkload workload = RandomWorkload.from(seed);
              Map<String, Double> cluster =
                  metricsAt(workload.withScopeFor("pods", "cluster"), profile.withNodes(nodes));
              Map<String, Double> ownNode =
                  metricsAt(workload.withScopeFor("pods", "own-node"), profile.withNodes(nodes));
              cluster.forEach(
                  (metric, value) ->
                      assertThat(ownNode.get(metric))
                          .as("%s, own-node vs cluster", metric)
                          .isLessThanOrEqualTo(value * (1 + 1e-12) + 1e-12));
            });
  }

  @Test
  void noApiAccessGivesZeroLoadAtAnyScale() {
    qt().withFixedSeed(3L)
        .withExamples(50)
        .forAll(integers().between(1, 50_000), integers().between(1, 100))
        .checkAssert(
            (nodes, replicas) -> {
              ClusterProfile profile = TestManifests.production().withNodes(nodes);
              for (String yaml :
                  List.of(
                      LoadModelTest.daemonSetDeclaring("platform", "[]"),
                      LoadModelTest.deploymentDeclaring(replicas, "platform", "[]"))) {
                Projection projection =
                    LoadModel.project(TestManifests.accessSets(yaml, profile), profile);
                assertThat(metrics(projection.workloads().get(0), projection).values())
                    .allSatisfy(v -> assertThat(v).isZero());
                assertThat(projection.workloads().get(0).scalingClass())
                    .isEqualTo(ScalingClass.NONE);
              }
            });
  }

  @Test
  void doublingReplicasDoublesADeploymentsInformerAndPollRequests() {
    qt().withFixedSeed(11L)
        .withExamples(100)
        .forAll(longs().all(), integers().between(1, 200))
        .checkAssert(
            (seed, replicas) -> {
              RandomWorkload random = RandomWorkload.from(seed);
              List<String[]> informersAndPolls =
                  random.accesses().stream().filter(a -> !a[2].equals("get-per-event")).toList();
              if (informersAndPolls.isEmpty()) {
                return;
              }
              RandomWorkload workload =
                  new RandomWorkload(false, random.namespace(), replicas, informersAndPolls);
              double single = workload.at(TestManifests.production()).requestsPerSecond();
              double doubled =
                  workload
                      .withReplicas(2 * replicas)
                      .at(TestManifests.production())
                      .requestsPerSecond();
              assertThat(doubled).isCloseTo(2 * single, within(1e-9 * Math.max(1, single)));
            });
  }

  @Test
  void listSeatsNeverExceedTheVersionCapOrTheLevelCap() {
    qt().withFixedSeed(5L)
        .withExamples(500)
        .forAll(
            doubles().between(0, 1e7),
            doubles().between(0, 1.5e6),
            integers().between(27, 35),
            integers().between(1, 60))
        .checkAssert(
            (objects, size, minor, levelCap) -> {
              KubernetesVersion version = KubernetesVersion.parse("1." + minor);
              int seats = WorkEstimator.listSeats(version, objects, size, false, levelCap);
              int versionCap =
                  minor >= 34
                      ? Physics.MAX_LIST_SEATS_SIZE_BASED
                      : Physics.MAX_LIST_SEATS_COUNT_BASED;
              assertThat(seats).isBetween(1, Math.max(1, Math.min(versionCap, levelCap)));
            });
  }

  @Test
  void writeSeatsNeverExceedTheMutatingCapOrTheLevelCap() {
    qt().withFixedSeed(9L)
        .withExamples(500)
        .forAll(doubles().between(0, 1e6), integers().between(1, 60))
        .checkAssert(
            (watchers, cap) ->
                assertThat(WorkEstimator.writeSeats(watchers, cap))
                    .isBetween(1, Math.max(1, Math.min(Physics.MAX_MUTATING_SEATS, cap))));
  }
}
