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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    Sides sides = new Sides(before, after);
    List<WorkloadDelta> workloads = workloadDeltas(sides, beforeManifests, afterManifests);
    BeforeErrors beforeErrors = BeforeErrors.of(Gate.budgetErrors(before, after.policy()));
    Map<ObjectRef, Status> status =
        workloads.stream().collect(Collectors.toMap(WorkloadDelta::ref, WorkloadDelta::status));
    List<Finding> findings = new ArrayList<>();
    int preExisting = 0;
    for (Finding f : after.findings()) {
      if (changeOnly
          && f.severity() == Severity.ERROR
          && !causedByChange(f, status.get(f.subject()), sides, beforeErrors)) {
        findings.add(
            f.notGated(isStartup(f) ? Finding.Gating.NOT_ROLLED : Finding.Gating.PRE_EXISTING));
        preExisting++;
      } else {
        findings.add(f);
      }
    }
    Comparison comparison =
        new Comparison(workloads, levelDeltas(sides, after), preExisting, changeOnly);
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

  /**
   * Both projections' workloads and levels by name, looked up once per finding rather than
   * scanned: a repository of releases has thousands of workloads and as many findings.
   */
  private record Sides(
      Map<ObjectRef, WorkloadLoad> workloadsBefore,
      Map<ObjectRef, WorkloadLoad> workloadsAfter,
      Map<String, LevelLoad> levelsBefore,
      Map<String, LevelLoad> levelsAfter) {

    Sides(Projection before, Verdict after) {
      this(byRef(before), byRef(after.projection()), byName(before), byName(after.projection()));
    }
  }

  /** The baseline's budget errors by rule and subject: the ones a finding of the change is compared with. */
  private record BeforeErrors(Map<Rule, Map<ObjectRef, List<Finding>>> byRuleAndSubject) {

    static BeforeErrors of(List<Finding> errors) {
      Map<Rule, Map<ObjectRef, List<Finding>>> index = new EnumMap<>(Rule.class);
      for (Finding f : errors) {
        index
            .computeIfAbsent(f.rule(), r -> new HashMap<>())
            .computeIfAbsent(f.subject(), r -> new ArrayList<>())
            .add(f);
      }
      return new BeforeErrors(index);
    }

    List<Finding> like(Finding f) {
      return byRuleAndSubject.getOrDefault(f.rule(), Map.of()).getOrDefault(f.subject(), List.of());
    }
  }

  private static boolean causedByChange(
      Finding f, Status status, Sides sides, BeforeErrors beforeErrors) {
    if (status == null || status == Status.ADDED) {
      return true;
    }
    if (isStartup(f)) {
      // A changed workload rolls out when the change is applied; an unchanged one does not start at
      // all.
      return status == Status.CHANGED;
    }
    boolean was =
        beforeErrors.like(f).stream()
            .anyMatch(b -> b.evidence().priorityLevel().equals(f.evidence().priorityLevel()));
    return !was || grew(f, sides, beforeErrors);
  }

  /** Start-up findings: what happens when the workload's pods start. */
  private static boolean isStartup(Finding f) {
    return f.rule() == Rule.STARTUP_STORM || f.rule() == Rule.LIST_MEMORY;
  }

  /** Whether the change makes the finding's figure larger than the baseline's. */
  private static boolean grew(Finding f, Sides sides, BeforeErrors beforeErrors) {
    return switch (f.rule()) {
      case WATCH_EGRESS ->
          larger(
              Optional.ofNullable(sides.workloadsBefore().get(f.subject())),
              Optional.ofNullable(sides.workloadsAfter().get(f.subject())),
              WorkloadLoad::watchBytesPerSecond);
      case SEAT_DEMAND ->
          larger(
              level(sides.levelsBefore(), f),
              level(sides.levelsAfter(), f),
              l -> l.existing() + l.demand());
      default -> beforeErrors.like(f).stream().noneMatch(b -> b.evidence().equals(f.evidence()));
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

  /** The priority level a finding is about. */
  private static Optional<LevelLoad> level(Map<String, LevelLoad> levels, Finding f) {
    return f.evidence().priorityLevel().map(levels::get);
  }

  private static List<WorkloadDelta> workloadDeltas(
      Sides sides, ManifestSet beforeManifests, ManifestSet afterManifests) {
    Map<ObjectRef, WorkloadLoad> was = sides.workloadsBefore();
    Map<ObjectRef, WorkloadLoad> now = sides.workloadsAfter();
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
        boolean rawChanged =
            !Objects.equals(
                b.get().workload().manifest().raw(), a.get().workload().manifest().raw());
        if (changes.isEmpty() && rawChanged) {
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

  private static Map<String, LevelLoad> byName(Projection projection) {
    return projection.levelLoads().stream()
        .collect(Collectors.toMap(LevelLoad::name, l -> l, (x, y) -> x));
  }

  private static List<LevelDelta> levelDeltas(Sides sides, Verdict after) {
    Map<String, LevelLoad> was = sides.levelsBefore();
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
