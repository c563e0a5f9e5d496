package io.kubeload.gate;

import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.LevelLoad;
import io.kubeload.model.Projection;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.model.WriteInflation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * seat-demand: steady seat demand in a priority level over its budget, for a workload that breaks it
 * alone, and for a level the workloads break only together (attributed to its largest contributor,
 * unless that one breaks it alone).
 */
final class SeatDemandCheck implements Check {

  @Override
  public Set<Rule> rules() {
    return Set.of(Rule.SEAT_DEMAND);
  }

  @Override
  public List<Finding> findings(Context context) {
    Projection projection = context.projection();
    Policy policy = context.policy();
    List<Finding> alone = new ArrayList<>();
    for (WorkloadLoad load : projection.workloads()) {
      for (LevelLoad level : projection.levelLoads()) {
        double own = load.demandIn(level.name());
        if (own > 0 && level.seats() > 0 && (level.existing() + own) / level.seats() > policy.levelUtilization()) {
          alone.add(finding(load, level, policy, false));
        }
      }
    }
    List<Finding> out = new ArrayList<>(alone);
    for (LevelLoad level : projection.levelLoads()) {
      if (level.demand() <= 0 || level.utilization() <= policy.levelUtilization()) {
        continue;
      }
      ObjectRef top = level.contributions().keySet().iterator().next();
      if (alone.stream().anyMatch(f -> f.subject().equals(top) && levelOf(f).equals(Optional.of(level.name())))) {
        continue;
      }
      WorkloadLoad load = projection.workloads().stream().filter(w -> w.ref().equals(top)).findFirst().orElseThrow();
      out.add(finding(load, level, policy, level.contributions().size() > 1));
    }
    return out;
  }

  /** The priority level a seat-demand finding is about. */
  static Optional<String> levelOf(Finding f) {
    return f.evidence() instanceof Evidence.LevelSeats seats ? Optional.of(seats.level()) : Optional.empty();
  }

  private static Finding finding(WorkloadLoad load, LevelLoad level, Policy policy, boolean shared) {
    double own = load.demandIn(level.name());
    double busy = level.existing() + (shared ? level.demand() : own);
    List<WriteInflation> inflations = load.inflations().stream().filter(i -> i.writerLevel().equals(level.name())).toList();
    Evidence.LevelSeats evidence = new Evidence.LevelSeats(level.name(), busy, level.seats(), policy.levelUtilization(),
        shared ? Optional.of(own) : Optional.empty(), level.rejectedShare(), level.utilization(), level.borrowable(), inflations);
    String fix = !inflations.isEmpty()
        ? Fixes.scope(load).orElse("narrow the watches: every cluster-wide watcher makes every write of the resource cost more")
        : Fixes.poll(load).orElse("lower the request rate, or move the work to a single replica that caches it");
    return Finding.of(Rule.SEAT_DEMAND, load.ref(), evidence, load.workload().location(), fix);
  }
}
