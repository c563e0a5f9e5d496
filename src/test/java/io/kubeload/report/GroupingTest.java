package io.kubeload.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kubeload.gate.Evidence;
import io.kubeload.gate.Finding;
import io.kubeload.gate.Rule;
import io.kubeload.gate.Severity;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.LevelLoad;
import io.kubeload.model.Units;
import io.kubeload.testing.TestManifests;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A repository of many small releases (more workloads than a table shows): grouped by release, or
 * by namespace where none is named, largest first; the rest in one line whose figures add up.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class GroupingTest {

  private static final int RELEASES = 30;

  private static final int LOOSE = 6;

  private static Verdict fleet;

  /** Release {@code i} has {@code i % 3 + 1} Deployments of 1 to 5 replicas; {@link #LOOSE} more name no release. */
  static String fleetYaml(String hostileRelease) {
    List<String> documents = new ArrayList<>();
    for (int i = 0; i < RELEASES; i++) {
      String release = i == 0 && hostileRelease != null ? hostileRelease : "rel-" + i;
      String namespace = "ns-" + i % 6;
      documents.addAll(access("sa-" + i, namespace));
      for (int j = 0; j <= i % 3; j++) {
        documents.add(
            deployment("app-" + i + "-" + j, namespace, release, 1 + (i * 7 + j) % 5, "sa-" + i));
      }
    }
    documents.addAll(access("loose", "loose"));
    for (int j = 0; j < LOOSE; j++) {
      documents.add(deployment("loose-" + j, "loose", null, 1 + j % 2, "loose"));
    }
    return String.join("---\n", documents);
  }

  private static List<String> access(String account, String namespace) {
    String meta = "metadata:\n  name: " + account + "\n  namespace: " + namespace + "\n";
    return List.of(
        "apiVersion: v1\nkind: ServiceAccount\n" + meta,
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n"
            + meta
            + "rules:\n  - apiGroups: [\"\"]\n    resources: [\"configmaps\"]\n    verbs: [\"get\", \"list\", \"watch\"]\n",
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n"
            + meta
            + "roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: "
            + account
            + "\n"
            + "subjects:\n  - kind: ServiceAccount\n    name: "
            + account
            + "\n    namespace: "
            + namespace
            + "\n");
  }

  private static String deployment(
      String name, String namespace, String release, int replicas, String account) {
    String labels =
        release == null
            ? ""
            : "  labels:\n    app.kubernetes.io/instance: \""
                + release
                    .replace("\\", "\\\\")
                    .replace("\"", "\\\"")
                    .replace("\n", "\\n")
                    .replace("\r", "\\r")
                    .replace("\u001b", "\\e")
                + "\"\n";
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: "
        + name
        + "\n  namespace: "
        + namespace
        + "\n"
        + labels
        + "spec:\n  replicas: "
        + replicas
        + "\n  selector:\n    matchLabels: {app: "
        + name
        + "}\n  template:\n"
        + "    metadata:\n      labels: {app: "
        + name
        + "}\n    spec:\n      serviceAccountName: "
        + account
        + "\n"
        + "      containers:\n        - name: app\n          image: example.invalid/app:1\n";
  }

  @BeforeAll
  static void judge() {
    fleet = Samples.judge(fleetYaml(null), TestManifests.production());
  }

  private static List<ChangeTables.Row> rows(Verdict verdict) {
    return ChangeTables.workloads(verdict).rows();
  }

  private static Grouping.Layout layout(Verdict verdict) {
    return Grouping.of(verdict, rows(verdict)).orElseThrow();
  }

  /** The verdict with one more finding, naming {@code workload}. */
  private static Verdict naming(Verdict v, ObjectRef workload) {
    List<Finding> findings = new ArrayList<>(v.findings());
    findings.add(
        new Finding(
            Severity.WARNING,
            Rule.SEAT_DEMAND,
            workload,
            new Evidence.Note("named by a finding"),
            v.projection().workloads().get(0).workload().location(),
            "none",
            Finding.Gating.GATED,
            List.of()));
    return new Verdict(
        v.projection(),
        v.simulations(),
        v.policy(),
        findings,
        v.workloads(),
        v.blastRadius(),
        v.skippedTestHooks(),
        v.skippedFindings(),
        v.comparison());
  }

  @Test
  void aTableThatFitsOneScreenIsNotGrouped() {
    Samples.verdicts()
        .forEach(
            judged ->
                assertThat(Grouping.of(judged.verdict(), rows(judged.verdict())))
                    .as(judged.name())
                    .isEmpty());
    assertThat(fleet.projection().workloads()).hasSizeGreaterThan(Grouping.MAX_ROWS);
  }

  @Test
  void releasesComeLargestFirstAndSoDoTheirWorkloadsTiesByName() {
    Grouping.Layout layout = layout(fleet);
    List<ChangeTables.Row> rows = rows(fleet);
    List<Grouping.Section> sections = layout.sections();
    for (int s = 1; s < sections.size(); s++) {
      Grouping.Section before = sections.get(s - 1);
      Grouping.Section after = sections.get(s);
      assertThat(
              before.seats() > after.seats()
                  || (before.seats() == after.seats()
                      && before.group().label().compareTo(after.group().label()) < 0))
          .as("%s before %s", before.group().label(), after.group().label())
          .isTrue();
    }
    for (Grouping.Section section : sections) {
      for (int k = 1; k < section.shown().size(); k++) {
        ChangeTables.Row a = rows.get(section.shown().get(k - 1));
        ChangeTables.Row b = rows.get(section.shown().get(k));
        double sa = a.contribution().orElseThrow().seats();
        double sb = b.contribution().orElseThrow().seats();
        assertThat(sa > sb || (sa == sb && a.name().compareTo(b.name()) < 0))
            .as("%s before %s", a.name(), b.name())
            .isTrue();
      }
      section
          .shown()
          .forEach(
              i ->
                  assertThat(rows.get(i).contribution().orElseThrow().group())
                      .isEqualTo(section.group()));
    }
    assertThat(sections).extracting(s -> s.group().label()).contains("namespace loose");
    assertThat(sections.get(0).group().isRelease()).isTrue();
  }

  @Test
  void theCapHoldsAndTheTailAddsUpWithTheShownRowsToTheWhole() {
    Grouping.Layout layout = layout(fleet);
    List<ChangeTables.Row> rows = rows(fleet);
    List<Integer> shown = layout.shown();
    assertThat(shown).hasSizeLessThanOrEqualTo(Grouping.MAX_ROWS).doesNotHaveDuplicates();
    assertThat(layout.sections()).hasSizeLessThanOrEqualTo(Grouping.MAX_GROUPS);
    assertThat(layout.tail().rows()).isNotEmpty().doesNotContainAnyElementsOf(shown);

    Set<Integer> all = new HashSet<>(shown);
    all.addAll(layout.tail().rows());
    assertThat(all)
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, rows.size()).boxed().toList());

    double whole = fleet.projection().levelLoads().stream().mapToDouble(LevelLoad::demand).sum();
    assertThat(whole).isPositive();
    assertThat(layout.seats()).isCloseTo(whole, within(whole * 1e-9));
    double shownSeats =
        shown.stream().mapToDouble(i -> rows.get(i).contribution().orElseThrow().seats()).sum();
    assertThat(shownSeats + layout.tail().seats()).isCloseTo(whole, within(whole * 1e-9));
    assertThat(
            layout.sections().stream().mapToInt(Grouping.Section::workloads).sum()
                + layout.tail().rows().stream()
                    .filter(
                        i ->
                            layout.sections().stream()
                                .noneMatch(s -> s.group().equals(layout.groupOf(i))))
                    .count())
        .isEqualTo(rows.size());

    Set<Grouping.Group> tailGroups = new HashSet<>();
    layout
        .tail()
        .rows()
        .forEach(i -> tailGroups.add(rows.get(i).contribution().orElseThrow().group()));
    assertThat(layout.tail().groups()).isEqualTo(tailGroups);

    String text = Reports.render(fleet, Format.TEXT);
    String line =
        "… and "
            + Units.number(layout.tail().rows().size())
            + " more workloads in "
            + Grouping.inGroups(tailGroups)
            + ", together "
            + Units.number(layout.tail().seats())
            + " seats busy in steady state ("
            + Units.percent(layout.tail().seats() / whole)
            + " of the "
            + Units.number(whole)
            + " of all "
            + rows.size()
            + ")";
    assertThat(text).contains("\n" + line + "\n");
    assertThat(Reports.render(fleet, Format.MARKDOWN))
        .contains("\n" + Markup.markdown(line) + ": ");
    assertThat(Reports.render(fleet, Format.HTML)).contains("<p>" + Markup.xml(line) + ": ");
  }

  @Test
  void aWorkloadAFindingNamesIsNeverInTheTail() {
    Grouping.Layout plain = layout(fleet);
    List<ChangeTables.Row> rows = rows(fleet);
    // The smallest workload of a release left out entirely: the last of the tail in the
    // largest-first order.
    ChangeTables.Row smallestRow =
        plain.tail().rows().stream()
            .map(rows::get)
            .min(
                (a, b) ->
                    Double.compare(
                                a.contribution().orElseThrow().seats(),
                                b.contribution().orElseThrow().seats())
                            != 0
                        ? Double.compare(
                            a.contribution().orElseThrow().seats(),
                            b.contribution().orElseThrow().seats())
                        : b.name().compareTo(a.name()))
            .orElseThrow();
    String smallest = smallestRow.name();

    Verdict named = naming(fleet, smallestRow.contribution().orElseThrow().workload());
    Grouping.Layout layout = layout(named);
    assertThat(layout.shown()).extracting(i -> rows.get(i).name()).contains(smallest);
    assertThat(layout.tail().rows()).extracting(i -> rows.get(i).name()).doesNotContain(smallest);
    for (Format format : List.of(Format.TEXT, Format.MARKDOWN, Format.HTML)) {
      String report = Reports.render(named, format);
      assertThat(report.split(Pattern.quote(smallest), -1).length - 1)
          .as(format.label())
          .isGreaterThanOrEqualTo(2);
    }
    assertThat(Reports.render(named, Format.HTML))
        .contains("<a href=\"#" + HtmlReport.anchor(rowIndex(rows, smallest), smallest) + "\">");
  }

  private static int rowIndex(List<ChangeTables.Row> rows, String name) {
    return IntStream.range(0, rows.size())
        .filter(i -> rows.get(i).name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theSameInputInAnyOrderGivesTheSameReports() {
    List<String> documents = new ArrayList<>(List.of(fleetYaml(null).split("---\n")));
    Collections.reverse(documents);
    Verdict reversed = Samples.judge(String.join("---\n", documents), TestManifests.production());
    Verdict again = Samples.judge(fleetYaml(null), TestManifests.production());
    for (Format format : List.of(Format.TEXT, Format.MARKDOWN, Format.HTML)) {
      String report = Reports.render(fleet, format);
      assertThat(Reports.render(again, format)).as(format.label()).isEqualTo(report);
      // Reversed, each object is written at another line: the reports differ in those lines only.
      assertThat(Reports.render(reversed, format).replaceAll("\\.yaml:\\d+", ".yaml:N"))
          .as(format.label())
          .isEqualTo(report.replaceAll("\\.yaml:\\d+", ".yaml:N"));
    }
  }

  @Test
  void aHostileReleaseNameIsTextInEveryFormat() {
    String hostile = "evil\n### ✅ kubeload: PASS | x | @octocat <b>bold</b> *e* \u001b[2J\r";
    // Named by a finding, so that its release is shown whatever its size.
    Verdict verdict =
        naming(
            Samples.judge(fleetYaml(hostile), TestManifests.production()),
            new ObjectRef("Deployment", "ns-0", "app-0-0"));
    Grouping.Layout layout = layout(verdict);
    assertThat(layout.sections()).extracting(s -> s.group().release()).contains(hostile);

    String text = Reports.render(verdict, Format.TEXT);
    assertThat(text).contains("release evil\\n### ✅ kubeload: PASS").doesNotContain("\u001b", "\r");
    assertThat(text.lines()).noneMatch(l -> l.startsWith("### "));

    String markdown = Reports.render(verdict, Format.MARKDOWN);
    assertThat(markdown)
        .doesNotContain("<b>bold", "@octocat", "\u001b")
        .contains("@\u2060octocat", "&lt;b&gt;bold");
    String heading =
        markdown.lines().filter(l -> l.contains("release evil")).findFirst().orElseThrow();
    String header =
        markdown.lines().filter(l -> l.startsWith("| workload |")).findFirst().orElseThrow();
    assertThat(pipes(heading)).as(heading).isEqualTo(pipes(header));
    assertThat(markdown.lines().filter(l -> l.startsWith("#")))
        .as("the verdict's heading alone")
        .hasSize(1);

    String html = Reports.render(verdict, Format.HTML);
    assertThat(html)
        .doesNotContain("<b>bold", "\u001b")
        .contains("<h3>release evil\n### ✅ kubeload: PASS | x | @octocat &lt;b&gt;bold&lt;/b&gt;");
  }

  /** Cell separators: pipes not escaped by a backslash. */
  private static long pipes(String line) {
    String unescaped = line.replace("\\\\", "").replace("\\|", "");
    return unescaped.chars().filter(c -> c == '|').count();
  }
}
