package io.kubeload.manifest;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds kubeload reads through the fabric8 model, keyed by API group and kind. Everything else,
 * custom resources included, stays a plain YAML tree: never an error.
 */
final class TypedKinds {

  private static final Map<String, Class<? extends KubernetesResource>> BY_GROUP_KIND =
      Map.ofEntries(
          Map.entry("/Pod", Pod.class),
          Map.entry("/ReplicationController", ReplicationController.class),
          Map.entry("/ServiceAccount", ServiceAccount.class),
          Map.entry("/ConfigMap", ConfigMap.class),
          Map.entry("apps/Deployment", Deployment.class),
          Map.entry("apps/StatefulSet", StatefulSet.class),
          Map.entry("apps/DaemonSet", DaemonSet.class),
          Map.entry("apps/ReplicaSet", ReplicaSet.class),
          Map.entry("batch/Job", Job.class),
          Map.entry("batch/CronJob", CronJob.class),
          Map.entry("rbac.authorization.k8s.io/Role", Role.class),
          Map.entry("rbac.authorization.k8s.io/ClusterRole", ClusterRole.class),
          Map.entry("rbac.authorization.k8s.io/RoleBinding", RoleBinding.class),
          Map.entry("rbac.authorization.k8s.io/ClusterRoleBinding", ClusterRoleBinding.class));

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

  static Optional<Class<? extends KubernetesResource>> classFor(String group, String kind) {
    return Optional.ofNullable(BY_GROUP_KIND.get(group + "/" + kind));
  }

  static boolean isClusterScoped(String kind) {
    return CLUSTER_SCOPED.contains(kind);
  }

  /** The HPA is read from its YAML tree: v1 and v2 differ, and kubeload needs two fields of it. */
  static boolean isHorizontalPodAutoscaler(String group, String kind) {
    return group.equals("autoscaling") && kind.equals("HorizontalPodAutoscaler");
  }
}
