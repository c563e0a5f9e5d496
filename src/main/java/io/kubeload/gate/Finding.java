package io.kubeload.gate;

import io.kubeload.yaml.SourceLocation;

/**
 * One thing the reviewer must know: which rule, about which workload, the numbers, where it was
 * written, and a concrete fix.
 *
 * @param workload {@code Kind/namespace/name}
 */
public record Finding(Severity severity, String rule, String workload, String message, SourceLocation location, String fix) {

  /** Whether this is the baseline's own error, which the change leaves as it was (reported, not gated). */
  public boolean carriedOver() {
    return message.startsWith(ChangeGate.NOT_GATED);
  }
}
