package io.kubeload.manifest;

import java.util.Set;

/** What kubeload knows of built-in kinds beyond their fields (those are in {@link KubernetesShapes}). */
final class TypedKinds {

  /** Cluster-scoped built-in kinds: they get no namespace, whatever the rendering said. */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding",
          "CustomResourceDefinition", "StorageClass", "PriorityClass", "IngressClass",
          "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService",
          "FlowSchema", "PriorityLevelConfiguration", "CSIDriver", "CSINode", "RuntimeClass",
          "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
          "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding", "VolumeAttachment");

  private TypedKinds() {}

  static boolean isClusterScoped(String kind) {
    return CLUSTER_SCOPED.contains(kind);
  }
}
