package io.kubeload.gate;

import java.util.Locale;

/** How a finding weighs: only errors fail the check. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
