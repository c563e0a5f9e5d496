package io.kubeload.report;

import io.kubeload.gate.Comparison;
import io.kubeload.gate.Finding;
import io.kubeload.gate.Recommendation;
import io.kubeload.gate.SkippedFinding;
import io.kubeload.gate.Verdict;
import io.kubeload.model.LevelLoad;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.Units;
import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** The terminal report: the verdict first, then one line per workload, busy levels, findings with fixes. */
final class TextReport {

  private static final int WIDTH = 100;

  private TextReport() {}

  static String render(Verdict verdict) {
    StringBuilder out = new StringBuilder();
    out.append("kubeload: ").append(Phrases.verdict(verdict)).append('\n');
    out.append(Phrases.counts(verdict)).append('\n');
    verdict.comparison().ifPresent(c -> change(verdict, c, out));
    out.append('\n');
    // Both tables follow one grouping, so that a start-up is found under the release its workload
    // is.
    List<ChangeTables.Row> table =
        ChangeTables.workloads(verdict).rows().subList(0, verdict.projection().workloads().size());
    Optional<Grouping.Layout> layout = Grouping.of(verdict, table);
    workloads(verdict, out, layout, table);
    startups(verdict, out, layout);
    levels(verdict, out);
    findings(verdict, out);
    recommendations(verdict, out);
    blastRadius(verdict, out);
    return closed(verdict, out);
  }

  /** {@code --format findings}: the verdict, the findings with their fixes, the verdict again; no tables. */
  static String findingsOnly(Verdict verdict) {
    StringBuilder out = new StringBuilder();
    out.append("kubeload: ").append(Phrases.verdict(verdict)).append('\n');
    out.append(Phrases.counts(verdict)).append("\n\n");
    findings(verdict, out);
    return closed(verdict, out);
  }

  /** A CI log shows its end: the verdict is repeated on the last line. */
  private static String closed(Verdict verdict, StringBuilder out) {
    out.append("\nkubeload: ").append(Phrases.verdict(verdict)).append('\n');
    return out.toString();
  }

  private static void workloads(
      Verdict verdict,
      StringBuilder out,
      Optional<Grouping.Layout> layout,
      List<ChangeTables.Row> table) {
    if (verdict.projection().workloads().isEmpty()) {
      out.append("No workloads found.\n");
      return;
    }
    List<String> header =
        new ArrayList<>(
            List.of(
                "WORKLOAD",
                "PODS",
                "SCALING",
                "FAILS FROM",
                "REQ/S",
                "WATCH EV/S",
                "LIST/START",
                "PEAK SEATS"));
    layout.ifPresent(l -> header.add("SEATS BUSY"));
    header.add("LEVEL");
    List<String[]> rows = new ArrayList<>();
    rows.add(header.toArray(String[]::new));
    grouped(
        layout,
        verdict.projection().workloads().size(),
        rows,
        i -> true,
        i -> {
          WorkloadLoad load = verdict.projection().workloads().get(i);
          OptionalInt breakEven = verdict.breakEvenNodes(load.ref());
          List<String> cells =
              new ArrayList<>(
                  List.of(
                      load.ref().toString(),
                      Units.number(load.pods()),
                      load.scalingClass().label(),
                      breakEven.isPresent() ? Units.number(breakEven.getAsInt()) + " nodes" : "-",
                      Units.number(load.requestsPerSecond()),
                      Units.number(load.watchEventsPerSecond()),
                      load.listBytesPerStart() > 0 ? Units.bytes(load.listBytesPerStart()) : "-",
                      Units.number(load.peakSeats())));
          layout.ifPresent(
              l -> cells.add(table.get(i).contribution().orElseThrow().busy().after()));
          cells.add(load.accesses().isEmpty() ? "-" : load.priorityLevel());
          return cells.toArray(String[]::new);
        },
        l -> l.sections().stream().map(s -> s.heading(l.seats())).toList());
    table(rows, out, 1);
    layout.ifPresent(l -> tail(l.tail().rows().isEmpty() ? "" : l.tailLine(), out));
    out.append('\n');
  }

  /**
   * The rows of a table in the projection's order, or grouped by {@code layout}: each section's
   * heading (a one-cell row, printed as it is) over its shown rows, indented. {@code has} picks the
   * rows the table holds at all (a start-up table only those simulated).
   */
  private static void grouped(
      Optional<Grouping.Layout> layout,
      int count,
      List<String[]> rows,
      IntPredicate has,
      IntFunction<String[]> row,
      Function<Grouping.Layout, List<String>> headings) {
    if (layout.isEmpty()) {
      IntStream.range(0, count).filter(has).forEach(i -> rows.add(row.apply(i)));
      return;
    }
    List<String> titles = headings.apply(layout.get());
    for (int s = 0; s < titles.size(); s++) {
      List<Integer> shown =
          layout.get().sections().get(s).shown().stream().filter(has::test).toList();
      if (!shown.isEmpty()) {
        rows.add(new String[] {Markup.oneLine(titles.get(s))});
        for (int i : shown) {
          String[] cells = row.apply(i);
          cells[0] = "  " + cells[0];
          rows.add(cells);
        }
      }
    }
  }

