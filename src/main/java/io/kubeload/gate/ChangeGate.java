package io.kubeload.gate;

import io.kubeload.gate.Comparison.LevelDelta;
import io.kubeload.gate.Comparison.Status;
import io.kubeload.gate.Comparison.WorkloadDelta;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.LevelLoad;
import io.kubeload.model.Projection;
import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Judges a change against its baseline. The existing load counts against capacity (the change's
 * projection holds every workload), but an error fails the check only when the change causes it: a
 * new or changed workload's start-up (its pods really start when the change is applied), or a
 * steady-state error the baseline does not have, or has with a smaller figure. The baseline's own
 * errors that the change leaves as they were are reported as warnings.
 */
final class ChangeGate {

  /** Figures closer than this share are equal: both sides are computed by the same arithmetic. */
  private static final double SAME = 1e-9;

  private ChangeGate() {}

  static Verdict judge(
      Projection before,
      ManifestSet beforeManifests,
      Verdict after,
      ManifestSet afterManifests,
      boolean changeOnly) {
    List<WorkloadDelta> workloads = workloadDeltas(before, beforeManifests, after, afterManifests);
    List<Finding> beforeErrors = Gate.budgetErrors(before, after.policy());
    Map<ObjectRef, Status> status =
        workloads.stream().collect(Collectors.toMap(WorkloadDelta::ref, WorkloadDelta::status));
    List<Finding> findings = new ArrayList<>();
    int preExisting = 0;
    for (Finding f : after.findings()) {
      if (changeOnly
          && f.severity() == Severity.ERROR
          && !causedByChange(f, status.get(f.subject()), before, beforeErrors, after)) {
        findings.add(
            f.notGated(isStartup(f) ? Finding.Gating.NOT_ROLLED : Finding.Gating.PRE_EXISTING));
        preExisting++;
      } else {
        findings.add(f);
      }
    }
    Comparison comparison =
        new Comparison(workloads, levelDeltas(before, after), preExisting, changeOnly);
    return new Verdict(
        after.projection(),
        after.simulations(),
        after.policy(),
        Gate.sorted(findings),
        after.workloads(),
        after.blastRadius(),
        after.skippedTestHooks(),
        after.skippedFindings(),
        Optional.of(comparison));
  }

  private static boolean causedByChange(
      Finding f, Status status, Projection before, List<Finding> beforeErrors, Verdict after) {
    if (status == null || status == Status.ADDED) {
      return true;
    }
    if (isStartup(f)) {
      // A changed workload rolls out when the change is applied; an unchanged one does not start at
      // all.
      return status == Status.CHANGED;
    }
    Optional<Finding> was =
        beforeErrors.stream()
            .filter(
                b ->
                    b.rule() == f.rule()
                        && b.subject().equals(f.subject())
                        && b.evidence().priorityLevel().equals(f.evidence().priorityLevel()))
            .findFirst();
    return was.isEmpty() || grew(f, before, beforeErrors, after);
  }

  /** Start-up findings: what happens when the workload's pods start. */
  private static boolean isStartup(Finding f) {
    return f.rule() == Rule.STARTUP_STORM || f.rule() == Rule.LIST_MEMORY;
  }

  /** Whether the change makes the finding's figure larger than the baseline's. */
  private static boolean grew(
      Finding f, Projection before, List<Finding> beforeErrors, Verdict after) {
    return switch (f.rule()) {
      case WATCH_EGRESS ->
          larger(
              workload(before, f),
              workload(after.projection(), f),
              WorkloadLoad::watchBytesPerSecond);
      case SEAT_DEMAND ->
          larger(level(before, f), level(after.projection(), f), l -> l.existing() + l.demand());
      default ->
          beforeErrors.stream()
              .noneMatch(
                  b ->
                      b.rule() == f.rule()
                          && b.subject().equals(f.subject())
                          && b.evidence().equals(f.evidence()));
    };
  }

  private static <T> boolean larger(
      Optional<T> before, Optional<T> after, java.util.function.ToDoubleFunction<T> figure) {
    if (before.isEmpty() || after.isEmpty()) {
      return after.isPresent();
    }
    double was = figure.applyAsDouble(before.get());
    double now = figure.applyAsDouble(after.get());
    return now > was + SAME * Math.max(1, Math.abs(was));
  }

  private static Optional<WorkloadLoad> workload(Projection projection, Finding f) {
    return projection.workloads().stream().filter(w -> w.ref().equals(f.subject())).findFirst();
  }

  /** The priority level a finding is about, in the projection. */
  private static Optional<LevelLoad> level(Projection projection, Finding f) {
    return f.evidence()
        .priorityLevel()
        .flatMap(
            name ->
                projection.levelLoads().stream().filter(l -> l.name().equals(name)).findFirst());
  }

  private static List<WorkloadDelta> workloadDeltas(
      Projection before, ManifestSet beforeManifests, Verdict after, ManifestSet afterManifests) {
    Map<ObjectRef, WorkloadLoad> was = byRef(before);
    Map<ObjectRef, WorkloadLoad> now = byRef(after.projection());
    TreeSet<ObjectRef> refs = new TreeSet<>(was.keySet());
    refs.addAll(now.keySet());
    List<WorkloadDelta> out = new ArrayList<>();
    for (ObjectRef ref : refs) {
      Optional<WorkloadLoad> b = Optional.ofNullable(was.get(ref));
      Optional<WorkloadLoad> a = Optional.ofNullable(now.get(ref));
      if (b.isEmpty()) {
        out.add(new WorkloadDelta(ref, Status.ADDED, b, a, List.of()));
      } else if (a.isEmpty()) {
        out.add(new WorkloadDelta(ref, Status.REMOVED, b, a, List.of()));
      } else {
        List<String> changes =
            new ArrayList<>(Changes.between(b.get(), beforeManifests, a.get(), afterManifests));
        boolean written =
            !b.get().workload().manifest().digest().equals(a.get().workload().manifest().digest());
        if (changes.isEmpty() && written) {
          changes.add(
              "other fields changed (labels, annotations, ...): no effect on the API server's load");
        }
        out.add(
            new WorkloadDelta(
                ref, changes.isEmpty() ? Status.UNCHANGED : Status.CHANGED, b, a, changes));
      }
    }
    return out;
  }

  private static Map<ObjectRef, WorkloadLoad> byRef(Projection projection) {
    return projection.workloads().stream()
        .collect(
            Collectors.toMap(WorkloadLoad::ref, Function.identity(), (x, y) -> x, TreeMap::new));
  }

  private static List<LevelDelta> levelDeltas(Projection before, Verdict after) {
    Map<String, LevelLoad> was =
        before.levelLoads().stream()
            .collect(Collectors.toMap(LevelLoad::name, l -> l, (x, y) -> x));
    List<LevelDelta> out = new ArrayList<>();
    for (LevelLoad level : after.projection().levelLoads()) {
      LevelLoad b = was.get(level.name());
      double demandBefore = b == null ? 0 : b.demand();
      if (demandBefore > 0 || level.demand() > 0) {
        out.add(new LevelDelta(level.name(), level.seats(), demandBefore, level.demand()));
      }
    }
    return out;
  }
}
