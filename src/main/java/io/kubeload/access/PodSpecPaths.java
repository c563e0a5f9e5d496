package io.kubeload.access;

/** Where the pod spec sits in each workload kind's YAML, for pointing at its lines. */
public final class PodSpecPaths {

  private PodSpecPaths() {}

  public static String of(String kind) {
    return switch (kind) {
      case "Pod" -> "spec";
      case "CronJob" -> "spec.jobTemplate.spec.template.spec";
      default -> "spec.template.spec";
    };
  }
}
