package io.kubeload.report;

import io.kubeload.gate.Comparison;
import io.kubeload.gate.Comparison.WorkloadDelta;
import io.kubeload.model.Units;
import io.kubeload.model.WorkloadLoad;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The before → after cells and the summary line every format shows for a change against its baseline. */
final class ChangeCells {

  /** The figures of a workload's row, in column order. */
  static final List<String> HEADINGS = List.of("PODS", "REQ/S", "PEAK SEATS", "WATCH EV/S");

  private static final List<ToDoubleFunction<WorkloadLoad>> FIGURES = List.of(
      WorkloadLoad::pods, WorkloadLoad::requestsPerSecond, WorkloadLoad::peakSeats, WorkloadLoad::watchEventsPerSecond);

  static final String ABSENT = "—";

  private ChangeCells() {}

  /** {@code 3 → 5}, {@code — → 5,000} for an added workload, {@code 4} when the figure did not move. */
  static List<String> figures(WorkloadDelta delta) {
    return FIGURES.stream().map(f -> beforeAfter(delta.before(), delta.after(), f, Units::number)).toList();
  }

  static <T> String beforeAfter(Optional<T> before, Optional<T> after, ToDoubleFunction<T> figure, Function<Double, String> format) {
    String was = before.map(b -> format.apply(figure.applyAsDouble(b))).orElse(ABSENT);
    String now = after.map(a -> format.apply(figure.applyAsDouble(a))).orElse(ABSENT);
    return was.equals(now) ? now : was + " → " + now;
  }

  /** {@code against the baseline: 1 added, 1 changed, 3 unchanged; 2 of the baseline's errors not gated}. */
  static String summary(Comparison comparison) {
    StringBuilder out = new StringBuilder("against the baseline: ");
    for (Comparison.Status status : Comparison.Status.values()) {
      long n = comparison.workloads().stream().filter(w -> w.status() == status).count();
      out.append(n).append(' ').append(status.label()).append(status == Comparison.Status.REMOVED ? "" : ", ");
    }
    if (!comparison.gatesChangeOnly()) {
      out.append("; every error gated (--gate all)");
    } else if (comparison.preExisting() > 0) {
      out.append("; ").append(comparison.preExisting()).append(comparison.preExisting() == 1 ? " error" : " errors")
          .append(" of the baseline's own not gated (the change does not make ")
          .append(comparison.preExisting() == 1 ? "it" : "them").append(" worse)");
    }
    return out.toString();
  }
}
