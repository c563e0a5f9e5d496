package io.kubeload.gate;

import io.kubeload.manifest.ObjectRef;
import io.kubeload.yaml.SourceLocation;
import java.util.List;

/**
 * One thing the reviewer must know: which rule, about which object (a workload, or an APF object a
 * chart ships), the figures it rests on, where it was written, and a concrete fix.
 *
 * @param gating whether it counts, or is the baseline's own error that the change leaves as it was
 * @param accesses the accesses it rests on, as indices into its workload's accesses (none for an APF object or a note)
 */
public record Finding(
    Severity severity,
    Rule rule,
    ObjectRef subject,
    Evidence evidence,
    SourceLocation location,
    String fix,
    Gating gating,
    List<Integer> accesses) {

  public Finding {
    accesses = List.copyOf(accesses);
  }

  /** Whether a finding counts against the change. */
  public enum Gating {
    GATED,
    /** In the baseline too, and the change does not make it worse. */
    PRE_EXISTING,
    /** A start-up error of a workload the change does not roll out. */
    NOT_ROLLED
  }

  /** A finding as its check raises it: of its rule's severity, and gated. */
  static Finding of(
      Rule rule,
      ObjectRef subject,
      Evidence evidence,
      SourceLocation location,
      String fix,
      List<Integer> accesses) {
    return new Finding(
        rule.severity(), rule, subject, evidence, location, fix, Gating.GATED, accesses);
  }

  /** The baseline's own error, reported as a warning that does not fail the check. */
  Finding notGated(Gating why) {
    return new Finding(Severity.WARNING, rule, subject, evidence, location, fix, why, accesses);
  }

  /** The words a reviewer reads. */
  public String message() {
    return FindingText.message(this);
  }

  /** Whether this is the baseline's own error, which the change leaves as it was (reported, not gated). */
  public boolean carriedOver() {
    return gating != Gating.GATED;
  }
}
