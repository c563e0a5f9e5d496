package io.kubeload.gate;

import java.util.List;

/**
 * One workload's load in its priority level, re-projected alone at a ladder of node counts (the same
 * projection break-even searches), so reports can chart how it grows against the budget.
 *
 * @param workload {@code Kind/namespace/name}
 * @param level the priority level its requests land in
 * @param points one per node count, ascending
 */
public record LoadCurve(String workload, String level, List<Point> points) {

  /**
   * The level at one node count, in seats over all API servers, the profile's existing demand included.
   *
   * @param steadySeats seats busy in steady state
   * @param peakSeats seats wanted at the peak of its start-up storm
   * @param budgetSeats the seats the policy lets steady demand use
   * @param breaksBudget whether the gate fails it alone at this node count
   */
  public record Point(int nodes, double steadySeats, double peakSeats, double budgetSeats, boolean breaksBudget) {}

  public LoadCurve {
    points = List.copyOf(points);
  }
}
