package io.kubeload.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What may fail a check that has a baseline (docs/baseline.md). */
public enum GateMode {
  /** Only what the change causes: the baseline's own errors, left as they were, are warnings. */
  CHANGE,
  /** Every error, the baseline's own included. */
  ALL;

  /** As {@code --gate} and {@code .kubeload.yaml} write it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode a label names, if any. */
  public static Optional<GateMode> parse(String label) {
    return Arrays.stream(values()).filter(mode -> mode.label().equals(label)).findFirst();
  }
}
