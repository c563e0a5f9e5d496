package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeload.access.AccessSet;
import io.kubeload.access.inference.AccessInference;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.model.LoadModel;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.testing.RealManifests;
import io.kubeload.testing.TestManifests;
import io.kubeload.workload.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance over the real charts in ../shared/corpus (third-party data, read in place): the catalog
 * recognises every component of SOURCES.tsv, and each variant's scaling class agrees with the
 * class recorded for its component. Those classes map to kubeload's: S0 (no API server access) is
 * none; S1 (central controllers) constant or linear; S2 (per-node, node-scoped), S4 (per-node
 * periodic) and S5 (per-event) linear; S3 (per-node, cluster-wide) quadratic. Skipped when
 * ../shared is not beside the clone.
 */
class CatalogCorpusTest {

  /** Reference class of a variant's main workload, and why when it is not the table's plain reading. */
  record Case(String file, String workload, String referenceClass, String why) {
    @Override
    public String toString() {
      return file + " " + workload + " " + referenceClass;
    }
  }

  private static final Map<String, Set<String>> CLASSES =
      Map.of(
          "S0", Set.of("none"),
          "S1", Set.of("constant", "linear"),
          "S2", Set.of("linear"),
          "S3", Set.of("quadratic"),
          "S4", Set.of("linear"),
          "S5", Set.of("linear"));

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "alloy/clustering-statefulset.yaml",
            "StatefulSet/monitoring/alloy",
            "S1",
            "clustering splits targets, not watches"),
        new Case(
            "alloy/default-daemonset-example-config.yaml",
            "DaemonSet/monitoring/alloy",
            "S3",
            "six unfiltered discoveries on every node"),
        new Case("alloy/logs-node-filtered.yaml", "DaemonSet/monitoring/alloy", "S2", ""),
        new Case(
            "alloy/loki-source-kubernetes-unfiltered.yaml", "DaemonSet/monitoring/alloy", "S3", ""),
        new Case(
            "argo-cd/default.yaml", "StatefulSet/argocd/argocd-application-controller", "S1", ""),
        new Case(
            "argo-cd/ha-controller-sharded.yaml",
            "StatefulSet/argocd/argocd-application-controller",
            "S1",
            "sharding is per cluster"),
        new Case("aws-vpc-cni/default.yaml", "DaemonSet/kube-system/aws-node", "S2", ""),
        new Case(
            "calico/manifest-calico-kdd.yaml",
            "DaemonSet/kube-system/calico-node",
            "S3",
            "no Typha"),
        new Case(
            "calico/manifest-calico-typha.yaml",
            "DaemonSet/kube-system/calico-node",
            "S0",
            "Typha holds the watches"),
        new Case(
            "calico/manifest-calico-typha.yaml", "Deployment/kube-system/calico-typha", "S1", ""),
        new Case(
            "calico/tigera-operator-default.yaml",
            "Deployment/tigera-operator/tigera-operator",
            "S1",
            ""),
        new Case(
            "calico/tigera-operator-default.yaml",
            "DaemonSet/calico-system/calico-node",
            "S0",
            "created from the Installation, fed by Typha"),
        new Case(
            "calico/tigera-operator-default.yaml",
            "Deployment/calico-system/calico-typha",
            "S3",
            "S1 × R with R = nodes / 200 + 2: the operator scales Typha with the nodes"),
        new Case(
            "cert-manager/default-v1.21.1.yaml", "Deployment/cert-manager/cert-manager", "S1", ""),
        new Case(
            "cilium/ces-enabled-kpr-1.19.6.yaml",
            "DaemonSet/kube-system/cilium",
            "S3",
            "slices, identities, nodes, services"),
        new Case("cilium/default-1.19.6.yaml", "DaemonSet/kube-system/cilium", "S3", ""),
        new Case("cilium/default-1.20.0.yaml", "DaemonSet/kube-system/cilium", "S3", ""),
        new Case("cilium/hubble-relay-ui-1.19.6.yaml", "DaemonSet/kube-system/cilium", "S3", ""),
        new Case("cilium/default-1.19.6.yaml", "Deployment/kube-system/cilium-operator", "S1", ""),
        new Case("coredns/default.yaml", "Deployment/kube-system/coredns", "S1", ""),
        new Case(
            "coredns/autoscaler-cpa.yaml",
            "Deployment/kube-system/coredns",
            "S3",
            "S1 × R with R = nodes / 16: the hidden O(N²) of the reference"),
        new Case(
            "datadog/default-cluster-agent.yaml",
            "DaemonSet/datadog/datadog",
            "S0",
            "the Cluster Agent proxies"),
        new Case(
            "datadog/default-cluster-agent.yaml",
            "Deployment/datadog/datadog-cluster-agent",
            "S1",
            ""),
        new Case("datadog/no-cluster-agent.yaml", "DaemonSet/datadog/datadog", "S3", ""),
        new Case(
            "datadog/cluster-agent-clusterchecks-runners.yaml",
            "Deployment/datadog/datadog-clusterchecks",
            "S0",
            "asks the Cluster Agent"),
        new Case(
            "external-dns/aws-sync-ingress-service.yaml",
            "Deployment/external-dns/external-dns",
            "S1",
            ""),
        new Case(
            "external-dns/default-upsert-only.yaml",
            "Deployment/external-dns/external-dns",
            "S1",
            ""),
        new Case("falco/default.yaml", "DaemonSet/falco/falco", "S0", ""),
        new Case(
            "falco/falcosidekick-enabled.yaml", "Deployment/falco/falco-falcosidekick", "S0", ""),
        new Case(
            "falco/k8s-metacollector-enabled.yaml",
            "Deployment/falco/falco-k8s-metacollector",
            "S1",
            ""),
        new Case(
            "fluent-bit/default.yaml",
            "DaemonSet/logging/fluent-bit",
            "S5",
            "a GET per new pod on its node"),
        new Case(
            "fluent-bit/kubernetes-events-input.yaml",
            "DaemonSet/logging/fluent-bit",
            "S3",
            "every node watches all events"),
        new Case(
            "fluent-bit/use-kubelet.yaml",
            "DaemonSet/logging/fluent-bit",
            "S0",
            "pod metadata from the kubelet"),
        new Case("fluentd/default.yaml", "DaemonSet/default/fluentd", "S3", "no K8S_NODE_NAME"),
        new Case("fluentd/node-filtered-watch.yaml", "DaemonSet/default/fluentd", "S2", ""),
        new Case("grafana/default.yaml", "Deployment/monitoring/grafana", "S0", "no sidecars"),
        new Case(
            "grafana/dashboards-sidecar-watch.yaml", "Deployment/monitoring/grafana", "S1", ""),
        new Case(
            "ingress-nginx/default.yaml",
            "Deployment/ingress-nginx/ingress-nginx-controller",
            "S1",
            ""),
        new Case(
            "ingress-nginx/daemonset-kind.yaml",
            "DaemonSet/ingress-nginx/ingress-nginx-controller",
            "S3",
            ""),
        new Case(
            "ingress-nginx/scoped-namespace.yaml",
            "Deployment/ingress-nginx/ingress-nginx-controller",
            "S1",
            "namespaced"),
        new Case(
            "kube-prometheus-stack/default.yaml",
            "Deployment/monitoring/kps-kube-prometheus-stack-operator",
            "S1",
            ""),
        new Case(
            "kube-prometheus-stack/default.yaml",
            "StatefulSet/monitoring/prometheus-kps-kube-prometheus-stack-prometheus",
            "S1",
            "created from the Prometheus resource"),
        new Case(
            "kube-prometheus-stack/default.yaml",
            "StatefulSet/monitoring/alertmanager-kps-kube-prometheus-stack-alertmanager",
            "S0",
            ""),
        new Case(
            "kube-prometheus-stack/default.yaml", "Deployment/monitoring/kps-grafana", "S1", ""),
        new Case(
            "kube-prometheus-stack/no-grafana.yaml",
            "Deployment/monitoring/kps-kube-state-metrics",
            "S1",
            ""),
        new Case(
            "kube-state-metrics/default.yaml",
            "Deployment/monitoring/kube-state-metrics",
            "S1",
            ""),
        new Case(
            "kube-state-metrics/autosharding-3.yaml",
            "StatefulSet/monitoring/kube-state-metrics",
            "S1",
            "every shard streams everything"),
        new Case(
            "kyverno/default-v1.19.0.yaml",
            "Deployment/kyverno/kyverno-admission-controller",
            "S1",
            ""),
        new Case(
            "kyverno/default-v1.19.0.yaml",
            "Deployment/kyverno/kyverno-reports-controller",
            "S1",
            ""),
        new Case("metrics-server/default.yaml", "Deployment/kube-system/metrics-server", "S1", ""),
        new Case(
            "metrics-server/ha-2-replicas.yaml", "Deployment/kube-system/metrics-server", "S1", ""),
        new Case(
            "node-problem-detector/default.yaml",
            "DaemonSet/kube-system/npd-node-problem-detector",
            "S4",
            "a heartbeat per node"),
        new Case(
            "opentelemetry-collector/daemonset-k8sattributes.yaml",
            "DaemonSet/observability/otel-collector-opentelemetry-collector-agent",
            "S3",
            "pods S2, but replicasets cluster-wide"),
        new Case(
            "opentelemetry-collector/daemonset-k8sattributes-kubeletstats-logs.yaml",
            "DaemonSet/observability/otel-collector-opentelemetry-collector-agent",
            "S3",
            "replicasets cluster-wide"),
        new Case(
            "opentelemetry-collector/daemonset-k8sattributes-nodefilter-removed.yaml",
            "DaemonSet/observability/otel-collector-opentelemetry-collector-agent",
            "S3",
            ""),
        new Case(
            "opentelemetry-collector/deployment-clustermetrics-k8sevents.yaml",
            "Deployment/observability/otel-collector-opentelemetry-collector",
            "S1",
            ""),
        new Case(
            "opentelemetry-collector/deployment-k8sattributes-clusterwide.yaml",
            "Deployment/observability/otel-collector-opentelemetry-collector",
            "S1",
            ""),
        new Case(
            "prometheus-node-exporter/default.yaml",
            "DaemonSet/monitoring/node-exporter-prometheus-node-exporter",
            "S0",
            ""),
        new Case(
            "prometheus-node-exporter/kube-rbac-proxy.yaml",
            "DaemonSet/monitoring/node-exporter-prometheus-node-exporter",
            "S4",
            "reviews per scrape"),
        new Case(
            "promtail/default.yaml",
            "DaemonSet/logging/promtail",
            "S2",
            "role pod, narrowed by Promtail"),
        new Case(
            "vector/agent.yaml",
            "DaemonSet/observability/vector",
            "S2",
            "S2 on pods and node; the small S3 of namespaces does not dominate within 5,000 nodes"),
        new Case(
            "vector/agent-use-apiserver-cache.yaml",
            "DaemonSet/observability/vector",
            "S2",
            "as above"),
        new Case("vector/aggregator-default.yaml", "StatefulSet/observability/vector", "S0", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachVariantScalesAsTheReferenceSays(Case c) throws IOException {
    assumeTrue(Files.isDirectory(CorpusTest.CORPUS), CorpusTest.ABSENT);
    ClusterProfile production = TestManifests.production();
    ManifestSet manifests = read(CorpusTest.CORPUS.resolve(c.file()));
    AccessSet set =
        Workloads.from(manifests, production).stream()
            .filter(w -> w.ref().toString().equals(c.workload()))
            .map(w -> AccessInference.infer(w, manifests))
            .findFirst()
            .orElseThrow(() -> new AssertionError(c.workload() + " is not in " + c.file()));
    // A pod without an API token needs no catalog: it makes no API calls at all.
    assertThat(set.basis())
        .as("recognised by the catalog")
        .matches("catalog: .*|automountServiceAccountToken: false.*");
    WorkloadLoad load = LoadModel.project(List.of(set), production).workloads().get(0);
    assertThat(load.scalingClass().label())
        .as("%s (%s)", c.referenceClass(), c.why())
        .isIn(CLASSES.get(c.referenceClass()));
  }

  /** Every component of SOURCES.tsv has a variant in the cases above, so none goes unrecognised. */
  @Test
  void everyComponentOfTheSourcesIsCovered() throws IOException {
    assumeTrue(Files.isDirectory(CorpusTest.CORPUS), CorpusTest.ABSENT);
    Set<String> components = new TreeSet<>();
    Files.readAllLines(CorpusTest.CORPUS.resolve("SOURCES.tsv")).stream()
        .skip(1)
        .filter(line -> !line.isBlank())
        .forEach(line -> components.add(line.split("\t", -1)[0]));
    Set<String> covered = new TreeSet<>();
    cases().forEach(c -> covered.add(c.file().substring(0, c.file().indexOf('/'))));
    assertThat(covered).containsAll(components);
  }

  private static ManifestSet read(Path file) {
    return RealManifests.read(file);
  }
}
