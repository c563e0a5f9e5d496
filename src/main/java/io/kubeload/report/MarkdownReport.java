package io.kubeload.report;

import io.kubeload.gate.Comparison;
import io.kubeload.gate.Finding;
import io.kubeload.gate.LoadCurve;
import io.kubeload.gate.SkippedFinding;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.SourceLocation;
import io.kubeload.model.Units;
import java.util.function.ToDoubleFunction;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A pull-request comment a reviewer reads in ten seconds: the verdict line, the workloads table,
 * the findings with their fixes folded, and a Mermaid chart of each workload's load against node
 * count, which code hosts render.
 */
final class MarkdownReport {

  private MarkdownReport() {}

  static String render(Verdict verdict) {
    StringBuilder out = new StringBuilder();
    out.append("### ").append(verdict.passed() ? "✅" : "❌").append(" kubeload: ").append(Markup.markdown(Phrases.verdict(verdict))).append("\n\n");
    out.append(Markup.markdown(Phrases.counts(verdict))).append("\n\n");
    verdict.comparison().ifPresent(c -> out.append(Markup.markdown(Phrases.change(c))).append("\n\n"));
    workloads(verdict, out);
    findings(verdict, out);
    charts(verdict, out);
    return out.toString();
  }

  private static void workloads(Verdict verdict, StringBuilder out) {
    ChangeTables.Table table = ChangeTables.workloads(verdict);
    if (table.rows().isEmpty()) {
      out.append("No workloads found.\n\n");
      return;
    }
    out.append("| ").append(String.join(" | ", table.columns())).append(" |\n");
    out.append("|---").append("|---:".repeat(table.columns().size() - 1)).append("|\n");
    // A pull-request comment shows what the change touches; the unchanged workloads are counted.
    List<ChangeTables.Row> rows = table.rows().stream().filter(r -> r.status().orElse(Comparison.Status.ADDED) != Comparison.Status.UNCHANGED).toList();
    for (ChangeTables.Row row : rows) {
      out.append("| `").append(row.name().replace("`", "'")).append("` | ")
          .append(row.cells().stream().map(c -> Markup.markdown(c.text())).collect(Collectors.joining(" | "))).append(" |\n");
    }
    verdict.comparison().ifPresent(c -> {
      List<Comparison.WorkloadDelta> named = c.changed().stream().filter(d -> !d.changes().isEmpty()).toList();
      if (!named.isEmpty()) {
        out.append('\n');
        named.forEach(d -> out.append("- `").append(d.ref().replace("`", "'")).append("`: ")
            .append(Markup.markdown(String.join("; ", d.changes()))).append('\n'));
      }
    });
    if (rows.size() < table.rows().size()) {
      out.append('\n').append(Phrases.plural(table.rows().size() - rows.size(), "workload")).append(" unchanged, not shown.\n");
    }
    out.append('\n');
  }

  private static void findings(Verdict verdict, StringBuilder out) {
    if (verdict.findings().isEmpty() && verdict.skippedFindings().isEmpty()) {
      out.append("No findings: every budget holds at this scale.\n\n");
      return;
    }
    for (Finding f : verdict.findings()) {
      details(out, "<b>" + f.severity().label() + "</b> <code>" + Markup.inlineXml(f.rule()) + "</code> " + Markup.inlineXml(f.workload()) + ": "
          + Markup.inlineXml(f.message()), "**Fix:** " + Markup.markdown(f.fix()), "at", f.location());
    }
    for (SkippedFinding s : verdict.skippedFindings()) {
      details(out, "ignored <code>" + Markup.inlineXml(s.finding().rule()) + "</code> " + Markup.inlineXml(s.finding().workload()) + ": "
          + Markup.inlineXml(s.reason()), Markup.markdown(s.finding().message()), "kubeload.io/ignore at", s.ignoredAt());
    }
  }

  /** A folded block: the summary line shows, the body and where it was written unfold. */
  private static void details(StringBuilder out, String summaryHtml, String bodyMarkdown, String where, SourceLocation location) {
    out.append("<details><summary>").append(summaryHtml).append("</summary>\n\n").append(bodyMarkdown).append("<br>\n")
        .append(where).append(" `").append(Markup.oneLine(location.toString()).replace("`", "'")).append("`\n\n</details>\n\n");
  }

  /** One xychart per workload that makes requests: steady and start-up peak seats against the budget. */
  private static void charts(Verdict verdict, StringBuilder out) {
    if (verdict.loadCurves().isEmpty()) {
      return;
    }
    int profileNodes = verdict.projection().profile().nodes();
    out.append("<details><summary>Projected load against node count</summary>\n\n");
    out.append("Seats busy in the workload's priority level over all API servers, the workload alone on top of the profile's "
        + "existing demand. Lines, in order: steady state, start-up peak, budget. ★ marks this profile's ")
        .append(Units.number(profileNodes)).append(" nodes.\n\n");
    for (LoadCurve curve : verdict.loadCurves().values()) {
      out.append("```mermaid\nxychart-beta\n");
      out.append("  title \"").append(mermaidText(curve.workload())).append(" in ").append(mermaidText(curve.level())).append("\"\n");
      out.append("  x-axis \"nodes\" [").append(curve.points().stream()
          .map(p -> "\"" + Units.number(p.nodes()) + (p.nodes() == profileNodes ? " ★" : "") + "\"")
          .collect(Collectors.joining(", "))).append("]\n");
      out.append("  y-axis \"seats\"\n");
      line(curve, LoadCurve.Point::steadySeats, out);
      line(curve, LoadCurve.Point::peakSeats, out);
      line(curve, LoadCurve.Point::budgetSeats, out);
      out.append("```\n\n");
    }
    out.append("</details>\n");
  }

  private static void line(LoadCurve curve, ToDoubleFunction<LoadCurve.Point> value, StringBuilder out) {
    out.append("  line [").append(curve.points().stream().map(p -> Charts.plain(value.applyAsDouble(p))).collect(Collectors.joining(", ")))
        .append("]\n");
  }

  /** A quoted mermaid string on its one line: no line break to leave the block, no quote to end the string. */
  private static String mermaidText(String text) {
    return Markup.oneLine(text).replace("\"", "'").replace("`", "'");
  }
}
