package io.kubeload.gate;

import io.kubeload.manifest.Manifest;
import io.kubeload.model.Projection;
import io.kubeload.model.Simulations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The gate's answer: the projection and simulations it judged, its findings, each workload's
 * break-even node count (the smallest cluster in which it alone breaks a budget; empty if none up
 * to a million nodes) and load curve over node counts (for workloads that make requests), the
 * roll-outs that would keep storms inside the budget, who else suffers, the findings skipped by
 * {@code kubeload.io/ignore}, and, when a baseline was given, the change against it.
 */
public record Verdict(
    Projection projection,
    Simulations simulations,
    Policy policy,
    List<Finding> findings,
    Map<String, OptionalInt> breakEvenNodes,
    Map<String, LoadCurve> loadCurves,
    Map<String, Recommendation> recommendations,
    List<BlastRadius.Impact> blastRadius,
    List<Manifest> skippedTestHooks,
    List<SkippedFinding> skippedFindings,
    Optional<Comparison> comparison) {

  public boolean passed() {
    return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
  }

  /**
   * The findings a reviewer reads: errors and warnings. Info findings (a least-privilege gap on a
   * component the catalog knows) are for the JSON report and explain only.
   */
  public List<Finding> reviewed() {
    return findings.stream().filter(f -> f.severity() != Severity.INFO).toList();
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
