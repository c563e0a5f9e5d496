package io.kubeload.gate;

import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.Projection;
import io.kubeload.model.Simulations;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The gate's answer: the projection and simulations it judged, its findings, what it found for each
 * workload (break-even node count, load curve, roll-out recommendation), who else suffers, the
 * findings skipped by {@code kubeload.io/ignore}, and, when a baseline was given, the change against it.
 *
 * @param workloads by workload reference, in the projection's order
 */
public record Verdict(
    Projection projection,
    Simulations simulations,
    Policy policy,
    List<Finding> findings,
    Map<ObjectRef, WorkloadVerdict> workloads,
    List<BlastRadius.Impact> blastRadius,
    List<Manifest> skippedTestHooks,
    List<SkippedFinding> skippedFindings,
    Optional<Comparison> comparison) {

  public Verdict {
    findings = List.copyOf(findings);
    // Reports iterate it: kept in the projection's order.
    workloads = Collections.unmodifiableMap(new LinkedHashMap<>(workloads));
    blastRadius = List.copyOf(blastRadius);
    skippedTestHooks = List.copyOf(skippedTestHooks);
    skippedFindings = List.copyOf(skippedFindings);
  }

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

  /** The smallest cluster in which the workload alone breaks a budget; empty if none (or no such workload). */
  public OptionalInt breakEvenNodes(ObjectRef workload) {
    return Optional.ofNullable(workloads.get(workload))
        .map(WorkloadVerdict::breakEvenNodes)
        .orElse(OptionalInt.empty());
  }

  public Optional<LoadCurve> loadCurve(ObjectRef workload) {
    return Optional.ofNullable(workloads.get(workload)).flatMap(WorkloadVerdict::loadCurve);
  }

  public Optional<Recommendation> recommendation(ObjectRef workload) {
    return Optional.ofNullable(workloads.get(workload)).flatMap(WorkloadVerdict::recommendation);
  }

  /** The load curves, in the workloads' order. */
  public List<LoadCurve> loadCurves() {
    return workloads.values().stream().flatMap(w -> w.loadCurve().stream()).toList();
  }

  /** The roll-out recommendations, in the workloads' order. */
  public List<Recommendation> recommendations() {
    return workloads.values().stream().flatMap(w -> w.recommendation().stream()).toList();
  }
}
