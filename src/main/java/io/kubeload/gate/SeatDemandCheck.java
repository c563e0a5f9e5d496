package io.kubeload.gate;

import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.AccessLoad;
import io.kubeload.model.LevelLoad;
import io.kubeload.model.Projection;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.model.WriteInflation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

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
        if (own > 0
            && level.seats() > 0
            && (level.existing() + own) / level.seats() > policy.levelUtilization()) {
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
      if (alone.stream()
          .anyMatch(
              f ->
                  f.subject().equals(top)
                      && f.evidence().priorityLevel().equals(Optional.of(level.name())))) {
        continue;
      }
      WorkloadLoad load =
          projection.workloads().stream()
              .filter(w -> w.ref().equals(top))
              .findFirst()
              .orElseThrow();
      out.add(finding(load, level, policy, level.contributions().size() > 1));
    }
    return out;
  }

  private static Finding finding(
      WorkloadLoad load, LevelLoad level, Policy policy, boolean shared) {
    double own = load.demandIn(level.name());
    double busy = level.existing() + (shared ? level.demand() : own);
    List<WriteInflation> inflations =
        load.inflations().stream().filter(i -> i.writerLevel().equals(level.name())).toList();
    Evidence.LevelSeats evidence =
        new Evidence.LevelSeats(
            level.name(),
            busy,
            level.seats(),
            policy.levelUtilization(),
            shared ? Optional.of(own) : Optional.empty(),
            level.rejectedShare(),
            level.utilization(),
            level.borrowable(),
            inflations);
    String fix =
        !inflations.isEmpty()
            ? Fixes.scope(load)
                .orElse(
                    "narrow the watches: every cluster-wide watcher makes every write of the resource cost more")
            : Fixes.poll(load)
                .orElse(
                    "lower the request rate, or move the work to a single replica that caches it");
    return Finding.of(
        Rule.SEAT_DEMAND,
        load.ref(),
        evidence,
        load.workload().location(),
        fix,
        accessesIn(load, level.name(), inflations));
  }

  /** The accesses whose requests land in the level, and the watches that make its writes dearer. */
  private static List<Integer> accessesIn(
      WorkloadLoad load, String level, List<WriteInflation> inflations) {
    List<AccessLoad> accesses = load.accesses();
    return IntStream.range(0, accesses.size())
        .filter(
            i ->
                (accesses.get(i).priorityLevel().equals(level)
                        && accesses.get(i).seatSecondsPerSecond() > 0)
                    || (accesses.get(i).addedWatchers() > 0
                        && inflations.stream()
                            .anyMatch(
                                w -> w.resource().equals(accesses.get(i).access().resource()))))
        .boxed()
        .toList();
  }
}
