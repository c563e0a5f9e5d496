package io.kubeload.model.apf;

import java.util.Set;

/**
 * What APF classifies: who asks (user and groups) and for what (verb, API group, resource,
 * namespace; an empty namespace is a cluster-scoped request).
 */
public record ApfRequest(String user, Set<String> groups, String verb, String apiGroup, String resource, String namespace) {

  /** A pod's request under its ServiceAccount's identity (pkg/authentication/serviceaccount/util.go). */
  public static ApfRequest fromServiceAccount(
      String namespace, String account, String verb, String apiGroup, String resource, String targetNamespace) {
    return new ApfRequest(
        "system:serviceaccount:" + namespace + ":" + account,
        Set.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated"),
        verb, apiGroup, resource, targetNamespace);
  }

  /** The ServiceAccount's namespace and name, when the user is one. */
  String[] serviceAccount() {
    String prefix = "system:serviceaccount:";
    if (!user.startsWith(prefix)) {
      return null;
    }
    String[] parts = user.substring(prefix.length()).split(":", 2);
    return parts.length == 2 ? parts : null;
  }
}
