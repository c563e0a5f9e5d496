package io.kubeload.report;

import io.kubeload.gate.Comparison;
import io.kubeload.gate.Finding;
import io.kubeload.gate.Gate;
import io.kubeload.gate.LoadCurve;
import io.kubeload.gate.SkippedFinding;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.Units;
import io.kubeload.yaml.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A pull-request comment a reviewer reads in ten seconds: the verdict line, the workloads table,
 * the findings with their fixes folded, and a Mermaid chart of each workload's load against node
 * count, which code hosts render. It always fits in one GitHub comment (65,536 characters, which a
 * large release's full report exceeds and the post then fails): the workloads table takes at most
 * half, the findings follow the change's own first, and what does not fit is counted and left to the
 * other reports.
 */
final class MarkdownReport {

  /** GitHub's limit on a comment's body, less room for what the Action adds (its marker line). */
  static final int LIMIT = 65_536 - 512;

  private static final String ELSEWHERE =
      " not shown here (a comment holds 65,536 characters): every one is in the html and "
          + "json reports (--format html, --format json).";

  private MarkdownReport() {}

  static String render(Verdict verdict) {
    StringBuilder out = new StringBuilder();
    out.append("### ")
        .append(verdict.passed() ? "✅" : "❌")
        .append(" kubeload: ")
        .append(Markup.markdown(Phrases.verdict(verdict)))
        .append("\n\n");
    out.append(Markup.markdown(Phrases.counts(verdict))).append("\n\n");
    verdict
        .comparison()
        .ifPresent(c -> out.append(Markup.markdown(Phrases.change(c))).append("\n\n"));
    Predicate<ObjectRef> charted = workloads(verdict, out);
    findings(verdict, out);
    StringBuilder charts = new StringBuilder();
    charts(verdict, charted, charts);
    if (out.length() + charts.length() <= LIMIT) {
      out.append(charts);
    } else if (!charts.isEmpty()) {
      out.append("Load charts").append(ELSEWHERE).append('\n');
    }
    return out.toString();
  }

  /** Appends {@code block} when the report stays under {@code limit} with room for a closing note. */
  private static boolean fits(StringBuilder out, CharSequence block, int limit) {
    if (out.length() + block.length() + 400 > limit) {
      return false;
    }
    out.append(block);
    return true;
  }

  /** The workloads table; returns which workloads' charts the comment shows: a grouped table's, or every one. */
  private static Predicate<ObjectRef> workloads(Verdict verdict, StringBuilder out) {
    ChangeTables.Table table = ChangeTables.workloads(verdict);
    if (table.rows().isEmpty()) {
      out.append("No workloads found.\n\n");
      return ref -> true;
    }
    // A pull-request comment shows what the change touches; the unchanged workloads are counted.
    List<ChangeTables.Row> rows =
        table.rows().stream()
            .filter(r -> r.status().orElse(Comparison.Status.ADDED) != Comparison.Status.UNCHANGED)
            .toList();
    Optional<Grouping.Layout> layout = Grouping.of(verdict, rows);
    List<String> columns = new ArrayList<>(table.columns());
    layout.ifPresent(l -> columns.add("seats busy"));
    out.append("| ").append(String.join(" | ", columns)).append(" |\n");
    out.append("|---").append("|---:".repeat(columns.size() - 1)).append("|\n");
    // Each line of the table, and whether it is a workload's (not a group's heading: a row of empty
    // cells but the first).
    List<String> lines = new ArrayList<>();
    List<Boolean> workload = new ArrayList<>();
    IntConsumer row =
        i -> {
          ChangeTables.Row r = rows.get(i);
          List<ChangeTables.Cell> cells = new ArrayList<>(r.cells());
          layout.ifPresent(l -> cells.add(r.contribution().orElseThrow().busy()));
          lines.add(
              "| `"
                  + r.name().replace("`", "'")
                  + "` | "
                  + cells.stream()
                      .map(c -> Markup.markdown(c.text()))
                      .collect(Collectors.joining(" | "))
                  + " |\n");
          workload.add(true);
        };
    if (layout.isEmpty()) {
      IntStream.range(0, rows.size()).forEach(row);
    } else {
      for (Grouping.Section section : layout.get().sections()) {
        lines.add(
            "| **"
                + Markup.markdown(section.heading(layout.get().seats()))
                + "**"
                + " |".repeat(columns.size())
                + "\n");
        workload.add(false);
        section.shown().forEach(row::accept);
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      if (!fits(out, lines.get(i), LIMIT / 2)) {
        long left = workload.subList(i, workload.size()).stream().filter(w -> w).count();
        out.append('\n')
            .append(Phrases.plural(left, "more workload"))
            .append(ELSEWHERE)
            .append('\n');
        break;
      }
    }
    layout
        .filter(l -> !l.tail().rows().isEmpty())
        .ifPresent(
            l ->
                out.append('\n')
                    .append(Markup.markdown(l.tailLine()))
                    .append(Grouping.ELSEWHERE)
                    .append('\n'));
    verdict
        .comparison()
        .ifPresent(
            c -> {
              List<Comparison.WorkloadDelta> named =
                  c.changed().stream().filter(d -> !d.changes().isEmpty()).toList();
              if (!named.isEmpty()) {
                out.append('\n');
                for (int i = 0; i < named.size(); i++) {
                  Comparison.WorkloadDelta d = named.get(i);
                  if (!fits(
                      out,
                      "- `"
                          + d.ref().toString().replace("`", "'")
                          + "`: "
                          + Markup.markdown(String.join("; ", d.changes()))
                          + "\n",
                      LIMIT / 2)) {
                    out.append(Phrases.plural(named.size() - i, "more changed workload"))
                        .append(ELSEWHERE)
                        .append('\n');
                    break;
                  }
                }
              }
            });
    if (rows.size() < table.rows().size()) {
      out.append('\n')
          .append(Phrases.plural(table.rows().size() - rows.size(), "workload"))
          .append(" unchanged, not shown.\n");
    }
    out.append('\n');
    return layout
        .<Predicate<ObjectRef>>map(
            l ->
                l.shown().stream()
                        .map(i -> rows.get(i).contribution().orElseThrow().workload())
                        .collect(Collectors.toSet())
                    ::contains)
        .orElse(ref -> true);
  }

  private static void findings(Verdict verdict, StringBuilder out) {
    if (verdict.reviewed().isEmpty() && verdict.skippedFindings().isEmpty()) {
      out.append("No findings: every budget holds at this scale.\n\n");
      return;
    }
    List<String> blocks = new java.util.ArrayList<>();
    for (Finding f : Phrases.changeFirst(verdict.reviewed())) {
      blocks.add(
          details(
              "<b>"
                  + f.severity().label()
                  + "</b> <code>"
                  + Markup.inlineXml(f.rule().id())
                  + "</code> "
                  + Markup.inlineXml(f.subject().toString())
                  + ": "
                  + Markup.inlineXml(f.message()),
              "**Fix:** " + Markup.markdown(f.fix()),
              "at",
              f.location()));
    }
    for (SkippedFinding s : verdict.skippedFindings()) {
      blocks.add(
          details(
              "ignored <code>"
                  + Markup.inlineXml(s.finding().rule().id())
                  + "</code> "
                  + Markup.inlineXml(s.finding().subject().toString())
                  + ": "
                  + Markup.inlineXml(s.reason()),
              Markup.markdown(s.finding().message()),
              "kubeload.io/ignore at",
              s.ignoredAt()));
    }
    for (int i = 0; i < blocks.size(); i++) {
      if (!fits(out, blocks.get(i), LIMIT)) {
        out.append(Phrases.plural(blocks.size() - i, "more finding"))
            .append(ELSEWHERE)
            .append("\n\n");
        return;
      }
    }
  }

  /** A folded block: the summary line shows, the body and where it was written unfold. */
  private static String details(
      String summaryHtml, String bodyMarkdown, String where, SourceLocation location) {
    return "<details><summary>"
        + summaryHtml
        + "</summary>\n\n"
        + bodyMarkdown
        + "<br>\n"
        + where
        + " `"
        + Markup.oneLine(location.toString()).replace("`", "'")
        + "`\n\n</details>\n\n";
  }

  /**
   * For each workload that makes requests, one xychart per budget it breaks at this profile's node
   * count (or the one it comes closest to): its figure against its own line. Mermaid spaces categories
   * evenly whatever they say, so only the doubling steps are plotted, and a caption stands in for the
   * legend xychart lacks.
   */
  private static void charts(Verdict verdict, Predicate<ObjectRef> charted, StringBuilder out) {
    List<LoadCurve> curves =
        verdict.loadCurves().stream().filter(c -> charted.test(c.workload())).toList();
    if (curves.isEmpty()) {
      return;
    }
    int profileNodes = verdict.projection().profile().nodes();
    out.append("<details><summary>Projected load against node count</summary>\n\n");
    out.append(
            "The workload alone on top of the profile's existing demand, against the budget it breaks at this profile's ")
        .append(Units.number(profileNodes))
        .append(" nodes (or comes closest to). x: nodes, doubling at each step from ")
        .append(Units.number(Gate.STAGING_NODES))
        .append(" (staging); ")
        .append(whereTheProfileIs(curves.get(0), profileNodes))
        .append(".\n\n");
    for (LoadCurve curve : curves) {
      List<LoadCurve.Point> steps = steps(curve);
      LoadCurve.Point atProfile = curve.at(profileNodes).orElseThrow();
      for (LoadCurve.Budget budget : curve.charted(profileNodes)) {
        double scale = mega(budget) ? 1e6 : 1;
        out.append("```mermaid\nxychart-beta\n");
        out.append("  title \"")
            .append(mermaidText(curve.workload().toString()))
            .append(": ")
            .append(budget.series())
            .append("\"\n");
        out.append("  x-axis \"nodes\" [")
            .append(
                steps.stream()
                    .map(
                        p ->
                            "\""
                                + Units.number(p.nodes())
                                + (p.nodes() == profileNodes ? " ★" : "")
                                + "\"")
                    .collect(Collectors.joining(", ")))
            .append("]\n");
        out.append("  y-axis \"")
            .append(mega(budget) ? budget.unit().replace("bytes", "MB") : budget.unit())
            .append("\"\n");
        line(steps, p -> budget.value(p) / scale, out);
        if (budget == LoadCurve.Budget.SEATS) {
          line(steps, LoadCurve.Point::peakSeats, out);
        }
        line(steps, p -> budget.budget(p) / scale, out);
        out.append("```\n\n");
        out.append("Lines, in order: ")
            .append(budget.series())
            .append(budget == LoadCurve.Budget.SEATS ? ", start-up peak seats" : "")
            .append(", budget ")
            .append(budget.format(budget.budget(atProfile)))
            .append(" (")
            .append(budget.rule())
            .append("). At ")
            .append(Units.number(profileNodes))
            .append(" nodes: ")
            .append(budget.format(budget.value(atProfile)))
            .append(".\n\n");
      }
    }
    out.append("</details>\n");
  }

  /** The curve's doubling steps from staging's node count: the break-even and profile points between them are left out. */
  private static List<LoadCurve.Point> steps(LoadCurve curve) {
    return curve.points().stream()
        .filter(
            p ->
                p.nodes() % Gate.STAGING_NODES == 0
                    && Integer.bitCount(p.nodes() / Gate.STAGING_NODES) == 1)
        .toList();
  }

  /** Every curve has the same steps: the profile's node count is one of them (★) or lies between two. */
  private static String whereTheProfileIs(LoadCurve curve, int profileNodes) {
    List<LoadCurve.Point> steps = steps(curve);
    if (steps.stream().anyMatch(p -> p.nodes() == profileNodes)) {
      return "★ marks this profile's " + Units.number(profileNodes) + " nodes";
    }
    int below =
        steps.stream()
            .mapToInt(LoadCurve.Point::nodes)
            .filter(n -> n < profileNodes)
            .max()
            .orElse(Gate.STAGING_NODES);
    int above =
        steps.stream()
            .mapToInt(LoadCurve.Point::nodes)
            .filter(n -> n > profileNodes)
            .min()
            .orElse(profileNodes);
    return "this profile's "
        + Units.number(profileNodes)
        + " nodes lie between the "
        + Units.number(below)
        + " and "
        + Units.number(above)
        + " steps";
  }

  private static boolean mega(LoadCurve.Budget budget) {
    return budget == LoadCurve.Budget.WATCH_EGRESS || budget == LoadCurve.Budget.LIST_MEMORY;
  }

  private static void line(
      List<LoadCurve.Point> points, ToDoubleFunction<LoadCurve.Point> value, StringBuilder out) {
    out.append("  line [")
        .append(
            points.stream()
                .map(p -> Charts.plain(value.applyAsDouble(p)))
                .collect(Collectors.joining(", ")))
        .append("]\n");
  }

  /** A quoted mermaid string on its one line: no line break to leave the block, no quote to end the string. */
  private static String mermaidText(String text) {
    return Markup.oneLine(text).replace("\"", "'").replace("`", "'");
  }
}
