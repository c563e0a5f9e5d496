package io.kubeload.gate;

import io.kubeload.gate.Comparison.LevelDelta;
import io.kubeload.gate.Comparison.Status;
import io.kubeload.gate.Comparison.WorkloadDelta;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.model.LevelLoad;
import io.kubeload.model.Projection;
import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
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

  /** How a baseline's error the change leaves as it was begins, demoted to a warning. */
  static final String NOT_GATED = "in the baseline too, not gated: ";

  static final String PRE_EXISTING = NOT_GATED + "the change does not make it worse. ";

  static final String NOT_ROLLED = NOT_GATED + "the change does not roll this workload out. ";

  private ChangeGate() {}

  static Verdict judge(Projection before, ManifestSet beforeManifests, Verdict after, ManifestSet afterManifests, boolean changeOnly) {
    List<WorkloadDelta> workloads = workloadDeltas(before, beforeManifests, after, afterManifests);
    List<Finding> beforeErrors = Gate.budgetErrors(before, after.policy());
    Map<String, Status> status = workloads.stream().collect(Collectors.toMap(WorkloadDelta::ref, WorkloadDelta::status));
    List<Finding> findings = new ArrayList<>();
    int preExisting = 0;
    for (Finding f : after.findings()) {
      if (changeOnly && f.severity() == Severity.ERROR && !causedByChange(f, status.get(f.workload()), before, beforeErrors, after)) {
        String why = isStartup(f) ? NOT_ROLLED : PRE_EXISTING;
        findings.add(new Finding(Severity.WARNING, f.rule(), f.workload(), why + f.message(), f.location(), f.fix()));
        preExisting++;
      } else {
        findings.add(f);
      }
    }
    findings.sort(Gate.ORDER);
    Comparison comparison = new Comparison(workloads, levelDeltas(before, after), preExisting, changeOnly);
    return new Verdict(after.projection(), after.simulations(), after.policy(), List.copyOf(findings), after.breakEvenNodes(),
        after.loadCurves(), after.recommendations(), after.blastRadius(), after.skippedTestHooks(), after.skippedFindings(), Optional.of(comparison));
  }

  private static boolean causedByChange(Finding f, Status status, Projection before, List<Finding> beforeErrors, Verdict after) {
    if (status == null || status == Status.ADDED) {
      return true;
    }
    if (isStartup(f)) {
      // A changed workload rolls out when the change is applied; an unchanged one does not start at all.
      return status == Status.CHANGED;
    }
    Optional<Finding> was = beforeErrors.stream()
        .filter(b -> b.rule().equals(f.rule()) && b.workload().equals(f.workload())
            && subject(b).equals(subject(f)))
        .findFirst();
    return was.isEmpty() || grew(f, before, beforeErrors, after);
  }

  /** Start-up findings: what happens when the workload's pods start. */
  private static boolean isStartup(Finding f) {
    return f.rule().equals(Budgets.STARTUP_STORM) || f.rule().equals(Budgets.LIST_MEMORY);
  }

  /** What a finding is about within its workload: the priority level of a seat-demand finding. */
  private static String subject(Finding f) {
    if (!f.rule().equals(Budgets.SEAT_DEMAND)) {
      return "";
    }
    int colon = f.message().indexOf(':');
    return colon < 0 ? "" : f.message().substring(0, colon);
  }

  /** Whether the change makes the finding's figure larger than the baseline's. */
  private static boolean grew(Finding f, Projection before, List<Finding> beforeErrors, Verdict after) {
    return switch (f.rule()) {
      case Budgets.WATCH_EGRESS -> larger(workload(before, f), workload(after.projection(), f), WorkloadLoad::watchBytesPerSecond);
      case Budgets.SEAT_DEMAND -> larger(level(before, subject(f)), level(after.projection(), subject(f)), l -> l.existing() + l.demand());
      default -> beforeErrors.stream().noneMatch(b -> b.rule().equals(f.rule()) && b.workload().equals(f.workload())
          && b.message().equals(f.message()));
    };
  }

  private static <T> boolean larger(Optional<T> before, Optional<T> after, java.util.function.ToDoubleFunction<T> figure) {
    if (before.isEmpty() || after.isEmpty()) {
      return after.isPresent();
    }
    double was = figure.applyAsDouble(before.get());
    double now = figure.applyAsDouble(after.get());
    return now > was + SAME * Math.max(1, Math.abs(was));
  }

  private static Optional<WorkloadLoad> workload(Projection projection, Finding f) {
    return projection.workloads().stream().filter(w -> w.ref().toString().equals(f.workload())).findFirst();
  }

  private static Optional<LevelLoad> level(Projection projection, String name) {
    return projection.levelLoads().stream().filter(l -> l.name().equals(name)).findFirst();
  }

  private static List<WorkloadDelta> workloadDeltas(Projection before, ManifestSet beforeManifests, Verdict after, ManifestSet afterManifests) {
    Map<String, WorkloadLoad> was = byRef(before);
    Map<String, WorkloadLoad> now = byRef(after.projection());
    TreeSet<String> refs = new TreeSet<>(was.keySet());
    refs.addAll(now.keySet());
    List<WorkloadDelta> out = new ArrayList<>();
    for (String ref : refs) {
      Optional<WorkloadLoad> b = Optional.ofNullable(was.get(ref));
      Optional<WorkloadLoad> a = Optional.ofNullable(now.get(ref));
      if (b.isEmpty()) {
        out.add(new WorkloadDelta(ref, Status.ADDED, b, a, List.of()));
      } else if (a.isEmpty()) {
        out.add(new WorkloadDelta(ref, Status.REMOVED, b, a, List.of()));
      } else {
        List<String> changes = new ArrayList<>(Changes.between(b.get(), beforeManifests, a.get(), afterManifests));
        boolean rawChanged = !Objects.equals(b.get().workload().manifest().raw(), a.get().workload().manifest().raw());
        if (changes.isEmpty() && rawChanged) {
          changes.add("other fields changed (labels, annotations, ...): no effect on the API server's load");
        }
        out.add(new WorkloadDelta(ref, changes.isEmpty() ? Status.UNCHANGED : Status.CHANGED, b, a, changes));
      }
    }
    return out;
  }

  private static Map<String, WorkloadLoad> byRef(Projection projection) {
    return projection.workloads().stream()
        .collect(Collectors.toMap(w -> w.ref().toString(), Function.identity(), (x, y) -> x, TreeMap::new));
  }

  private static List<LevelDelta> levelDeltas(Projection before, Verdict after) {
    Map<String, LevelLoad> was = before.levelLoads().stream().collect(Collectors.toMap(LevelLoad::name, l -> l, (x, y) -> x));
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
