package io.kubeload.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeload.gate.Policy;
import io.kubeload.model.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The one figure that decided a JSON report against its budget: for a fail, the first error's rule
 * with its figure and budget; for a pass, the budgeted figure closest to its line, and the node
 * count from which the model says a budget breaks. Budgets are the defaults ({@link Policy#DEFAULT}).
 */
final class DecidingFigure {

  /**
   * A budgeted quantity of one workload or priority level: {@code ratio} orders figures by closeness
   * to their line, {@code share} says it in words.
   */
  record Figure(String rule, String subject, String text, double ratio, String share) {
    Figure(String rule, String subject, String text, double ratio) {
      this(
          rule,
          subject,
          text,
          ratio,
          ratio < 1 ? Units.percent(ratio) + " of budget" : Units.number(ratio) + "× budget");
    }
  }

  private DecidingFigure() {}

  static String of(JsonNode report, Map<String, Object> profileTree) {
    List<Figure> figures = figures(report, profileTree);
    Optional<JsonNode> error =
        stream(report.path("findings"))
            .filter(f -> f.path("severity").asText().equals("error"))
            .findFirst();
    if (error.isPresent()) {
      String rule = error.get().path("rule").asText();
      String workload = error.get().path("workload").asText();
      return figures.stream()
          .filter(
              f ->
                  f.rule().equals(rule)
                      && (f.subject().equals(workload) || rule.equals("seat-demand")))
          .max(Comparator.comparingDouble(Figure::ratio))
          .map(DecidingFigure::describe)
          .orElse(
              rule + " on " + workload + ": " + firstClause(error.get().path("message").asText()));
    }
    // Over a budget without an error: the baseline's own load, which the default gate does not
    // count.
    String closest =
        figures.stream()
            .max(Comparator.comparingDouble(Figure::ratio))
            .map(f -> (f.ratio() < 1 ? "closest: " : "over budget, not gated: ") + describe(f))
            .orElse("no budgeted load");
    return closest
        + breakEven(report)
            .map(n -> "; a budget breaks from " + Units.number(n) + " nodes")
            .orElse("");
  }

  static List<Figure> figures(JsonNode report, Map<String, Object> profileTree) {
    Policy budgets = Policy.DEFAULT;
    int apiServers = Math.max(1, report.path("profile").path("apiServers").asInt(1));
    double memoryBudget = budgets.transientListMemoryFraction() * memoryBytes(profileTree);
    List<Figure> out = new ArrayList<>();
    for (JsonNode w : report.path("workloads")) {
      String ref = w.path("ref").asText();
      double egress = w.path("load").path("watchBytesPerSecond").asDouble() / apiServers;
      if (egress > 0) {
        out.add(
            new Figure(
                "watch-egress",
                ref,
                Units.bytes(egress)
                    + "/s of watch events per API server, budget "
                    + Units.bytes(budgets.watchBytesPerSecondPerReplica())
                    + "/s",
                egress / budgets.watchBytesPerSecondPerReplica()));
      }
      JsonNode storm = w.path("startupStorm");
      double lag = storm.path("syncLagSeconds").asDouble();
      if (storm.path("pods").asInt() > 0 && lag > 0) {
        out.add(
            new Figure(
                "startup-storm",
                ref,
                "the last pods wait "
                    + Units.number(lag)
                    + " s for their start-up LISTs ("
                    + Units.number(storm.path("seatsDemanded").asDouble())
                    + " seats wanted of "
                    + Units.number(storm.path("seatsAvailable").asDouble())
                    + "), budget "
                    + Units.number(budgets.requestTimeoutSeconds())
                    + " s",
                lag / budgets.requestTimeoutSeconds()));
      }
      double held = storm.path("peakTransientBytes").asDouble();
      if (held > 0 && memoryBudget > 0) {
        out.add(
            new Figure(
                "list-memory",
                ref,
                Units.bytes(held)
                    + " held by start-up LISTs per API server, budget "
                    + Units.bytes(memoryBudget),
                held / memoryBudget));
      }
    }
    for (JsonNode level : report.path("priorityLevels")) {
      double utilization = level.path("utilization").asDouble();
      if (utilization > 0) {
        out.add(
            new Figure(
                "seat-demand",
                level.path("name").asText(),
                Units.percent(utilization)
                    + " of "
                    + level.path("name").asText()
                    + "'s "
                    + Units.number(level.path("seats").asDouble())
                    + " seats busy, budget "
                    + Units.percent(budgets.levelUtilization()),
                utilization / budgets.levelUtilization()));
      }
    }
    return out;
  }

  static Optional<Long> breakEven(JsonNode report) {
    return stream(report.path("workloads"))
        .map(w -> w.path("breakEvenNodes"))
        .filter(JsonNode::isNumber)
        .map(JsonNode::asLong)
        .min(Long::compare);
  }

  private static String describe(Figure f) {
    return f.rule() + " on " + f.subject() + ": " + f.text() + " (" + f.share() + ")";
  }

  /** A message's opening up to its first semicolon, for rules whose figure the report does not hold apart. */
  private static String firstClause(String message) {
    int end = message.indexOf("; ");
    return end < 0 ? message : message.substring(0, end);
  }

  @SuppressWarnings("unchecked")
  private static double memoryBytes(Map<String, Object> profileTree) {
    Map<String, Object> spec = (Map<String, Object>) profileTree.get("spec");
    Object apiServers = spec.get("apiServers");
    return apiServers instanceof Map<?, ?> m && m.get("memoryBytes") instanceof Number n
        ? n.doubleValue()
        : 0;
  }

  static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }
}
