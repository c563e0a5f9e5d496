package io.kubeload.model.apf;

import java.util.Optional;
import java.util.Set;

/**
 * What APF classifies: who asks (user and groups) and for what (verb, API group, resource,
 * namespace; an empty namespace is a cluster-scoped request).
 */
public record ApfRequest(
    String user,
    Set<String> groups,
    String verb,
    String apiGroup,
    String resource,
    String namespace) {

  public ApfRequest {
    groups = Set.copyOf(groups);
  }

  /** A pod's request under its ServiceAccount's identity (pkg/authentication/serviceaccount/util.go). */
  public static ApfRequest fromServiceAccount(
      String namespace,
      String account,
      String verb,
      String apiGroup,
      String resource,
      String targetNamespace) {
    return new ApfRequest(
        "system:serviceaccount:" + namespace + ":" + account,
        Set.of(
            "system:serviceaccounts",
            "system:serviceaccounts:" + namespace,
            "system:authenticated"),
        verb,
        apiGroup,
        resource,
        targetNamespace);
  }

  /** A ServiceAccount's namespace and name. */
  record ServiceAccountName(String namespace, String name) {}

  /** The ServiceAccount the user is, when it is one. */
  Optional<ServiceAccountName> serviceAccount() {
    String prefix = "system:serviceaccount:";
    if (!user.startsWith(prefix)) {
      return Optional.empty();
    }
    String account = user.substring(prefix.length());
    int colon = account.indexOf(':');
    return colon < 0
        ? Optional.empty()
        : Optional.of(
            new ServiceAccountName(account.substring(0, colon), account.substring(colon + 1)));
  }
}