  private static void tail(String line, StringBuilder out) {
    if (!line.isEmpty()) {
      out.append(line).append('\n');
    }
  }

  /** The workloads the change adds, changes or removes, before → after, and what changed in each. */
  private static void change(Verdict verdict, Comparison comparison, StringBuilder out) {
    out.append(Phrases.change(comparison)).append('\n');
    ChangeTables.Table table = ChangeTables.workloads(verdict);
    List<String[]> rows = new ArrayList<>();
    rows.add(
        table.columns().stream()
            .map(
                c ->
                    c.equals("workload")
                        ? "CHANGE"
                        : c.equals("change") ? "STATUS" : c.toUpperCase(Locale.ROOT))
            .toArray(String[]::new));
    for (ChangeTables.Row row : table.rows()) {
      if (row.status().orElse(Comparison.Status.ADDED) != Comparison.Status.UNCHANGED) {
        List<String> cells = new ArrayList<>(List.of(row.name()));
        row.cells().forEach(c -> cells.add(c.text()));
        rows.add(cells.toArray(String[]::new));
      }
    }
    if (rows.size() == 1) {
      out.append("The change leaves every workload as it was.\n");
    } else {
      out.append('\n');
      table(rows, out, 2, true);
      for (Comparison.WorkloadDelta delta : comparison.changed()) {
        if (!delta.changes().isEmpty()) {
          wrap(delta.ref() + ": " + String.join("; ", delta.changes()), "  ", out);
        }
      }
    }
    List<String[]> levels = new ArrayList<>();
    levels.add(new String[] {"LEVEL DEMAND", "SEATS", "BEFORE", "AFTER", "CHANGE"});
    for (Comparison.LevelDelta level : comparison.levels()) {
      if (level.added() != 0) {
        levels.add(
            new String[] {
              level.name(),
              Units.number(level.seats()),
              Units.number(level.before()),
              Units.number(level.after()),
              (level.added() > 0 ? "+" : "") + Units.number(level.added())
            });
      }
    }
    if (levels.size() > 1) {
      out.append('\n');
      table(levels, out, 1, true);
    }
  }

