package io.kubeload.workload;

import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import java.util.Map;
import java.util.Optional;

/** HorizontalPodAutoscalers (v1 and v2 share the two fields read here). */
final class Autoscalers {

  private Autoscalers() {}

  /** The largest maxReplicas of the HPAs in the same namespace that target {@code workload}. */
  static Optional<Integer> maxReplicasFor(Manifest workload, ManifestSet all) {
    return all.ofKind("HorizontalPodAutoscaler")
        .filter(hpa -> hpa.group().equals("autoscaling"))
        .filter(hpa -> hpa.namespace().equals(workload.namespace()))
        .filter(hpa -> targets(hpa, workload))
        .map(Autoscalers::maxReplicas)
        .flatMap(Optional::stream)
        .max(Integer::compare);
  }

  private static boolean targets(Manifest hpa, Manifest workload) {
    if (!(hpa.raw().get("spec") instanceof Map<?, ?> spec) || !(spec.get("scaleTargetRef") instanceof Map<?, ?> target)) {
      return false;
    }
    return workload.kind().equals(target.get("kind")) && workload.name().equals(target.get("name"));
  }

  private static Optional<Integer> maxReplicas(Manifest hpa) {
    if (hpa.raw().get("spec") instanceof Map<?, ?> spec && spec.get("maxReplicas") instanceof Number n && n.intValue() >= 0) {
      return Optional.of(n.intValue());
    }
    return Optional.empty();
  }
}
