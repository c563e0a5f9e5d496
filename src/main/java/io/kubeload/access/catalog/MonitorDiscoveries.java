package io.kubeload.access.catalog;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.kubeload.access.LabelSelectors;
import io.kubeload.access.config.Discovery;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.yaml.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service discovery prometheus-operator writes for a {@code Prometheus} resource: one
 * {@code kubernetes_sd_configs} item per ServiceMonitor (role endpoints, or endpointslice when the
 * resource asks for it) and per PodMonitor (role pod) it selects, limited to the monitor's
 * namespaces (prometheus-operator pkg/prometheus/promcfg.go; selection rules in the Prometheus CRD
 * documentation: a null selector selects nothing, {@code {}} everything, and a null namespace
 * selector only the Prometheus's own namespace).
 */
final class MonitorDiscoveries {

  /** A discovery and the monitor it comes from. */
  record Found(Discovery discovery, SourceLocation location) {}

  private MonitorDiscoveries() {}

  static List<Found> of(Manifest prometheus, ManifestSet manifests) {
    Map<?, ?> spec = prometheus.raw().get("spec") instanceof Map<?, ?> m ? m : Map.of();
    String serviceRole =
        "EndpointSlice".equalsIgnoreCase(String.valueOf(spec.get("serviceDiscoveryRole")))
            ? "endpointslice"
            : "endpoints";
    List<Found> out = new ArrayList<>();
    select(
            prometheus,
            manifests,
            "ServiceMonitor",
            prometheus.labelSelectorAt("spec.serviceMonitorSelector"),
            spec.get("serviceMonitorNamespaceSelector"))
        .forEach(monitor -> out.add(found(monitor, serviceRole)));
    select(
            prometheus,
            manifests,
            "PodMonitor",
            prometheus.labelSelectorAt("spec.podMonitorSelector"),
            spec.get("podMonitorNamespaceSelector"))
        .forEach(monitor -> out.add(found(monitor, "pod")));
    return out;
  }

  private static List<Manifest> select(
      Manifest prometheus,
      ManifestSet manifests,
      String kind,
      Optional<LabelSelector> selector,
      Object namespaceSelector) {
    if (selector.isEmpty()) {
      return List.of();
    }
    LabelSelector labels = selector.get();
    return manifests
        .ofKind(kind)
        .filter(m -> m.group().equals("monitoring.coreos.com"))
        .filter(
            m ->
                namespaceSelector instanceof Map<?, ?>
                    || m.namespace().equals(prometheus.namespace()))
        .filter(m -> LabelSelectors.matches(labels, m.labels()))
        .toList();
  }

  private static Found found(Manifest monitor, String role) {
    List<String> namespaces = new ArrayList<>();
    Map<?, ?> spec = monitor.raw().get("spec") instanceof Map<?, ?> m ? m : Map.of();
    if (spec.get("namespaceSelector") instanceof Map<?, ?> selector) {
      if (!Boolean.TRUE.equals(selector.get("any"))) {
        if (selector.get("matchNames") instanceof List<?> names && !names.isEmpty()) {
          names.forEach(n -> namespaces.add(String.valueOf(n)));
        } else {
          namespaces.add(monitor.namespace());
        }
      }
    } else {
      namespaces.add(monitor.namespace());
    }
    return new Found(
        new Discovery(
            role,
            namespaces.stream().sorted().distinct().toList(),
            false,
            Map.of(),
            false,
            monitor.kind() + " " + monitor.namespace() + "/" + monitor.name()),
        monitor.location());
  }
}
