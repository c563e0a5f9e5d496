package io.kubeload.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ObjectRef;
import java.util.List;
import java.util.Map;

/**
 * Workloads an operator creates at run time from a resource in the manifests; they count as if
 * rendered, located at the resource:
 * <ul>
 *   <li>a {@code Prometheus} becomes StatefulSet {@code prometheus-<name>} with replicas × shards pods,
 *       an {@code Alertmanager} StatefulSet {@code alertmanager-<name>} (prometheus-operator
 *       pkg/prometheus/statefulset.go, pkg/alertmanager/statefulset.go; replicas and shards default to 1);
 *   <li>a tigera {@code Installation} becomes DaemonSet {@code calico-system/calico-node} (fed by Typha),
 *       Deployment {@code calico-typha}, scaled with the nodes (tigera/operator
 *       pkg/common/typha.go GetExpectedTyphaScale), and Deployment {@code calico-kube-controllers}
 *       (tigera/operator pkg/render/node.go, pkg/render/typha.go, pkg/render/kubecontrollers).
 * </ul>
 */
final class OperatorWorkloads {

  private static final String CALICO_NAMESPACE = "calico-system";

  // GetExpectedTyphaScale: nodes / 200 + 1, plus one for availability, at least 3 (fewer below 5
  // nodes).
  private static final PodCount.NodeRatio TYPHA =
      new PodCount.NodeRatio(200, false, 2, 3, Integer.MAX_VALUE);

  private OperatorWorkloads() {}

  static List<Workload> from(Manifest m, ClusterProfile profile) {
    return switch (m.group() + "/" + m.kind()) {
      case "monitoring.coreos.com/Prometheus" ->
          List.of(prometheus(m, "prometheus", "quay.io/prometheus/prometheus", true));
      case "monitoring.coreos.com/Alertmanager" ->
          List.of(prometheus(m, "alertmanager", "quay.io/prometheus/alertmanager", false));
      case "operator.tigera.io/Installation" -> calico(m, profile);
      default -> List.of();
    };
  }

  private static Workload prometheus(
      Manifest m, String prefix, String defaultImage, boolean sharded) {
    Map<?, ?> spec = m.raw().get("spec") instanceof Map<?, ?> s ? s : Map.of();
    int replicas = number(spec.get("replicas"), 1);
    int shards = sharded ? number(spec.get("shards"), 1) : 1;
    String image =
        spec.get("image") instanceof String i && !i.isBlank()
            ? i
            : defaultImage
                + (spec.get("version") instanceof String v && !v.isBlank() ? ":" + v : "");
    String account =
        spec.get("serviceAccountName") instanceof String a && !a.isBlank() ? a : "default";
    int pods = replicas * shards;
    String reason =
        replicas
            + (replicas == 1 ? " replica" : " replicas")
            + (shards > 1 ? " × " + shards + " shards" : "")
            + " ("
            + m.kind()
            + " "
            + m.name()
            + ")";
    PodSpec podSpec =
        new PodSpecBuilder()
            .withServiceAccountName(account)
            .withContainers(container(prefix, image))
            .build();
    return new Workload(
        new ObjectRef("StatefulSet", m.namespace(), prefix + "-" + m.name()),
        m,
        podSpec,
        Map.of(),
        account,
        PodCount.fixed(pods, reason),
        Workloads.defaultRollout("StatefulSet", pods),
        Workload.Arrival.NEW,
        Ignore.of(m));
  }

  private static List<Workload> calico(Manifest m, ClusterProfile profile) {
    Map<?, ?> spec = m.raw().get("spec") instanceof Map<?, ?> s ? s : Map.of();
    String registry =
        spec.get("registry") instanceof String r && !r.isBlank()
            ? (r.endsWith("/") ? r : r + "/")
            : "quay.io/";
    int nodes = profile.nodes();
    // calico-node tolerates every taint (tigera/operator pkg/render/node.go: TolerateAll), so it
    // lands on every pool.
    PodSpec nodeSpec =
        new PodSpecBuilder(
                podSpec(
                    "calico-node",
                    container(
                        "calico-node",
                        registry + "calico/node",
                        new EnvVar("FELIX_TYPHAK8SSERVICENAME", "calico-typha", null))))
            .withTolerations(new TolerationBuilder().withOperator("Exists").build())
            .build();
    Workload node =
        calicoWorkload(m, "DaemonSet", nodeSpec, Placement.daemonSet(nodeSpec, profile));
    Workload typha =
        calicoWorkload(
            m,
            "Deployment",
            podSpec("calico-typha", container("calico-typha", registry + "calico/typha")),
            PodCount.proportional(
                TYPHA,
                nodes,
                "tigera-operator scales Typha with the nodes: nodes / 200 + 2, at least 3 (Installation "
                    + m.name()
                    + ")"));
    Workload controllers =
        calicoWorkload(
            m,
            "Deployment",
            podSpec(
                "calico-kube-controllers",
                container(
                    "calico-kube-controllers",
                    registry + "calico/kube-controllers",
                    new EnvVar("ENABLED_CONTROLLERS", "node,loadbalancer", null))),
            PodCount.fixed(1, "1 replica (Installation " + m.name() + ")"));
    return List.of(node, typha, controllers);
  }

  private static PodSpec podSpec(String account, Container container) {
    return new PodSpecBuilder().withServiceAccountName(account).withContainers(container).build();
  }

  private static Workload calicoWorkload(Manifest m, String kind, PodSpec podSpec, PodCount pods) {
    String name = podSpec.getServiceAccountName();
    return new Workload(
        new ObjectRef(kind, CALICO_NAMESPACE, name),
        m,
        podSpec,
        Map.of(),
        name,
        pods,
        Workloads.defaultRollout(kind, pods.count()),
        Workload.Arrival.NEW,
        Ignore.of(m));
  }

  private static Container container(String name, String image, EnvVar... env) {
    return new ContainerBuilder().withName(name).withImage(image).withEnv(env).build();
  }

  private static int number(Object value, int fallback) {
    return value instanceof Number n && n.intValue() >= 0 ? n.intValue() : fallback;
  }
}
