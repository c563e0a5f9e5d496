package io.kubeload.cluster;

import java.util.Locale;
import java.util.Set;

/** Resource names as kubeload keys them: plain for built-in API groups, {@code plural.group} otherwise. */
public final class Resources {

  private static final Set<String> BUILT_IN_GROUPS =
      Set.of(
          "", "apps", "batch", "autoscaling", "policy", "discovery.k8s.io", "coordination.k8s.io",
          "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io", "events.k8s.io",
          "apiextensions.k8s.io", "admissionregistration.k8s.io", "certificates.k8s.io",
          "scheduling.k8s.io", "node.k8s.io", "flowcontrol.apiserver.k8s.io", "resource.k8s.io",
          "authentication.k8s.io", "authorization.k8s.io", "apiregistration.k8s.io", "metrics.k8s.io");

  private Resources() {}

  public static String key(String group, String resource) {
    String plural = resource.toLowerCase(Locale.ROOT);
    String g = group == null ? "" : group.strip();
    return BUILT_IN_GROUPS.contains(g) || g.equals("*") ? plural : plural + "." + g;
  }
}
