package io.kubeload.gate;

import io.kubeload.manifest.Manifest;
import io.kubeload.model.Projection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The gate's answer: the projection it judged, its findings, each workload's break-even node count
 * (the smallest cluster in which it alone breaks a budget; empty if none up to a million nodes), and
 * the findings skipped by {@code kubeload.io/ignore}.
 */
public record Verdict(
    Projection projection,
    Policy policy,
    List<Finding> findings,
    Map<String, OptionalInt> breakEvenNodes,
    List<Manifest> skippedTestHooks,
    List<SkippedFinding> skippedFindings) {

  public boolean passed() {
    return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
