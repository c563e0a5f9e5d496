package io.kubeload.report;

import io.kubeload.gate.Verdict;
import io.kubeload.model.Units;
import io.kubeload.model.WorkloadLoad;
import java.util.List;
import java.util.OptionalInt;

/**
 * The workloads table the markdown and HTML reports share: one row per workload, every figure as
 * before → after. Without a baseline every workload is new, so its before is absent.
 */
final class WorkloadTable {

  static final String ABSENT = "—";

  static final List<String> COLUMNS =
      List.of("workload", "pods", "requests/s", "peak seats", "watch events/s", "scaling", "breaks a budget from");

  /** One figure before and after the change, and the number a table sorts it by (the after side). */
  record Cell(String before, String after, double sortKey) {
    String text() {
      return before + " → " + after;
    }
  }

  record Row(String workload, List<Cell> cells) {}

  private WorkloadTable() {}

  static List<Row> rows(Verdict verdict) {
    return verdict.projection().workloads().stream().map(load -> row(verdict, load)).toList();
  }

  static Row row(Verdict verdict, WorkloadLoad load) {
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

  private static Cell added(String after, double sortKey) {
    return new Cell(ABSENT, after, sortKey);
  }
}
