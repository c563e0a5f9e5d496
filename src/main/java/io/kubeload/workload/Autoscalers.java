package io.kubeload.workload;

import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.SourceLocation;
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
    return Optional.ofNullable(
        all.derived(Autoscalers.class, Autoscalers::index).maxReplicasByTarget.get(workload.ref()));
  }

  private static Autoscalers index(ManifestSet all) {
    Map<ObjectRef, Integer> byTarget = new HashMap<>();
    all.ofKind("HorizontalPodAutoscaler")
        .filter(hpa -> hpa.group().equals("autoscaling"))
        .forEach(
            hpa ->
                target(hpa)
                    .ifPresent(
                        target ->
                            maxReplicas(hpa)
                                .ifPresent(max -> byTarget.merge(target, max, Math::max))));
    return new Autoscalers(byTarget);
  }

  private static Optional<ObjectRef> target(Manifest hpa) {
    if (hpa.raw().get("spec") instanceof Map<?, ?> spec
        && spec.get("scaleTargetRef") instanceof Map<?, ?> target
        && target.get("kind") instanceof String kind
        && target.get("name") instanceof String name) {
      return Optional.of(new ObjectRef(kind, hpa.namespace(), name));
    }
    return Optional.empty();
  }

  /**
   * The HPA's maxReplicas, read as the API server validates it: a whole number (int32) of at least
   * 1, and at least minReplicas (which may be 0 only behind the HPAScaleToZero feature gate). The
   * raw tree is read here because kubeload binds no HPA type; anything else is bad input, never a
   * pod count rounded, wrapped or skipped.
   */
  private static Optional<Integer> maxReplicas(Manifest hpa) {
    if (!(hpa.raw().get("spec") instanceof Map<?, ?> spec)) {
      throw new InputException(
          hpa.location().file(),
          hpa.location().line(),
          hpa.kind() + " " + hpa.name() + " has no spec");
    }
    int max =
        replicas(hpa, spec, "maxReplicas", 1)
            .orElseThrow(
                () ->
                    new InputException(
                        hpa.location().file(),
                        hpa.location().line(),
                        hpa.kind() + " " + hpa.name() + " has no spec.maxReplicas"));
    Optional<Integer> min = replicas(hpa, spec, "minReplicas", 0);
    if (min.isPresent() && min.get() > max) {
      SourceLocation at = hpa.locationOf("spec.minReplicas");
      throw new InputException(
          at.file(),
          at.line(),
          "spec.minReplicas: "
              + min.get()
              + " is more than spec.maxReplicas "
              + max
              + " (the API server rejects it)");
    }
    return Optional.of(max);
  }

  private static Optional<Integer> replicas(Manifest hpa, Map<?, ?> spec, String field, int least) {
    Object value = spec.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Integer n && n >= least) {
      return Optional.of(n);
    }
    SourceLocation at = hpa.locationOf("spec." + field);
    throw new InputException(
        at.file(),
        at.line(),
        "spec."
            + field
            + ": not a valid HorizontalPodAutoscaler: expected a whole number from "
            + least
            + " to "
            + Integer.MAX_VALUE
            + ", not "
            + (value instanceof String ? "a string" : String.valueOf(value)));
  }
}
