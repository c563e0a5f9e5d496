package io.kubeload.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.testing.TestManifests;
import io.kubeload.yaml.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workloads created at run time from a resource, pod counts that follow the nodes, and ignores. */
class OperatorWorkloadsTest {

  private static List<Workload> workloads(String yaml, int nodes) {
    return Workloads.from(TestManifests.set(yaml), TestManifests.production().withNodes(nodes));
  }

  private static Workload only(List<Workload> workloads, String ref) {
    return workloads.stream().filter(w -> w.ref().toString().equals(ref)).findFirst().orElseThrow();
  }

  @Test
  void aPrometheusResourceIsAStatefulSetOfReplicasTimesShardsLocatedAtTheResource() {
    List<Workload> workloads =
        workloads(
            """
        apiVersion: monitoring.coreos.com/v1
        kind: Prometheus
        metadata: {name: main, namespace: monitoring}
        spec: {replicas: 2, shards: 3, version: v2.54.0, serviceAccountName: prometheus}
        ---
        apiVersion: monitoring.coreos.com/v1
        kind: Alertmanager
        metadata: {name: main, namespace: monitoring}
        spec: {}
        """,
            5000);
    Workload prometheus = only(workloads, "StatefulSet/monitoring/prometheus-main");
    assertThat(prometheus.pods().count()).isEqualTo(6);
    assertThat(prometheus.pods().reason()).isEqualTo("2 replicas × 3 shards (Prometheus main)");
    assertThat(prometheus.serviceAccount()).isEqualTo("prometheus");
    assertThat(prometheus.podSpec().getContainers().get(0).getImage())
        .isEqualTo("quay.io/prometheus/prometheus:v2.54.0");
    assertThat(prometheus.location().line()).isEqualTo(1);
    Workload alertmanager = only(workloads, "StatefulSet/monitoring/alertmanager-main");
    assertThat(alertmanager.pods().count()).isEqualTo(1);
    assertThat(alertmanager.location().line()).isEqualTo(6);
  }

  @Test
  void anInstallationIsCalicoNodeTyphaScaledWithTheNodesAndKubeControllers() {
    String installation =
        """
        apiVersion: operator.tigera.io/v1
        kind: Installation
        metadata: {name: default}
        spec: {}
        """;
    List<Workload> big = workloads(installation, 5000);
    assertThat(big)
        .extracting(w -> w.ref().toString())
        .containsExactly(
            "DaemonSet/calico-system/calico-node",
            "Deployment/calico-system/calico-typha",
            "Deployment/calico-system/calico-kube-controllers");
    Workload node = only(big, "DaemonSet/calico-system/calico-node");
    assertThat(node.runsOnEveryNode()).isTrue();
    assertThat(node.podSpec().getContainers().get(0).getEnv())
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("FELIX_TYPHAK8SSERVICENAME");
              assertThat(e.getValue()).isEqualTo("calico-typha");
            });
    // GetExpectedTyphaScale: 5000 / 200 + 2 = 27; at least 3.
    Workload typha = only(big, "Deployment/calico-system/calico-typha");
    assertThat(typha.pods().count()).isEqualTo(27);
    assertThat(typha.podsGrowWithNodes()).isTrue();
    assertThat(typha.runsOnEveryNode()).isFalse();
    assertThat(typha.pods().atNodes(20).count()).isEqualTo(3);
    assertThat(typha.pods().atNodes(1000).count()).isEqualTo(7);
  }

  @Test
  void theClusterProportionalAutoscalerSizesItsTargetByNodes() {
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: dns-autoscaler, namespace: kube-system}
        data:
          linear: '{"coresPerReplica": 256, "nodesPerReplica": 16, "preventSinglePointFailure": true, "min": 0, "max": 0}'
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: coredns, namespace: kube-system}
        spec:
          replicas: 2
          selector: {matchLabels: {app: dns}}
          template:
            metadata: {labels: {app: dns}}
            spec:
              containers: [{name: coredns, image: coredns/coredns:1.11.3}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: dns-autoscaler, namespace: kube-system}
        spec:
          selector: {matchLabels: {app: cpa}}
          template:
            metadata: {labels: {app: cpa}}
            spec:
              containers:
                - name: autoscaler
                  image: registry.k8s.io/cpa/cluster-proportional-autoscaler:v1.8.9
                  command: [/cluster-proportional-autoscaler, --configmap=dns-autoscaler, --target=Deployment/coredns]
        """;
    Workload coredns = only(workloads(yaml, 5000), "Deployment/kube-system/coredns");
    assertThat(coredns.pods().count()).isEqualTo(313);
    assertThat(coredns.pods().reason())
        .isEqualTo(
            "cluster-proportional-autoscaler dns-autoscaler: ceil(nodes / 16), at least 2 (cores not counted)");
    // preventSinglePointFailure keeps two replicas in a small cluster.
    assertThat(only(workloads(yaml, 20), "Deployment/kube-system/coredns").pods().count())
        .isEqualTo(2);
    assertThat(
            only(
                    workloads(
                        yaml.replace("--target=Deployment/coredns", "--target=Deployment/other"),
                        5000),
                    "Deployment/kube-system/coredns")
                .pods()
                .count())
        .isEqualTo(2);
  }

  @Test
  void ignoresNeedARuleAndAReason() {
    String workload =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          annotations:
            kubeload.io/ignore: "%s"
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: nginx}]
        """;
    Workload web =
        workloads(
                workload.formatted(
                    "seat-demand=measured at 40% in prod, startup-storm = rolled out by hand"),
                5000)
            .get(0);
    assertThat(web.ignores())
        .extracting(Ignore::rule, Ignore::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("seat-demand", "measured at 40% in prod"),
            org.assertj.core.groups.Tuple.tuple("startup-storm", "rolled out by hand"));
    assertThat(web.ignores().get(0).location().line()).isEqualTo(7);
    assertThatThrownBy(() -> workloads(workload.formatted("seat-demand"), 5000))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "test.yaml:7: kubeload.io/ignore: seat-demand needs a reason, as in seat-demand=<why it is safe>");
    assertThatThrownBy(() -> workloads(workload.formatted("=because"), 5000))
        .hasMessageContaining("must name a rule");
  }
}
