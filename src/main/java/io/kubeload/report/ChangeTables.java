package io.kubeload.report;

import io.kubeload.gate.Comparison;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.LevelLoad;
import io.kubeload.model.Units;
import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The tables the markdown and HTML reports share, one row-building function per table. With
 * {@code --baseline} every figure reads before → after: the baseline's figure and the change's, an
 * added workload's before absent. Without a baseline there is no before: each figure is printed once.
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

  /**
   * A row: what it is about (a workload reference, a priority level), how the change treats it (with
   * a baseline), its figures, and for a workload what a grouped table needs (its release, its seats
   * busy). The figures are written out only for the rows a report shows: a grouped table of 16,666
   * workloads shows 50, and formatting every row took a second a report (docs/performance.md).
   */
  record Row(
      String name,
      Optional<Comparison.Status> status,
      Supplier<List<Cell>> figures,
      Optional<Grouping.Contribution> contribution) {

    /** The row's figures as text. */
    List<Cell> cells() {
      return List.copyOf(figures.get());
    }
  }

  record Table(List<String> columns, List<Row> rows) {

    Table {
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
    }
  }

  private ChangeTables() {}

  /**
   * Every workload of the change, in the projection's order, then those the change removes; with a
   * baseline, a status column and every figure before → after.
   */
  static Table workloads(Verdict verdict) {
    List<String> columns = new ArrayList<>(List.of("workload"));
    verdict.comparison().ifPresent(c -> columns.add("change"));
    columns.addAll(
        List.of(
            "pods",
            "requests/s",
            "peak seats",
            "watch events/s",
            "scaling",
            "breaks a budget from"));
    Map<ObjectRef, Comparison.WorkloadDelta> deltas =
        verdict.comparison().map(ChangeTables::byRef).orElse(Map.of());
    List<String> levels = verdict.projection().levelLoads().stream().map(LevelLoad::name).toList();
    List<Row> rows = new ArrayList<>();
    for (WorkloadLoad load : verdict.projection().workloads()) {
      Optional<Comparison.WorkloadDelta> delta = Optional.ofNullable(deltas.get(load.ref()));
      // Without a baseline nothing was before: a before equal to the after prints each figure once.
      Optional<WorkloadLoad> before =
          verdict.comparison().isEmpty()
              ? Optional.of(load)
              : delta.flatMap(Comparison.WorkloadDelta::before);
      rows.add(workloadRow(verdict, levels, load.ref(), delta, before, Optional.of(load)));
    }
    deltas.values().stream()
        .filter(d -> d.status() == Comparison.Status.REMOVED)
        .forEach(
            d ->
                rows.add(
                    workloadRow(
                        verdict, levels, d.ref(), Optional.of(d), d.before(), Optional.empty())));
    return new Table(columns, rows);
  }

  private static Row workloadRow(
      Verdict verdict,
      List<String> levels,
      ObjectRef ref,
      Optional<Comparison.WorkloadDelta> delta,
      Optional<WorkloadLoad> before,
      Optional<WorkloadLoad> after) {
    Grouping.Group group = Grouping.Group.of(after.or(() -> before).orElseThrow().workload());
    // A removed workload keeps no seat busy after the change: it ranks by that, and adds nothing to
    // the whole.
    Grouping.Contribution busy =
        new Grouping.Contribution(
            ref,
            group,
            before.map(b -> seatsBusy(b, levels)),
            after.map(a -> seatsBusy(a, levels)));
    return new Row(
        ref.toString(),
        delta.map(Comparison.WorkloadDelta::status),
        () -> workloadCells(verdict, ref, delta, before, after),
        Optional.of(busy));
  }

  // A status and a scaling class sort in the order their enums declare.
  @SuppressWarnings("EnumOrdinal")
  private static List<Cell> workloadCells(
      Verdict verdict,
      ObjectRef ref,
      Optional<Comparison.WorkloadDelta> delta,
      Optional<WorkloadLoad> before,
      Optional<WorkloadLoad> after) {
    List<Cell> cells = new ArrayList<>();
    delta.ifPresent(
        d -> cells.add(new Cell(d.status().label(), d.status().label(), d.status().ordinal())));
    cells.add(figure(before, after, WorkloadLoad::pods));
    cells.add(figure(before, after, WorkloadLoad::requestsPerSecond));
    cells.add(figure(before, after, WorkloadLoad::peakSeats));
    cells.add(figure(before, after, WorkloadLoad::watchEventsPerSecond));
    cells.add(
        new Cell(
            before.map(b -> b.scalingClass().label()).orElse(ABSENT),
            after.map(a -> a.scalingClass().label()).orElse(ABSENT),
            after.or(() -> before).map(l -> l.scalingClass().ordinal()).orElse(0)));
    // Break-even is searched for the change's workloads only: the figure of the cluster after the
    // change.
    OptionalInt breakEven = verdict.breakEvenNodes(ref);
    String point =
        after.isEmpty()
            ? ABSENT
            : breakEven.isPresent() ? Units.number(breakEven.getAsInt()) + " nodes" : "never";
    cells.add(
        new Cell(
            before.isPresent() ? point : ABSENT,
            point,
            breakEven.isPresent() ? breakEven.getAsInt() : Double.POSITIVE_INFINITY));
    return cells;
  }

  /** Its demand in every limited level, as the levels table adds it up (an exempt level's seats are no one's to run out of). */
  private static double seatsBusy(WorkloadLoad load, List<String> levels) {
    double seats = 0;
    for (String level : levels) {
      seats += load.demandIn(level);
    }
    return seats;
  }

  private static Cell figure(
      Optional<WorkloadLoad> before,
      Optional<WorkloadLoad> after,
      ToDoubleFunction<WorkloadLoad> figure) {
    return new Cell(
        before.map(b -> Units.number(figure.applyAsDouble(b))).orElse(ABSENT),
        after.map(a -> Units.number(figure.applyAsDouble(a))).orElse(ABSENT),
        after.or(() -> before).map(figure::applyAsDouble).orElse(0.0));
  }

  private static Map<ObjectRef, Comparison.WorkloadDelta> byRef(Comparison comparison) {
    Map<ObjectRef, Comparison.WorkloadDelta> out = new LinkedHashMap<>();
    comparison.workloads().forEach(d -> out.put(d.ref(), d));
    return out;
  }

  /** The priority levels the change adds demand to (with a baseline: the analysed demand before → after). */
  static Table levels(Verdict verdict) {
    Map<String, Double> before =
        verdict
            .comparison()
            .map(
                c ->
                    c.levels().stream()
                        .collect(
                            Collectors.toMap(
                                Comparison.LevelDelta::name, Comparison.LevelDelta::before)))
            .orElse(Map.of());
    return new Table(
        List.of("priority level", "seats", "existing demand", "added demand", "utilization"),
        verdict.projection().levelLoads().stream()
            .filter(l -> l.demand() > 0 || before.getOrDefault(l.name(), 0.0) > 0)
            .map(
                l ->
                    levelRow(
                        l,
                        verdict.comparison().isEmpty()
                            ? Optional.of(l.demand())
                            : Optional.ofNullable(before.get(l.name()))))
            .toList());
  }

  static Row levelRow(LevelLoad level, Optional<Double> demandBefore) {
    List<Cell> cells =
        List.of(
            new Cell(Units.number(level.seats()), Units.number(level.seats()), level.seats()),
            new Cell(
                Units.number(level.existing()), Units.number(level.existing()), level.existing()),
            new Cell(
                demandBefore.map(Units::number).orElse(ABSENT),
                Units.number(level.demand()),
                level.demand()),
            new Cell(
                Units.percent(
                    level.seats() == 0
                        ? 0
                        : (level.existing() + demandBefore.orElse(0.0)) / level.seats()),
                Units.percent(level.utilization()),
                level.utilization()));
    return new Row(level.name(), Optional.empty(), () -> cells, Optional.empty());
  }
}
