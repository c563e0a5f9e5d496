package io.kubeload.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Toleration;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.NodePool;
import io.kubeload.cluster.Taint;
import io.kubeload.testing.TestManifests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementTest {

  private static final NodePool GENERAL =
      new NodePool(
          "general", 4_700, Map.of("kubernetes.io/os", "linux", "pool", "general"), List.of());
  private static final NodePool GPU =
      new NodePool(
          "gpu",
          250,
          Map.of("kubernetes.io/os", "linux", "accelerator", "nvidia", "gpu-count", "8"),
          List.of(Taint.parse("nvidia.com/gpu=present:NoSchedule")));
  private static final NodePool INFRA =
      new NodePool(
          "infra",
          50,
          Map.of("kubernetes.io/os", "linux", "node-role.kubernetes.io/infra", ""),
          List.of(Taint.parse("dedicated=infra:PreferNoSchedule")));

  private static final ClusterProfile POOLED =
      TestManifests.production().withNodePools(List.of(GENERAL, GPU, INFRA));

  private static Workload only(String podSpec, ClusterProfile profile) {
    String yaml =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: ops}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
        """
            + podSpec.indent(6)
            + """
              containers: [{name: agent, image: agent:1}]
        """;
    return Workloads.from(TestManifests.set(yaml), profile).get(0);
  }

  @Test
  void withoutPoolsADaemonSetRunsOnEveryNode() {
    PodCount pods = only("nodeSelector: {accelerator: nvidia}", TestManifests.production()).pods();
    assertThat(pods.count()).isEqualTo(5_000);
    assertThat(pods.reason()).isEqualTo("one per node (5000 nodes)");
  }

  @Test
  void untoleratedNoScheduleTaintsKeepADaemonSetOffAPoolButPreferNoScheduleDoesNot() {
    PodCount pods = only("hostNetwork: false", POOLED).pods();
    assertThat(pods.count()).isEqualTo(4_750);
    assertThat(pods.reason())
        .isEqualTo(
            "4,750 of 5,000 nodes: pools general, infra; not pool gpu: taint nvidia.com/gpu=present:NoSchedule not tolerated");
  }

  @Test
  void aNodeSelectorAndAMatchingTolerationPutItOnTheGpuPoolOnly() {
    PodCount pods =
        only(
                """
        nodeSelector: {accelerator: nvidia}
        tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
        """,
                POOLED)
            .pods();
    assertThat(pods.count()).isEqualTo(250);
    assertThat(pods)
        .isInstanceOfSatisfying(PodCount.PerNode.class, p -> assertThat(p.share()).isEqualTo(0.05));
    assertThat(pods.reason())
        .isEqualTo(
            "250 of 5,000 nodes: pool gpu (nodeSelector accelerator=nvidia, 1 toleration); "
                + "not pools general, infra: nodeSelector accelerator=nvidia does not match");
  }

  @Test
  void requiredNodeAffinityTermsAreOredAndTheirExpressionsAnded() {
    PodCount pods =
        only(
                """
        tolerations: [{operator: Exists}]
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchExpressions:
                    - {key: gpu-count, operator: Gt, values: ["4"]}
                    - {key: accelerator, operator: In, values: [nvidia, amd]}
                - matchExpressions:
                    - {key: node-role.kubernetes.io/infra, operator: Exists}
        """,
                POOLED)
            .pods();
    assertThat(pods.count()).isEqualTo(300);
    assertThat(pods.reason())
        .startsWith("300 of 5,000 nodes: pools gpu, infra (required node affinity, 1 toleration)")
        .endsWith("not pool general: required node affinity does not match");
  }

  @Test
  void deploymentsAreUnaffectedByPools() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              nodeSelector: {accelerator: nvidia}
              containers: [{name: web, image: web:1}]
        """;
    assertThat(Workloads.from(TestManifests.set(yaml), POOLED).get(0).pods())
        .isEqualTo(PodCount.fixed(3, "3 replicas"));
  }

  @Test
  void everySelectorOperatorFollowsTheSchedulersRules() {
    Map<String, String> labels = Map.of("zone", "a", "cores", "16");
    assertThat(Placement.matches(requirement("zone", "In", "a", "b"), labels)).isTrue();
    assertThat(Placement.matches(requirement("zone", "In", "b"), labels)).isFalse();
    assertThat(Placement.matches(requirement("missing", "In", "a"), labels)).isFalse();
    assertThat(Placement.matches(requirement("zone", "NotIn", "b"), labels)).isTrue();
    assertThat(Placement.matches(requirement("zone", "NotIn", "a"), labels)).isFalse();
    assertThat(Placement.matches(requirement("missing", "NotIn", "a"), labels)).isTrue();
    assertThat(Placement.matches(requirement("zone", "Exists"), labels)).isTrue();
    assertThat(Placement.matches(requirement("missing", "Exists"), labels)).isFalse();
    assertThat(Placement.matches(requirement("zone", "DoesNotExist"), labels)).isFalse();
    assertThat(Placement.matches(requirement("missing", "DoesNotExist"), labels)).isTrue();
    assertThat(Placement.matches(requirement("cores", "Gt", "8"), labels)).isTrue();
    assertThat(Placement.matches(requirement("cores", "Gt", "16"), labels)).isFalse();
    assertThat(Placement.matches(requirement("cores", "Lt", "32"), labels)).isTrue();
    assertThat(Placement.matches(requirement("cores", "Lt", "16"), labels)).isFalse();
    assertThat(Placement.matches(requirement("zone", "Gt", "1"), labels))
        .as("a label that is not an integer")
        .isFalse();
    assertThat(Placement.matches(requirement("missing", "Lt", "1"), labels)).isFalse();
    assertThat(Placement.matches(new NodeSelectorTerm(List.of(), List.of()), labels))
        .as("an empty term")
        .isFalse();
  }

  @Test
  void tolerationsMatchByOperatorKeyValueAndEffect() {
    Taint gpu = Taint.parse("nvidia.com/gpu=present:NoSchedule");
    assertThat(
            Placement.tolerates(
                toleration("nvidia.com/gpu", "Equal", "present", "NoSchedule"), gpu))
        .isTrue();
    assertThat(Placement.tolerates(toleration("nvidia.com/gpu", null, "present", null), gpu))
        .as("Equal is the default; empty effect matches all")
        .isTrue();
    assertThat(
            Placement.tolerates(toleration("nvidia.com/gpu", "Equal", "absent", "NoSchedule"), gpu))
        .isFalse();
    assertThat(Placement.tolerates(toleration("nvidia.com/gpu", "Exists", null, "NoSchedule"), gpu))
        .isTrue();
    assertThat(Placement.tolerates(toleration("nvidia.com/gpu", "Exists", null, "NoExecute"), gpu))
        .isFalse();
    assertThat(Placement.tolerates(toleration(null, "Exists", null, null), gpu))
        .as("empty key with Exists tolerates everything")
        .isTrue();
    assertThat(Placement.tolerates(toleration(null, "Equal", "present", null), gpu)).isFalse();
    assertThat(Placement.tolerates(toleration("other", "Exists", null, null), gpu)).isFalse();
  }

  @Test
  void noExecuteRepelsAndTheDaemonSetControllersOwnTolerationsApply() {
    ClusterProfile profile =
        TestManifests.production()
            .withNodePools(
                List.of(
                    new NodePool(
                        "cordoned",
                        100,
                        Map.of(),
                        List.of(Taint.parse("node.kubernetes.io/unschedulable:NoSchedule"))),
                    new NodePool(
                        "draining",
                        200,
                        Map.of(),
                        List.of(Taint.parse("maintenance=true:NoExecute"))),
                    new NodePool(
                        "edge",
                        300,
                        Map.of(),
                        List.of(Taint.parse("node.kubernetes.io/network-unavailable:NoSchedule"))),
                    new NodePool("rest", 4_400, Map.of(), List.of())));
    assertThat(only("hostNetwork: false", profile).pods().count()).isEqualTo(4_500);
    assertThat(only("hostNetwork: true", profile).pods().count())
        .as("host-network pods tolerate network-unavailable")
        .isEqualTo(4_800);
  }

  @Test
  void aDaemonSetsShareOfNodesScalesWithTheClusterAndNeverFalls() {
    qt().withFixedSeed(6L)
        .forAll(
            integers().between(0, 5_000),
            integers().between(1, 1_000_000),
            integers().between(0, 1_000))
        .checkAssert(
            (matched, nodes, more) -> {
              PodCount pods = PodCount.onNodes(matched / 5_000.0, 5_000, "test");
              assertThat(pods.count()).isEqualTo(matched);
              assertThat(pods.atNodes(nodes + more).count())
                  .isGreaterThanOrEqualTo(pods.atNodes(nodes).count());
            });
  }

  @Test
  void placingAnewInALargerClusterNeverGivesFewerPods() {
    qt().withFixedSeed(61L)
        .withExamples(300)
        .forAll(
            integers().between(1, 3_000),
            integers().between(0, 3_000),
            integers().between(1, 20_000),
            integers().between(0, 5_000))
        .checkAssert(
            (general, gpu, nodes, more) -> {
              ClusterProfile pooled =
                  TestManifests.production()
                      .withNodes(general + gpu)
                      .withNodePools(List.of(GENERAL.withCount(general), GPU.withCount(gpu)));
              String spec =
                  "tolerations: [{key: nvidia.com/gpu, operator: Exists}]\nnodeSelector: {accelerator: nvidia}";
              int smaller = only(spec, pooled.withNodes(nodes)).pods().count();
              int larger = only(spec, pooled.withNodes(nodes + more)).pods().count();
              assertThat(larger)
                  .as("%d+%d pools at %d and %d nodes", general, gpu, nodes, nodes + more)
                  .isGreaterThanOrEqualTo(smaller);
              assertThat(only(spec, pooled).pods().count()).isEqualTo(gpu);
            });
  }

  private static NodeSelectorRequirement requirement(
      String key, String operator, String... values) {
    return new NodeSelectorRequirement(key, operator, List.of(values));
  }

  private static Toleration toleration(String key, String operator, String value, String effect) {
    return new Toleration(effect, key, operator, null, value);
  }
}
