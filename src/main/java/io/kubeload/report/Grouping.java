package io.kubeload.report;

import io.kubeload.gate.Verdict;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.Units;
import io.kubeload.workload.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A workloads table that outgrows one screen (a whole repository of releases) grouped by Helm
 * release, or by namespace where no release is known: the workloads a finding names, then the
 * largest contributors, by the seats they keep busy in steady state; the rest counted in one line
 * whose figures add up with the shown ones to the whole (docs/formats.md). Pure.
 */
final class Grouping {

  /** A table of more rows than this is grouped; a grouped one shows at most this many, but for those a finding names. */
  static final int MAX_ROWS = 50;

  /** The groups a grouped table opens at most, but for those holding a workload a finding names. */
  static final int MAX_GROUPS = 20;

  /** Where the workloads a grouped table leaves out are, each one: the machine formats are never grouped. */
  static final String ELSEWHERE = ": every workload is in the json report (--format json).";

  /** Helm's recommended label for the release name ({@code {{ .Release.Name }}}), which most charts write. */
  static final String INSTANCE_LABEL = "app.kubernetes.io/instance";

  /** What {@code helm install} writes on every object it creates (objects exported from a cluster). */
  static final String RELEASE_ANNOTATION = "meta.helm.sh/release-name";

  /**
   * A Helm release in its namespace (Helm names a release once per namespace), or a namespace where
   * the workload names no release ({@code release} empty).
   */
  record Group(String release, String namespace) {

    static Group of(Workload workload) {
      var manifest = workload.manifest();
      String release =
          manifest
              .label(INSTANCE_LABEL)
              .or(() -> manifest.annotation(RELEASE_ANNOTATION))
              .orElse("");
      return new Group(release.isBlank() ? "" : release, workload.namespace());
    }

    boolean isRelease() {
      return !release.isEmpty();
    }

    /** {@code release web (namespace shop)} or {@code namespace shop}: text from the input, escaped by each format. */
    String label() {
      return isRelease()
          ? "release " + release + " (namespace " + namespace + ")"
          : "namespace " + namespace;
    }
  }

  /**
   * A workload row's reference, its group and the seats it keeps busy in steady state over every priority level (what it adds
   * to the levels table's added demand): before → after with a baseline, sorted by the after (a
   * removed workload's none).
   */
  record Contribution(
      ObjectRef workload, Group group, Optional<Double> before, Optional<Double> after) {

    double seats() {
      return after.orElse(0.0);
    }

    /** The seats as a table shows them, for the rows it shows. */
    ChangeTables.Cell busy() {
      return new ChangeTables.Cell(
          before.map(Units::number).orElse(ChangeTables.ABSENT),
          after.map(Units::number).orElse(ChangeTables.ABSENT),
          seats());
    }
  }

  /** One group as shown: every workload of it counted, the rows shown (indexes into the table's rows), largest first. */
  record Section(Group group, int workloads, double seats, List<Integer> shown) {

    /** {@code release web (namespace shop): 3 workloads, 12.5 seats busy (4.2%)}. */
    String heading(double total) {
      return group.label() + ": " + count(workloads, "workload") + ", " + seatsBusy(seats, total);
    }
  }

  /** The rows a grouped table leaves out: how many, in how many groups, and their seats busy. */
  record Tail(List<Integer> rows, Set<Group> groups, double seats) {

    /** {@code … and 16,646 more workloads in 16,646 releases, together 1,234 seats busy in steady state (2.1% of the 58,028 of all 16,666)}. */
    String line(int allWorkloads, double total) {
      return "… and "
          + count(rows.size(), "more workload")
          + " in "
          + inGroups(groups)
          + ", together "
          + Units.number(seats)
          + " seats busy in steady state"
          + (total > 0
              ? " ("
                  + Units.percent(seats / total)
                  + " of the "
                  + Units.number(total)
                  + " of all "
                  + Units.number(allWorkloads)
                  + ")"
              : "");
    }
  }

  /** The grouped table: its sections largest first, what they leave out, and the whole it adds up to. */
  record Layout(List<Section> sections, Tail tail, List<Group> groups, double seats) {

    int workloads() {
      return groups.size();
    }

    /** The rows shown, section by section. */
    List<Integer> shown() {
      return sections.stream().flatMap(s -> s.shown().stream()).toList();
    }

    Group groupOf(int row) {
      return groups.get(row);
    }

    String tailLine() {
      return tail.line(workloads(), seats);
    }
  }

  private Grouping() {}

