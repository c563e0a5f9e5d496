package io.kubeload.manifest;

import java.util.Set;

/** The built-in kinds that are cluster-scoped: they get no namespace, whatever the rendering said. */
final class ClusterScopedKinds {

  private static final Set<String> KINDS =
      Set.of(
          "Namespace",
          "Node",
          "PersistentVolume",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "StorageClass",
          "PriorityClass",
          "IngressClass",
          "ValidatingWebhookConfiguration",
          "MutatingWebhookConfiguration",
          "APIService",
          "FlowSchema",
          "PriorityLevelConfiguration",
          "CSIDriver",
          "CSINode",
          "RuntimeClass",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "MutatingAdmissionPolicy",
          "MutatingAdmissionPolicyBinding",
          "VolumeAttachment");

  private ClusterScopedKinds() {}

  static boolean contains(String kind) {
    return KINDS.contains(kind);
  }
}
