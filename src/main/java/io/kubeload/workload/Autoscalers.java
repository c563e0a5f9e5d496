package io.kubeload.workload;

import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.manifest.ObjectRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * HorizontalPodAutoscalers (v1 and v2 share the two fields read here), indexed once per manifest set
 * by the workload they target.
 */
final class Autoscalers {

  private final Map<ObjectRef, Integer> maxReplicasByTarget;

  private Autoscalers(Map<ObjectRef, Integer> maxReplicasByTarget) {
    this.maxReplicasByTarget = maxReplicasByTarget;
  }

  /** The largest maxReplicas of the HPAs in the same namespace that target {@code workload}. */
  static Optional<Integer> maxReplicasFor(Manifest workload, ManifestSet all) {
    return Optional.ofNullable(all.derived(Autoscalers.class, Autoscalers::index).maxReplicasByTarget.get(workload.ref()));
  }

  private static Autoscalers index(ManifestSet all) {
    Map<ObjectRef, Integer> byTarget = new HashMap<>();
    all.ofKind("HorizontalPodAutoscaler")
        .filter(hpa -> hpa.group().equals("autoscaling"))
        .forEach(hpa -> target(hpa).ifPresent(target -> maxReplicas(hpa).ifPresent(max -> byTarget.merge(target, max, Math::max))));
    return new Autoscalers(byTarget);
  }

  private static Optional<ObjectRef> target(Manifest hpa) {
    if (hpa.raw().get("spec") instanceof Map<?, ?> spec && spec.get("scaleTargetRef") instanceof Map<?, ?> target
        && target.get("kind") instanceof String kind && target.get("name") instanceof String name) {
      return Optional.of(new ObjectRef(kind, hpa.namespace(), name));
    }
    return Optional.empty();
  }

  private static Optional<Integer> maxReplicas(Manifest hpa) {
    if (hpa.raw().get("spec") instanceof Map<?, ?> spec && spec.get("maxReplicas") instanceof Number n && n.intValue() >= 0) {
      return Optional.of(n.intValue());
    }
    return Optional.empty();
  }
}