  /**
   * The workloads table of {@code verdict} as {@code table} holds it, grouped; or empty while it fits
   * one screen ({@link #MAX_ROWS} rows or fewer: it is then printed as it always was). A workload that
   * a reviewed or ignored finding, or a roll-out advice, names is never left out.
   */
  static Optional<Layout> of(Verdict verdict, List<ChangeTables.Row> table) {
    if (table.size() <= MAX_ROWS) {
      return Optional.empty();
    }
    Set<ObjectRef> named = new HashSet<>();
    verdict.reviewed().forEach(f -> named.add(f.subject()));
    verdict.skippedFindings().forEach(s -> named.add(s.finding().subject()));
    verdict.recommendations().forEach(r -> named.add(r.workload()));
    List<Contribution> rows = table.stream().map(r -> r.contribution().orElseThrow()).toList();
    List<ObjectRef> refs = rows.stream().map(Contribution::workload).toList();
    Map<Group, List<Integer>> byGroup = new LinkedHashMap<>();
    Map<Group, Double> groupSeats = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      byGroup.computeIfAbsent(rows.get(i).group(), g -> new ArrayList<>()).add(i);
      groupSeats.merge(rows.get(i).group(), rows.get(i).seats(), Double::sum);
    }
    Comparator<Integer> largestRow =
        Comparator.comparingDouble((Integer i) -> -rows.get(i).seats()).thenComparing(refs::get);
    // Each label written once: thousands of releases tie on seats, and a label per comparison was
    // most of the sort.
    Map<Group, String> labels = new HashMap<>();
    byGroup.keySet().forEach(g -> labels.put(g, g.label()));
    Comparator<Group> largestGroup =
        Comparator.comparingDouble((Group g) -> -groupSeats.get(g)).thenComparing(labels::get);
    byGroup.values().forEach(list -> list.sort(largestRow));

    Set<Integer> shown = new HashSet<>();
    Set<Group> open = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      if (named.contains(refs.get(i))) {
        shown.add(i);
        open.add(rows.get(i).group());
      }
    }
    // The largest releases first, each with its largest workload; then the largest workloads of
    // those releases.
    List<Group> largest = byGroup.keySet().stream().sorted(largestGroup).toList();
    for (Group g : largest) {
      if (open.size() >= MAX_GROUPS || shown.size() >= MAX_ROWS) {
        break;
      }
      if (open.add(g)) {
        shown.add(byGroup.get(g).get(0));
      }
    }
    List<Integer> candidates =
        IntStream.range(0, rows.size())
            .filter(i -> open.contains(rows.get(i).group()) && !shown.contains(i))
            .boxed()
            .sorted(largestRow)
            .toList();
    for (int i = 0; i < candidates.size() && shown.size() < MAX_ROWS; i++) {
      shown.add(candidates.get(i));
    }

    double total = 0;
    List<Section> sections = new ArrayList<>();
    Set<Group> tailGroups = new HashSet<>();
    List<Integer> tailRows = new ArrayList<>();
    double tailSeats = 0;
    for (Group g : largest) {
      List<Integer> members = byGroup.get(g);
      double seats = 0;
      for (int i : members) {
        seats += rows.get(i).seats();
        if (!shown.contains(i)) {
          tailRows.add(i);
          tailSeats += rows.get(i).seats();
          tailGroups.add(g);
        }
      }
      total += seats;
      if (open.contains(g)) {
        sections.add(
            new Section(
                g, members.size(), seats, members.stream().filter(shown::contains).toList()));
      }
    }
    tailRows.sort(Comparator.naturalOrder());
    return Optional.of(
        new Layout(
            sections,
            new Tail(tailRows, tailGroups, tailSeats),
            rows.stream().map(Contribution::group).toList(),
            total));
  }

  /** {@code 12 releases and 3 namespaces without a release}. */
  static String inGroups(Collection<Group> groups) {
    long releases = groups.stream().filter(Group::isRelease).count();
    long namespaces = groups.size() - releases;
    List<String> parts = new ArrayList<>();
    if (releases > 0 || namespaces == 0) {
      parts.add(count(releases, "release"));
    }
    if (namespaces > 0) {
      parts.add(count(namespaces, "namespace") + " without a release");
    }
    return String.join(" and ", parts);
  }

  /** {@code 16,646 workloads}: thousands grouped, as the figures beside it. */
  static String count(long n, String noun) {
    return Units.number(n) + " " + noun + (n == 1 ? "" : "s");
  }

  /** {@code 12.5 seats busy (4.2%)}: a share of every row's seats. */
  static String seatsBusy(double seats, double total) {
    return Units.number(seats)
        + " seats busy"
        + (total > 0 ? " (" + Units.percent(seats / total) + ")" : "");
  }
}
