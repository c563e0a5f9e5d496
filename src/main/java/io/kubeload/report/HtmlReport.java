package io.kubeload.report;

import io.kubeload.gate.Comparison;
import io.kubeload.gate.Finding;
import io.kubeload.gate.Gate;
import io.kubeload.gate.LoadCurve;
import io.kubeload.gate.SkippedFinding;
import io.kubeload.gate.Verdict;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.Units;
import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One self-contained page for reviewers: the markdown report's content plus SVG charts of each
 * workload's load against node count and of its simulated start-up, sortable tables and the
 * explain chain. Inline CSS, SVG and script only: it makes no request of its own.
 */
final class HtmlReport {

  private static final Charts.Axis SECONDS = new Charts.Axis("seconds", false, Units::number);

  private static final String STYLE =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1100px;padding:0 16px;color:#1f2328;background:#fff}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de}h3{font-size:15px;margin:20px 0 6px}
      .pass{color:#1a7f37}.fail{color:#cf222e}.counts{color:#59636e;margin:0 0 16px}
      table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:right}
      th{background:#f6f8fa;cursor:pointer;user-select:none}th:first-child,td:first-child{text-align:left}
      th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
      .finding{border-left:4px solid #d4a72c;padding:4px 12px;margin:8px 0;background:#fff8c5}
      .finding.error{border-color:#cf222e;background:#ffebe9}.finding.ignored{border-color:#8c959f;background:#f6f8fa}
      .where{color:#59636e;font-family:ui-monospace,monospace;font-size:12px}
      pre{background:#f6f8fa;padding:12px;overflow-x:auto;font-size:12px}
      .charts{display:flex;flex-wrap:wrap;gap:12px}.chart{width:540px;max-width:100%;background:#fff;border:1px solid #d0d7de}
      .chart .title{font-weight:600;font-size:12px}.chart .label,.chart .tick,.chart .legend,.chart .marker-label{font-size:10px;fill:#59636e}
      .chart .axis{stroke:#59636e}.chart .grid{stroke:#eaeef2}.chart .marker{stroke:#8250df;stroke-dasharray:2 3}
      .chart .marker-label{fill:#8250df;text-anchor:middle}.chart .alarm{fill:#cf222e}
      """;

  private static final String SCRIPT =
      """
      document.querySelectorAll('table.sortable').forEach(function (table) {
        table.querySelectorAll('th').forEach(function (th, column) {
          th.addEventListener('click', function () {
            var ascending = th.getAttribute('aria-sort') !== 'ascending';
            table.querySelectorAll('th').forEach(function (other) { other.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[column].getAttribute('data-sort'), y = b.cells[column].getAttribute('data-sort');
              var order = column === 0 ? x.localeCompare(y) : parseFloat(x) - parseFloat(y);
              return ascending ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
      });
      document.body.setAttribute('data-kubeload-ready', 'yes');
      """;

  private HtmlReport() {}

  static String render(Verdict verdict) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>")
        .append(Markup.xml("kubeload: " + Phrases.verdict(verdict)))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    out.append("<h1 class=\"")
        .append(verdict.passed() ? "pass" : "fail")
        .append("\">kubeload: ")
        .append(Markup.xml(Phrases.verdict(verdict)))
        .append("</h1>\n<p class=\"counts\">")
        .append(Markup.xml(Phrases.counts(verdict)))
        .append("</p>\n");
    verdict
        .comparison()
        .ifPresent(
            c ->
                out.append("<p class=\"counts\">")
                    .append(Markup.xml(Phrases.change(c)))
                    .append("</p>\n"));
    List<Integer> shown = workloads(verdict, out);
    findings(verdict, out);
    // A section (charts, explain) for each workload the table shows: a grouped table's tail has
    // none.
    List<WorkloadLoad> loads = verdict.projection().workloads();
    for (int i : shown) {
      workload(verdict, loads.get(i), anchor(i, loads.get(i).ref().toString()), out);
    }
    out.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return out.toString();
  }

  /** The workloads table, one per group when it is grouped; returns the workloads it shows, in its order. */
  private static List<Integer> workloads(Verdict verdict, StringBuilder out) {
    out.append("<h2>Workloads</h2>\n");
    ChangeTables.Table workloads = ChangeTables.workloads(verdict);
    int linked = verdict.projection().workloads().size();
    if (workloads.rows().isEmpty()) {
      out.append("<p>No workloads found.</p>\n");
      return List.of();
    }
    Optional<Grouping.Layout> layout = Grouping.of(verdict, workloads.rows());
    List<Integer> shown =
        layout
            .map(Grouping.Layout::shown)
            .orElseGet(() -> IntStream.range(0, workloads.rows().size()).boxed().toList());
    if (layout.isEmpty()) {
      table(workloads, shown, linked, false, out);
    } else {
      // A sortable table per group: the script sorts the rows of one table body.
      for (Grouping.Section section : layout.get().sections()) {
        out.append("<h3>")
            .append(Markup.xml(section.heading(layout.get().seats())))
            .append("</h3>\n");
        table(workloads, section.shown(), linked, true, out);
      }
      if (!layout.get().tail().rows().isEmpty()) {
        out.append("<p>")
            .append(Markup.xml(layout.get().tailLine() + Grouping.ELSEWHERE))
            .append("</p>\n");
      }
    }
    verdict
        .comparison()
        .ifPresent(
            c -> {
              List<Comparison.WorkloadDelta> named =
                  c.changed().stream().filter(d -> !d.changes().isEmpty()).toList();
              if (!named.isEmpty()) {
                out.append("<ul>\n");
                named.forEach(
                    d ->
                        out.append("<li><code>")
                            .append(Markup.xml(d.ref().toString()))
                            .append("</code>: ")
                            .append(Markup.xml(String.join("; ", d.changes())))
                            .append("</li>\n"));
                out.append("</ul>\n");
              }
            });
    ChangeTables.Table levels = ChangeTables.levels(verdict);
    if (!levels.rows().isEmpty()) {
      out.append("<h2>Priority levels</h2>\n");
      table(levels, IntStream.range(0, levels.rows().size()).boxed().toList(), 0, false, out);
    }
    return shown.stream().filter(i -> i < linked).toList();
  }

  /**
   * A sortable table of the rows at {@code indexes}; a row whose index is under {@code linkedRows} is
   * one of the projection's workloads and links to its section. With {@code busy}, a column of the seats
   * each keeps busy (a grouped table's order).
   */
  private static void table(
      ChangeTables.Table table,
      List<Integer> indexes,
      int linkedRows,
      boolean busy,
      StringBuilder out) {
    out.append("<table class=\"sortable\">\n<thead><tr>");
    for (String column : table.columns()) {
      out.append("<th>").append(Markup.xml(column)).append("</th>");
    }
    if (busy) {
      out.append("<th>seats busy</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (int i : indexes) {
      ChangeTables.Row row = table.rows().get(i);
      String name = Markup.xml(row.name());
      out.append("<tr><td data-sort=\"")
          .append(name)
          .append("\">")
          .append(
              i < linkedRows ? "<a href=\"#" + anchor(i, row.name()) + "\">" + name + "</a>" : name)
          .append("</td>");
      List<ChangeTables.Cell> cells = new ArrayList<>(row.cells());
      if (busy) {
        cells.add(row.contribution().orElseThrow().busy());
      }
      for (ChangeTables.Cell cell : cells) {
        out.append("<td data-sort=\"")
            .append(Double.isInfinite(cell.sortKey()) ? "Infinity" : Charts.plain(cell.sortKey()))
            .append("\">")
            .append(Markup.xml(cell.text()))
            .append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void findings(Verdict verdict, StringBuilder out) {
    out.append("<h2>Findings</h2>\n");
    if (verdict.reviewed().isEmpty() && verdict.skippedFindings().isEmpty()) {
      out.append("<p>No findings: every budget holds at this scale.</p>\n");
    }
    for (Finding f : verdict.reviewed()) {
      out.append("<div class=\"finding ")
          .append(f.severity().label())
          .append("\"><p><b>")
          .append(f.severity().label())
          .append("</b> <code>")
          .append(Markup.xml(f.rule().id()))
          .append("</code> ")
          .append(Markup.xml(f.subject().toString()))
          .append(" <span class=\"where\">")
          .append(Markup.xml(f.location().toString()))
          .append("</span></p>\n<p>")
          .append(Markup.xml(f.message()))
          .append("</p>\n<p><b>Fix:</b> ")
          .append(Markup.xml(f.fix()))
          .append("</p></div>\n");
    }
    for (SkippedFinding s : verdict.skippedFindings()) {
      out.append("<div class=\"finding ignored\"><p><b>ignored</b> <code>")
          .append(Markup.xml(s.finding().rule().id()))
          .append("</code> ")
          .append(Markup.xml(s.finding().subject().toString()))
          .append(": ")
          .append(Markup.xml(s.reason()))
          .append(" <span class=\"where\">kubeload.io/ignore at ")
          .append(Markup.xml(s.ignoredAt().toString()))
          .append("</span></p>\n<p>")
          .append(Markup.xml(s.finding().message()))
          .append("</p></div>\n");
    }
  }

  private static void workload(
      Verdict verdict, WorkloadLoad load, String anchor, StringBuilder out) {
    out.append("<h2 id=\"")
        .append(anchor)
        .append("\">")
        .append(Markup.xml(load.ref().toString()))
        .append("</h2>\n<div class=\"charts\">\n");
    Optional<LoadCurve> curve = verdict.loadCurve(load.ref());
    curve.ifPresent(
        c ->
            out.append(
                loadCharts(
                    c,
                    verdict.projection().profile().name(),
                    verdict.projection().profile().nodes())));
    verdict.simulations().rolloutOf(load.ref()).ifPresent(s -> out.append(stormCharts(s)));
    if (curve.isEmpty()) {
      out.append("<p>It makes no API requests: no load to chart.</p>\n");
    }
    out.append("</div>\n<details><summary>How kubeload got these numbers</summary>\n<pre>")
        .append(Markup.xml(ExplainReport.render(verdict, load)))
        .append("</pre>\n</details>\n");
  }

  /**
   * One chart for each budget the workload breaks at the profile's node count (or the one it comes
   * closest to), its figure against its own line; seats also show the start-up peak.
   */
  private static String loadCharts(LoadCurve curve, String profileName, int profileNodes) {
    List<Charts.Marker> markers = new ArrayList<>();
    markers.add(new Charts.Marker("staging", Gate.STAGING_NODES));
    if (profileNodes != Gate.STAGING_NODES) {
      markers.add(new Charts.Marker(profileName, profileNodes));
    }
    LoadCurve.Point atProfile = curve.at(profileNodes).orElseThrow();
    StringBuilder out = new StringBuilder();
    for (LoadCurve.Budget budget : curve.charted(profileNodes)) {
      List<Charts.Series> series = new ArrayList<>();
      series.add(
          new Charts.Series(
              budget.series(),
              "#0969da",
              false,
              Charts.points(curve.points(), LoadCurve.Point::nodes, budget::value)));
      if (budget == LoadCurve.Budget.SEATS) {
        series.add(
            new Charts.Series(
                "start-up peak seats",
                "#bc4c00",
                false,
                Charts.points(curve.points(), LoadCurve.Point::nodes, LoadCurve.Point::peakSeats)));
      }
      series.add(
          new Charts.Series(
              "budget: " + budget.format(budget.budget(atProfile)) + " (" + budget.rule() + ")",
              "#cf222e",
              true,
              Charts.points(curve.points(), LoadCurve.Point::nodes, budget::budget)));
      List<Charts.Alarm> alarms =
          curve.points().stream()
              .filter(p -> budget.value(p) > budget.budget(p))
              .map(p -> new Charts.Alarm(p.nodes(), budget.value(p)))
              .toList();
      out.append(
          Charts.svg(
              budget.series() + " against node count (red: over budget)",
              new Charts.Axis("nodes (log scale)", true, Units::number),
              // The axis label names seats; tick labels that repeat it would not fit left of the
              // axis.
              new Charts.Axis(
                  budget.unit() + " (log scale)",
                  true,
                  budget == LoadCurve.Budget.SEATS ? Units::number : budget::format),
              series,
              markers,
              alarms));
    }
    return out.toString();
  }

  /** The simulated roll-out, second by second: seats busy against the level's seats, and 429s. */
  private static String stormCharts(SimulationResult s) {
    List<SimulationResult.Sample> series = s.series();
    String seats =
        Charts.svg(
            "Simulated start-up: seats busy in " + s.level(),
            SECONDS,
            new Charts.Axis("seats busy", false, Units::number),
            List.of(
                new Charts.Series(
                    "peak seats busy",
                    "#bc4c00",
                    false,
                    Charts.points(
                        series,
                        SimulationResult.Sample::second,
                        SimulationResult.Sample::peakSeatsBusy)),
                new Charts.Series(
                    "seats",
                    "#cf222e",
                    true,
                    List.of(
                        new double[] {0, s.seats()},
                        new double[] {Math.max(1, series.size() - 1), s.seats()}))),
            List.of(),
            List.of());
    String rejected =
        Charts.svg(
            "429s per second ("
                + Units.number(s.rejected())
                + " in all; pods synced "
                + Phrases.synced(s)
                + ")",
            SECONDS,
            new Charts.Axis("429s per second", false, Units::number),
            List.of(
                new Charts.Series(
                    "429s",
                    "#cf222e",
                    false,
                    Charts.points(
                        series,
                        SimulationResult.Sample::second,
                        SimulationResult.Sample::rejected))),
            List.of(),
            List.of());
    return seats + rejected;
  }

  /** An id for the workload at {@code index} (the same reference may come from several files): letters, digits and dashes. */
  static String anchor(int index, String ref) {
    return "w" + (index + 1) + "-" + ref.replaceAll("[^A-Za-z0-9]+", "-");
  }
}
