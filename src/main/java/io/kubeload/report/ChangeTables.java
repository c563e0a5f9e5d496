package io.kubeload.report;

import io.kubeload.gate.Verdict;
import io.kubeload.model.LevelLoad;
import io.kubeload.model.Units;
import io.kubeload.model.WorkloadLoad;
import java.util.List;
import java.util.OptionalInt;

/**
 * The tables the markdown and HTML reports share, one row-building function per table, every
 * figure as before → after. Without a baseline every workload is new, so its before is absent.
 */
final class ChangeTables {

  static final String ABSENT = "—";

  /** One figure before and after the change, and the number a table sorts it by (the after side). */
  record Cell(String before, String after, double sortKey) {
    /** {@code before → after}, or the figure once where the change leaves it as it was. */
    String text() {
      return before.equals(after) ? after : before + " → " + after;
    }
  }

  /** A row: what it is about (a workload reference, a priority level) and its figures. */
  record Row(String name, List<Cell> cells) {}

  record Table(List<String> columns, List<Row> rows) {}

  private ChangeTables() {}

  static Table workloads(Verdict verdict) {
    return new Table(List.of("workload", "pods", "requests/s", "peak seats", "watch events/s", "scaling", "breaks a budget from"),
        verdict.projection().workloads().stream().map(load -> workloadRow(verdict, load)).toList());
  }

  static Row workloadRow(Verdict verdict, WorkloadLoad load) {
    OptionalInt breakEven = verdict.breakEvenNodes().getOrDefault(load.ref().toString(), OptionalInt.empty());
    return new Row(load.ref().toString(), List.of(
        added(Units.number(load.pods()), load.pods()),
        added(Units.number(load.requestsPerSecond()), load.requestsPerSecond()),
        added(Units.number(load.peakSeats()), load.peakSeats()),
        added(Units.number(load.watchEventsPerSecond()), load.watchEventsPerSecond()),
        added(load.scalingClass().label(), load.scalingClass().ordinal()),
        breakEven.isPresent()
            ? added(Units.number(breakEven.getAsInt()) + " nodes", breakEven.getAsInt())
            : added("never", Double.POSITIVE_INFINITY)));
  }

  /** The priority levels the change adds demand to. */
  static Table levels(Verdict verdict) {
    return new Table(List.of("priority level", "seats", "existing demand", "added demand", "utilization"),
        verdict.projection().levelLoads().stream().filter(l -> l.demand() > 0).map(ChangeTables::levelRow).toList());
  }

  static Row levelRow(LevelLoad level) {
    return new Row(level.name(), List.of(
        new Cell(Units.number(level.seats()), Units.number(level.seats()), level.seats()),
        new Cell(Units.number(level.existing()), Units.number(level.existing()), level.existing()),
        added(Units.number(level.demand()), level.demand()),
        new Cell(Units.percent(level.seats() == 0 ? 0 : level.existing() / level.seats()), Units.percent(level.utilization()),
            level.utilization())));
  }

  private static Cell added(String after, double sortKey) {
    return new Cell(ABSENT, after, sortKey);
  }
}
