package io.kubeload.report;

import io.kubeload.gate.Comparison;
import io.kubeload.gate.Finding;
import io.kubeload.gate.Severity;
import io.kubeload.gate.Verdict;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.Units;
import java.util.List;

/** The sentences every human-readable report opens with or repeats, worded once. */
final class Phrases {

  /**
   * The findings a capped report shows first: by severity, and within one the change's own before the
   * baseline's carried-over ones; otherwise in the verdict's order.
   */
  static List<Finding> changeFirst(List<Finding> findings) {
    return findings.stream()
        .sorted(
            java.util.Comparator.comparing(Finding::severity).thenComparing(Finding::carriedOver))
        .toList();
  }

  private Phrases() {}

  /** {@code FAIL at production (5,000 nodes, 30 pods/node, Kubernetes 1.31, 3 API servers)}. */
  static String verdict(Verdict verdict) {
    var profile = verdict.projection().profile();
    return (verdict.passed() ? "PASS" : "FAIL")
        + " at "
        + profile.name()
        + " ("
        + Units.number(profile.nodes())
        + " nodes, "
        + Units.number(profile.podsPerNode())
        + " pods/node, Kubernetes "
        + profile.version().describe()
        + ", "
        + profile.apiServers().replicas()
        + (profile.apiServers().replicas() == 1 ? " API server)" : " API servers)");
  }

  /** {@code 1 error, 2 warnings, 3 workloads} and what was skipped. */
  static String counts(Verdict verdict) {
    StringBuilder out =
        new StringBuilder()
            .append(plural(verdict.count(Severity.ERROR), "error"))
            .append(", ")
            .append(plural(verdict.count(Severity.WARNING), "warning"))
            .append(", ")
            .append(plural(verdict.projection().workloads().size(), "workload"));
    if (!verdict.skippedTestHooks().isEmpty()) {
      out.append(", ")
          .append(plural(verdict.skippedTestHooks().size(), "Helm test hook"))
          .append(" skipped");
    }
    if (!verdict.skippedFindings().isEmpty()) {
      out.append(", ")
          .append(plural(verdict.skippedFindings().size(), "finding"))
          .append(" ignored");
    }
    return out.toString();
  }

  /** {@code against the baseline: 1 added, 1 changed, 3 unchanged, 0 removed; 2 errors of the baseline's own not gated ...}. */
  static String change(Comparison comparison) {
    StringBuilder out = new StringBuilder("against the baseline: ");
    for (Comparison.Status status : Comparison.Status.values()) {
      long n = comparison.workloads().stream().filter(w -> w.status() == status).count();
      out.append(n)
          .append(' ')
          .append(status.label())
          .append(status == Comparison.Status.REMOVED ? "" : ", ");
    }
    if (!comparison.gatesChangeOnly()) {
      out.append("; every error gated (--gate all)");
    } else if (comparison.preExisting() > 0) {
      out.append("; ")
          .append(plural(comparison.preExisting(), "error"))
          .append(" of the baseline's own not gated (the change does not make ")
          .append(comparison.preExisting() == 1 ? "it" : "them")
          .append(" worse)");
    }
    return out.toString();
  }

  /** {@code all in 42 s}, or {@code 120 of 5,000 in 15 min}. */
  static String synced(SimulationResult s) {
    return s.allSynced()
        ? "all in " + Units.duration(s.syncedSeconds().getAsDouble())
        : Units.number(s.syncedPods()) + " of " + Units.number(s.pods()) + " in " + s.span();
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
