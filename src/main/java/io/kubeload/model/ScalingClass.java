package io.kubeload.model;

import java.util.Locale;

/** How a workload's total API-server cost grows with the node count: what a staging run hides. */
public enum ScalingClass {
  NONE,
  CONSTANT,
  LINEAR,
  QUADRATIC;

  public static ScalingClass ofDegree(int degree) {
    return degree <= 0 ? CONSTANT : degree == 1 ? LINEAR : QUADRATIC;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
