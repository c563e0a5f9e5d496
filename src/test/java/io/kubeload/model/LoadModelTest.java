package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.ResourceProfile;
import io.kubeload.cluster.Scaled;
import io.kubeload.testing.TestManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Worked examples from docs/sources.md and docs/failures.md, checked by hand. */
class LoadModelTest {

  static String daemonSetDeclaring(String namespace, String accessYaml) {
    return """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: %s
          annotations:
            kubeload.io/access: |
        %s
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers: [{name: agent, image: example.com/agent:1}]
        """
        .formatted(namespace, accessYaml.indent(6).stripTrailing());
  }

  static String deploymentDeclaring(int replicas, String namespace, String accessYaml) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: controller
          namespace: %s
          annotations:
            kubeload.io/access: |
        %s
        spec:
          replicas: %d
          selector: {matchLabels: {app: controller}}
          template:
            metadata: {labels: {app: controller}}
            spec:
              containers: [{name: controller, image: example.com/controller:1}]
        """
        .formatted(namespace, accessYaml.indent(6).stripTrailing(), replicas);
  }

  static WorkloadLoad only(String yaml, ClusterProfile profile) {
    return LoadModel.project(TestManifests.accessSets(yaml, profile), profile).workloads().get(0);
  }

  static String sample(String name) throws Exception {
    return Files.readString(Path.of("samples/manifests", name));
  }

  @Test
  void ciliumEndpointFanOutAtOneThousandNodesIsNinetyThousandEventsPerSecond() {
    // docs/failures.md §6: 1,000 nodes, 30 pod changes/s, 3 CEP writes each, every agent watches
    // all CEPs.
    ClusterProfile profile =
        TestManifests.production()
            .withNodes(1_000)
            .withResource(
                new ResourceProfile(
                    "ciliumendpoints.cilium.io",
                    new Scaled(1, Scaled.Basis.PER_POD),
                    2_000,
                    new Scaled(90, Scaled.Basis.ABSOLUTE),
                    "workload-high",
                    Scaled.ZERO));
    WorkloadLoad load =
        only(
            daemonSetDeclaring(
                "kube-system",
                """
        - resource: ciliumendpoints
          group: cilium.io
          pattern: informer
        """),
            profile);
    assertThat(load.pods()).isEqualTo(1_000);
    assertThat(load.watchEventsPerSecond()).isCloseTo(90_000, within(1e-6));
    // One agent per node, each listing every CEP, whose count grows with the pods: quadratic.
    assertThat(load.scalingClass()).isEqualTo(ScalingClass.QUADRATIC);
  }

  @Test
  void everyClusterWidePodWatcherOnFiveThousandNodesInflatesEveryPodWrite() throws Exception {
    WorkloadLoad load = only(sample("telemetry-daemonset.yaml"), TestManifests.production());
    WriteInflation pods =
        load.inflations().stream()
            .filter(i -> i.resource().equals("pods"))
            .findFirst()
            .orElseThrow();
    assertThat(pods.writerLevel()).isEqualTo("system");
    assertThat(pods.watchersAfter()).isEqualTo(5_000);
    assertThat(pods.seatsPerWriteBefore()).isEqualTo(1);
    assertThat(pods.seatsPerWriteAfter()).isEqualTo(10);
    // 20 pod writes/s × (10 seats × 50 ms + 500 × 5 ms − 1 seat × 50 ms) = 59 seat-seconds per
    // second.
    assertThat(pods.extraSeatSecondsPerSecond())
        .isCloseTo(20 * (10 * 0.05 + 2.5 - 0.05), within(1e-9));
  }

  @Test
  void telemetryAgentListsEveryPodAndNodeAtStartAndReceivesEveryChange() throws Exception {
    WorkloadLoad load = only(sample("telemetry-daemonset.yaml"), TestManifests.production());
    // 150,000 pods × 14,474 B + 5,000 nodes × 18,000 B (production preset).
    assertThat(load.listBytesPerStart())
        .isCloseTo(150_000 * 14_474.0 + 5_000 * 18_000.0, within(1.0));
    // each of 5,000 agents receives every pod write (20/s) and node write (5,000 × 0.00333/s).
    assertThat(load.watchEventsPerSecond()).isCloseTo(5_000 * (20 + 5_000 * 0.00333), within(1e-6));
    assertThat(load.watches()).isEqualTo(10_000);
    // informers re-watch once per 450 s on average (docs/sources.md §1.2).
    assertThat(load.requestsByVerb().get("watch")).isCloseTo(10_000 / 450.0, within(1e-9));
    assertThat(load.scalingClass()).isEqualTo(ScalingClass.QUADRATIC);
    assertThat(load.priorityLevel()).isEqualTo("workload-low");
  }

  @Test
  void newDaemonSetStormOverflowsWorkloadLowInProductionButNotInStaging() throws Exception {
    StartupStorm production =
        only(sample("telemetry-daemonset.yaml"), TestManifests.production()).storm();
    // Pods start at the scheduler's 100 binds/s; workload-low has ⌈640 × 100 / 245⌉ = 262 seats.
    assertThat(production.podsPerSecond()).isEqualTo(100);
    assertThat(production.arrivalSeconds()).isEqualTo(50);
    assertThat(production.seatsAvailable()).isEqualTo(262);
    assertThat(production.rejected()).isGreaterThan(9_000);
    assertThat(production.syncLagSeconds()).isGreaterThan(60);
    StartupStorm staging =
        only(sample("telemetry-daemonset.yaml"), TestManifests.staging()).storm();
    assertThat(staging.rejected()).isZero();
    assertThat(staging.seatsDemanded()).isLessThan(staging.seatsAvailable());
    assertThat(staging.syncLagSeconds()).isLessThan(60);
  }

  @Test
  void ownNodeFilterAndNodeGetRemoveTheClusterSizeFromTheAgentsStart() throws Exception {
    WorkloadLoad load = only(sample("telemetry-daemonset-fixed.yaml"), TestManifests.production());
    assertThat(load.listBytesPerStart()).isCloseTo(30 * 14_474.0, within(1e-6));
    assertThat(load.scalingClass()).isEqualTo(ScalingClass.LINEAR);
    assertThat(load.storm().rejected()).isZero();
    assertThat(load.inflations())
        .isEmpty(); // node-name-selected pod watches are not counted by APF
  }

  @Test
  void leaderElectionCostsHalfARequestPerSecondForTheLeaderAndAboutAThirdPerFollower() {
    String lease =
        """
        - resource: leases
          group: coordination.k8s.io
          pattern: leader-election
        """;
    WorkloadLoad platform =
        only(deploymentDeclaring(3, "platform", lease), TestManifests.production());
    assertThat(platform.requestsPerSecond()).isCloseTo(0.5 + 2 / 3.2, within(1e-12));
    assertThat(platform.accesses().get(0).priorityLevel()).isEqualTo("workload-low");
    WorkloadLoad system =
        only(deploymentDeclaring(3, "kube-system", lease), TestManifests.production());
    assertThat(system.accesses().get(0).priorityLevel()).isEqualTo("leader-election");
    assertThat(system.priorityLevel()).isEqualTo("leader-election"); // its only traffic
    assertThat(system.scalingClass()).isEqualTo(ScalingClass.CONSTANT);
  }

  @Test
  void aMetadataInformerReceivesHalfOfEachObject() {
    String full =
        """
        - resource: replicasets
          pattern: informer
        """;
    WorkloadLoad whole = only(deploymentDeclaring(1, "platform", full), TestManifests.production());
    WorkloadLoad metadata =
        only(
            deploymentDeclaring(1, "platform", full + "  metadataOnly: true\n"),
            TestManifests.production());
    assertThat(metadata.accesses().get(0).access().client().metadataOnly()).isTrue();
    assertThat(metadata.listBytesPerStart())
        .isCloseTo(whole.listBytesPerStart() * Physics.METADATA_ONLY_SHARE, within(1e-6));
    assertThat(metadata.watchBytesPerSecond())
        .isCloseTo(whole.watchBytesPerSecond() * Physics.METADATA_ONLY_SHARE, within(1e-9));
  }

  @Test
  void pollingCostsItsListSeatsForItsListTimeEveryPeriod() {
    WorkloadLoad load =
        only(
            deploymentDeclaring(
                2,
                "platform",
                """
        - resource: services
          pattern: poll
          periodSeconds: 10
        """),
            TestManifests.production());
    var access = load.accesses().get(0);
    double bytes = 5_000 * 1.62 * 1_500; // the production preset's Services
    assertThat(access.listBytes()).isCloseTo(bytes, within(1e-3));
    // Size-based: a page of 500 Services × 1,500 B = 750 kB charged → 8 seats.
    assertThat(access.listSeats()).isEqualTo(8);
    assertThat(access.listSeconds()).isCloseTo(0.05 + bytes / 1e8, within(1e-12));
    assertThat(load.requestsByVerb().get("list")).isCloseTo(2 / 10.0, within(1e-12));
    assertThat(access.seatSecondsPerSecond())
        .isCloseTo(0.2 * 8 * (0.05 + bytes / 1e8), within(1e-9));
  }

  @Test
  void aPerNodeAgentGetsOnlyTheEventsOnItsOwnNode() {
    WorkloadLoad load =
        only(
            daemonSetDeclaring(
                "logging",
                """
        - resource: pods
          pattern: get-per-event
        """),
            TestManifests.production());
    // 5,000 agents × (20 pod writes/s ÷ 5,000 nodes): the cluster's pod churn, once.
    assertThat(load.requestsByVerb().get("get")).isCloseTo(20, within(1e-9));
    assertThat(load.scalingClass()).isEqualTo(ScalingClass.LINEAR);
  }

  @Test
  void noAccessMeansNoLoad() throws Exception {
    WorkloadLoad load = only(sample("web-deployment.yaml"), TestManifests.production());
    assertThat(load.pods()).isEqualTo(20); // HPA maxReplicas
    assertThat(load.scalingClass()).isEqualTo(ScalingClass.NONE);
    assertThat(load.requestsPerSecond()).isZero();
    assertThat(load.storm()).isEqualTo(StartupStorm.NONE);
  }

  @Test
  void countBasedVersionsChargeTheSameCappedSeatsForTheTelemetryLists() throws Exception {
    WorkloadLoad load =
        only(
            sample("telemetry-daemonset.yaml"),
            TestManifests.production()
                .withVersion(io.kubeload.cluster.KubernetesVersion.parse("1.30")));
    assertThat(load.accesses()).allSatisfy(a -> assertThat(a.listSeats()).isEqualTo(10));
  }
}
