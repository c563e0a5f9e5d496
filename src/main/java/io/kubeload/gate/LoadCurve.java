package io.kubeload.gate;

import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.Units;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * One workload's load in its priority level, re-projected alone at a ladder of node counts (the same
 * projection break-even searches), so reports can chart how it grows against each budget.
 *
 * @param level the priority level its requests land in
 * @param points one per node count, ascending
 */
public record LoadCurve(ObjectRef workload, String level, List<Point> points) {

  /**
   * The workload alone at one node count, measured as each budget measures it.
   *
   * @param steadySeats seats busy in the level in steady state, over all API servers, the profile's existing demand included
   * @param peakSeats seats wanted at the peak of its start-up storm
   * @param budgetSeats the seats the policy lets steady demand use
   * @param watchBytesPerSecond watch events' bytes each API server sends it per second
   * @param budgetWatchBytesPerSecond the policy's watch egress per API server
   * @param listMemoryBytes API-server memory its start-up LISTs in flight hold at the peak, per replica
   * @param budgetListMemoryBytes the share of an API server's memory the policy lets start-up LISTs hold
   * @param syncLagSeconds how long its last pods wait for their start-up LISTs
   * @param budgetSyncLagSeconds the request time-out, past which clients give up and relist
   * @param breaksBudget whether the gate fails it alone at this node count
   */
  public record Point(
      int nodes,
      double steadySeats,
      double peakSeats,
      double budgetSeats,
      double watchBytesPerSecond,
      double budgetWatchBytesPerSecond,
      double listMemoryBytes,
      double budgetListMemoryBytes,
      double syncLagSeconds,
      double budgetSyncLagSeconds,
      boolean breaksBudget) {}

  /** A budget a curve can be charted against: its figure and its limit at each point, named as the findings name it. */
  public enum Budget {
    SEATS(
        Rule.SEAT_DEMAND,
        "steady seats in the level",
        "seats",
        Point::steadySeats,
        Point::budgetSeats,
        v -> Units.number(v) + " seats"),
    WATCH_EGRESS(
        Rule.WATCH_EGRESS,
        "watch egress per API server",
        "bytes/s per API server",
        Point::watchBytesPerSecond,
        Point::budgetWatchBytesPerSecond,
        v -> Units.bytes(v) + "/s"),
    LIST_MEMORY(
        Rule.LIST_MEMORY,
        "start-up LIST memory per API server",
        "bytes per API server",
        Point::listMemoryBytes,
        Point::budgetListMemoryBytes,
        Units::bytes),
    STARTUP_LAG(
        Rule.STARTUP_STORM,
        "start-up sync lag of the last pods",
        "seconds",
        Point::syncLagSeconds,
        Point::budgetSyncLagSeconds,
        v -> v < 120 ? Units.seconds(v) : Units.duration(v));

    private final Rule rule;
    private final String series;
    private final String unit;

    // Method references and lambdas that capture nothing: no state to mutate.
    @SuppressWarnings("ImmutableEnumChecker")
    private final ToDoubleFunction<Point> value;

    @SuppressWarnings("ImmutableEnumChecker")
    private final ToDoubleFunction<Point> budget;

    @SuppressWarnings("ImmutableEnumChecker")
    private final DoubleFunction<String> format;

    Budget(
        Rule rule,
        String series,
        String unit,
        ToDoubleFunction<Point> value,
        ToDoubleFunction<Point> budget,
        DoubleFunction<String> format) {
      this.rule = rule;
      this.series = series;
      this.unit = unit;
      this.value = value;
      this.budget = budget;
      this.format = format;
    }

    /** The finding rule that fails this budget. */
    public Rule rule() {
      return rule;
    }

    /** The charted line's name. */
    public String series() {
      return series;
    }

    /** The value axis's unit. */
    public String unit() {
      return unit;
    }

    public double value(Point p) {
      return value.applyAsDouble(p);
    }

    public double budget(Point p) {
      return budget.applyAsDouble(p);
    }

    /** A figure in this budget's unit, as the findings write it. */
    public String format(double v) {
      return format.apply(v);
    }

    /** How far past its line the point is: above 1 breaks it. */
    double ratio(Point p) {
      double limit = budget(p);
      return limit > 0 ? value(p) / limit : 0;
    }
  }

  public LoadCurve {
    points = List.copyOf(points);
  }

  /** The point at a node count, when the curve has one (it always has the profile's). */
  public Optional<Point> at(int nodes) {
    return points.stream().filter(p -> p.nodes() == nodes).findFirst();
  }

  /**
   * The budgets worth charting at a node count: those the workload breaks there, in the order findings
   * sort them, or, when it breaks none, the one it comes closest to; a chart of a budget that held
   * next to a red verdict is what this replaces.
   */
  public List<Budget> charted(int nodes) {
    Point p = at(nodes).orElse(points.get(points.size() - 1));
    List<Budget> broken =
        List.of(Budget.values()).stream()
            .filter(b -> b.ratio(p) > 1)
            .sorted(Comparator.comparing((Budget b) -> b.rule().id()))
            .toList();
    if (!broken.isEmpty()) {
      return broken;
    }
    return List.of(
        List.of(Budget.values()).stream()
            .max(Comparator.comparingDouble(b -> b.ratio(p)))
            .orElseThrow());
  }
}
