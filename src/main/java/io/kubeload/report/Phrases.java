package io.kubeload.report;

import io.kubeload.gate.Severity;
import io.kubeload.gate.Verdict;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.Units;

/** The sentences every human-readable report opens with or repeats, worded once. */
final class Phrases {

  private Phrases() {}

  /** {@code FAIL at production (5,000 nodes, 30 pods/node, Kubernetes 1.31, 3 API servers)}. */
  static String verdict(Verdict verdict) {
    var profile = verdict.projection().profile();
    return (verdict.passed() ? "PASS" : "FAIL") + " at " + profile.name() + " (" + Units.number(profile.nodes()) + " nodes, "
        + Units.number(profile.podsPerNode()) + " pods/node, Kubernetes " + profile.version() + ", "
        + profile.apiServers().replicas() + (profile.apiServers().replicas() == 1 ? " API server)" : " API servers)");
  }

  /** {@code 1 error, 2 warnings, 3 workloads} and what was skipped. */
  static String counts(Verdict verdict) {
    StringBuilder out = new StringBuilder()
        .append(plural(verdict.count(Severity.ERROR), "error")).append(", ")
        .append(plural(verdict.count(Severity.WARNING), "warning")).append(", ")
        .append(plural(verdict.projection().workloads().size(), "workload"));
    if (!verdict.skippedTestHooks().isEmpty()) {
      out.append(", ").append(plural(verdict.skippedTestHooks().size(), "Helm test hook")).append(" skipped");
    }
    if (!verdict.skippedFindings().isEmpty()) {
      out.append(", ").append(plural(verdict.skippedFindings().size(), "finding")).append(" ignored");
    }
    return out.toString();
  }

  /** {@code all in 42 s}, or {@code 120 of 5,000 in 15 min}. */
  static String synced(SimulationResult s) {
    return s.allSynced()
        ? "all in " + Units.duration(s.syncedSeconds().getAsDouble())
        : Units.number(s.syncedPods()) + " of " + Units.number(s.pods()) + " in " + Units.duration(s.horizonSeconds());
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
