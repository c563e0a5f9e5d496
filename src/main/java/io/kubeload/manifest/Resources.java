package io.kubeload.manifest;

import java.util.Locale;
import java.util.Set;

/** Resource names as kubeload keys them: plain for built-in API groups, {@code plural.group} otherwise. */
public final class Resources {

  private static final Set<String> BUILT_IN_GROUPS =
      Set.of(
          "",
          "apps",
          "batch",
          "autoscaling",
          "policy",
          "discovery.k8s.io",
          "coordination.k8s.io",
          "networking.k8s.io",
          "rbac.authorization.k8s.io",
          "storage.k8s.io",
          "events.k8s.io",
          "apiextensions.k8s.io",
          "admissionregistration.k8s.io",
          "certificates.k8s.io",
          "scheduling.k8s.io",
          "node.k8s.io",
          "flowcontrol.apiserver.k8s.io",
          "resource.k8s.io",
          "authentication.k8s.io",
          "authorization.k8s.io",
          "apiregistration.k8s.io",
          "metrics.k8s.io");

  /** API groups of the built-in resources kubeload meets, for FlowSchema matching. */
  private static final java.util.Map<String, String> BUILT_IN_GROUP_OF =
      java.util.Map.ofEntries(
          java.util.Map.entry("deployments", "apps"),
          java.util.Map.entry("replicasets", "apps"),
          java.util.Map.entry("daemonsets", "apps"),
          java.util.Map.entry("statefulsets", "apps"),
          java.util.Map.entry("controllerrevisions", "apps"),
          java.util.Map.entry("jobs", "batch"),
          java.util.Map.entry("cronjobs", "batch"),
          java.util.Map.entry("endpointslices", "discovery.k8s.io"),
          java.util.Map.entry("leases", "coordination.k8s.io"),
          java.util.Map.entry("ingresses", "networking.k8s.io"),
          java.util.Map.entry("ingressclasses", "networking.k8s.io"),
          java.util.Map.entry("networkpolicies", "networking.k8s.io"),
          java.util.Map.entry("horizontalpodautoscalers", "autoscaling"),
          java.util.Map.entry("poddisruptionbudgets", "policy"),
          java.util.Map.entry("roles", "rbac.authorization.k8s.io"),
          java.util.Map.entry("rolebindings", "rbac.authorization.k8s.io"),
          java.util.Map.entry("clusterroles", "rbac.authorization.k8s.io"),
          java.util.Map.entry("clusterrolebindings", "rbac.authorization.k8s.io"),
          java.util.Map.entry("storageclasses", "storage.k8s.io"),
          java.util.Map.entry("csinodes", "storage.k8s.io"),
          java.util.Map.entry("volumeattachments", "storage.k8s.io"),
          java.util.Map.entry("customresourcedefinitions", "apiextensions.k8s.io"),
          java.util.Map.entry("flowschemas", "flowcontrol.apiserver.k8s.io"),
          java.util.Map.entry("prioritylevelconfigurations", "flowcontrol.apiserver.k8s.io"));

  /**
   * Cluster-scoped resources: their requests carry no namespace, and a namespace cannot narrow them
   * (built-in, and the custom resources of the catalog's components).
   */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "nodes",
          "namespaces",
          "persistentvolumes",
          "clusterroles",
          "clusterrolebindings",
          "storageclasses",
          "csinodes",
          "volumeattachments",
          "customresourcedefinitions",
          "ingressclasses",
          "priorityclasses",
          "flowschemas",
          "prioritylevelconfigurations",
          "runtimeclasses",
          "certificatesigningrequests",
          "csidrivers",
          "mutatingwebhookconfigurations",
          "validatingwebhookconfigurations",
          "apiservices",
          "tokenreviews",
          "subjectaccessreviews",
          "ciliumnodes.cilium.io",
          "ciliumidentities.cilium.io",
          "ciliumclusterwidenetworkpolicies.cilium.io",
          "clusterissuers.cert-manager.io",
          "ipamblocks.crd.projectcalico.org",
          "installations.operator.tigera.io",
          "clusterpolicies.kyverno.io",
          "clustercleanuppolicies.kyverno.io",
          "clusterpolicyreports.wgpolicyk8s.io",
          "eniconfigs.crd.k8s.amazonaws.com");

  private Resources() {}

  /** The API group of a resource key: after the first dot, or the built-in group's. */
  public static String groupOf(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? BUILT_IN_GROUP_OF.getOrDefault(key, "") : key.substring(dot + 1);
  }

  /** The plural name without its group. */
  public static String pluralOf(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }

  public static boolean isClusterScoped(String key) {
    return CLUSTER_SCOPED.contains(key);
  }

  public static String key(String group, String resource) {
    String plural = resource.toLowerCase(Locale.ROOT);
    String g = group == null ? "" : group.strip();
    return BUILT_IN_GROUPS.contains(g) || g.equals("*") ? plural : plural + "." + g;
  }
}