  /** The simulated roll-out of every workload that lists at start; grouped as the workloads table is. */
  private static void startups(
      Verdict verdict, StringBuilder out, Optional<Grouping.Layout> layout) {
    List<WorkloadLoad> loads = verdict.projection().workloads();
    IntFunction<Optional<SimulationResult>> rollout =
        i -> verdict.simulations().rolloutOf(loads.get(i).ref());
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "START-UP (simulated)", "PODS", "PEAK SEATS", "429s", "SYNCED", "LIST MEMORY"
        });
    grouped(
        layout,
        loads.size(),
        rows,
        i -> rollout.apply(i).isPresent(),
        i -> {
          SimulationResult s = rollout.apply(i).orElseThrow();
          return new String[] {
            loads.get(i).ref().toString(),
            Units.number(s.pods()),
            Units.number(s.peakSeats()) + " of " + Units.number(s.seats()),
            Units.number(s.rejected()),
            Phrases.synced(s),
            Units.bytes(s.peakTransientBytes())
          };
        },
        l -> l.sections().stream().map(sec -> sec.group().label()).toList());
    if (rows.size() > 1) {
      table(rows, out, 1);
      layout.ifPresent(l -> tail(startupTail(l, rollout), out));
      out.append('\n');
    }
  }

  /** {@code … and 700 more start-ups in 700 releases: 3,500,000 pods, 0 429s, all synced}: those the table leaves out. */
  private static String startupTail(
      Grouping.Layout layout, IntFunction<Optional<SimulationResult>> rollout) {
    List<Integer> left =
        layout.tail().rows().stream().filter(i -> rollout.apply(i).isPresent()).toList();
    if (left.isEmpty()) {
      return "";
    }
    List<SimulationResult> runs = left.stream().map(i -> rollout.apply(i).orElseThrow()).toList();
    long unsynced = runs.stream().filter(s -> !s.allSynced()).count();
    return "… and "
        + Grouping.count(left.size(), "more start-up")
        + " in "
        + Grouping.inGroups(left.stream().map(layout::groupOf).toList())
        + ": "
        + Units.number(runs.stream().mapToDouble(SimulationResult::pods).sum())
        + " pods, "
        + Units.number(runs.stream().mapToDouble(SimulationResult::rejected).sum())
        + " 429s, "
        + (unsynced == 0 ? "all synced" : Units.number(unsynced) + " with pods not synced");
  }

  private static void levels(Verdict verdict, StringBuilder out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "PRIORITY LEVEL",
          "SEATS",
          "EXISTING",
          "ADDED",
          "UTILIZATION",
          "AFTER API-SERVER RESTART",
          "LARGEST SHARE"
        });
    for (LevelLoad level : verdict.projection().levelLoads()) {
      SimulationResult restart = verdict.simulations().restart().get(level.name());
      if (level.demand() <= 0 && restart == null) {
        continue;
      }
      rows.add(
          new String[] {
            level.name(),
            Units.number(level.seats()),
            Units.number(level.existing()),
            Units.number(level.demand()),
            Units.percent(level.utilization()),
            restart == null
                ? "-"
                : "synced "
                    + Phrases.synced(restart)
                    + ", "
                    + Units.number(restart.rejected())
                    + " 429s",
            level.contributions().isEmpty()
                ? "-"
                : level.contributions().keySet().iterator().next().toString()
          });
    }
    if (rows.size() > 1) {
      table(rows, out, 1);
      out.append('\n');
    }
  }

  private static void findings(Verdict verdict, StringBuilder out) {
    if (verdict.reviewed().isEmpty()) {
      out.append(
          verdict.skippedFindings().isEmpty()
              ? "No findings: every budget holds at this scale.\n"
              : "No findings but the ignored ones below.\n");
    }
    for (Finding f : verdict.reviewed()) {
      out.append(f.severity().label().toUpperCase(Locale.ROOT))
          .append(' ')
          .append(f.rule().id())
          .append("  ")
          .append(f.subject())
          .append('\n');
      out.append("  at ").append(Markup.oneLine(f.location().toString())).append('\n');
      wrap(f.message(), "  ", out);
      wrap("fix: " + f.fix(), "  ", out);
    }
    for (SkippedFinding s : verdict.skippedFindings()) {
      wrap(
          "IGNORED "
              + s.finding().severity().label()
              + " "
              + s.finding().rule().id()
              + "  "
              + s.finding().subject()
              + ": "
              + s.reason()
              + " (kubeload.io/ignore at "
              + s.ignoredAt()
              + ")",
          "",
          out);
    }
  }

  private static void recommendations(Verdict verdict, StringBuilder out) {
    for (Recommendation r : verdict.recommendations()) {
      out.append("\nROLL-OUT ").append(r.workload()).append('\n');
      wrap(
          r.advice()
              + r.simulated()
                  .map(
                      s ->
                          " (simulated: "
                              + Units.number(s.rejected())
                              + " 429s; pods synced: "
                              + Phrases.synced(s)
                              + ")")
                  .orElse(""),
          "  ",
          out);
    }
  }

  private static void blastRadius(Verdict verdict, StringBuilder out) {
    for (var impact : verdict.blastRadius()) {
      out.append("\nBLAST RADIUS ").append(impact.level()).append('\n');
      wrap("saturated by " + impact.cause() + ": " + impact.consequence(), "  ", out);
    }
  }

  /** Left-aligned text columns, numbers right-aligned from column {@code firstNumeric}; a one-cell row (a group's heading) as it is. */
  private static void table(List<String[]> rows, StringBuilder out, int firstNumeric) {
    table(rows, out, firstNumeric, false);
  }

  /** With {@code lastNumeric}, the last column is right-aligned too. */
  private static void table(
      List<String[]> rows, StringBuilder out, int firstNumeric, boolean lastNumeric) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < row.length && row.length > 1; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      if (row.length == 1) {
        out.append(row[0]).append('\n');
        continue;
      }
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        boolean right = c >= firstNumeric && (lastNumeric || c < columns - 1) && row != rows.get(0);
        String cell =
            right
                ? " ".repeat(width[c] - row[c].length()) + row[c]
                : row[c] + " ".repeat(width[c] - row[c].length());
        line.append(cell).append(c < columns - 1 ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /** Wrapped at spaces; a line break from the input (an ignore reason, an image) is shown, never followed. */
  private static void wrap(String text, String indent, StringBuilder out) {
    StringBuilder line = new StringBuilder(indent);
    for (String word : Markup.oneLine(text).split(" ", -1)) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder(indent).append("  ");
      }
      if (line.length() > indent.length() && !line.toString().isBlank()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(line).append('\n');
  }
}
