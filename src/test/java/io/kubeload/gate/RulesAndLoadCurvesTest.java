package io.kubeload.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.access.catalog.Catalog;
import io.kubeload.access.catalog.CatalogEntry;
import io.kubeload.testing.TestManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rule metadata matches the rules the code and docs name; load curves agree with break-even. */
class RulesAndLoadCurvesTest {

  @Test
  void everyRuleInThePolicyDocsAndTheCatalogIsDescribed() throws Exception {
    Set<String> documented = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|").matcher(Files.readString(Path.of("docs/policy.md")));
    while (row.find()) {
      documented.add(row.group(1));
    }
    documented.add(Ignores.FORBIDDEN);
    Set<String> described = Rules.all().stream().map(Rules.Rule::id).collect(Collectors.toCollection(TreeSet::new));
    assertThat(described).isEqualTo(documented);
    Set<String> catalogNotes = Catalog.entries().stream().flatMap(e -> e.notes().stream()).map(CatalogEntry.NoteRule::rule)
        .collect(Collectors.toSet());
    assertThat(described).containsAll(catalogNotes);
    assertThat(Rules.all()).filteredOn(Rules.Rule::budget).extracting(Rules.Rule::id)
        .containsExactly(Budgets.SEAT_DEMAND, Budgets.STARTUP_STORM, Budgets.LIST_MEMORY, Budgets.WATCH_EGRESS);
  }

  @Test
  void everyFindingOfTheSamplesHasRuleMetadataOfItsSeverity() throws Exception {
    for (String sample : List.of("telemetry-daemonset.yaml", "gpu-exporter-daemonset.yaml", "web-deployment.yaml", "controller-deployment.yaml")) {
      for (Finding f : GateTest.judge(sample, TestManifests.production(), Policy.DEFAULT).findings()) {
        assertThat(Rules.of(f.rule())).as(f.rule()).hasValueSatisfying(r -> assertThat(r.severity()).isEqualTo(f.severity()));
      }
    }
  }

  @Test
  void theLoadCurveBreaksTheBudgetFromTheBreakEvenNodeCountOn() throws Exception {
    Verdict verdict = GateTest.judge("telemetry-daemonset.yaml", TestManifests.production(), Policy.DEFAULT);
    String ref = "DaemonSet/telemetry/node-telemetry";
    LoadCurve curve = verdict.loadCurves().get(ref);
    OptionalInt breakEven = verdict.breakEvenNodes().get(ref);
    assertThat(breakEven).isPresent();
    List<Integer> nodes = curve.points().stream().map(LoadCurve.Point::nodes).toList();
    assertThat(nodes).isSorted().doesNotHaveDuplicates().startsWith(Gate.STAGING_NODES)
        .contains(breakEven.getAsInt(), verdict.projection().profile().nodes());
    assertThat(nodes.get(nodes.size() - 1)).isGreaterThanOrEqualTo(2 * io.kubeload.model.Physics.SUPPORTED_MAXIMUM_NODES);
    for (LoadCurve.Point p : curve.points()) {
      assertThat(p.breaksBudget()).as(p.nodes() + " nodes").isEqualTo(p.nodes() >= breakEven.getAsInt());
    }
    for (int i = 1; i < curve.points().size(); i++) {
      assertThat(curve.points().get(i).peakSeats()).isGreaterThanOrEqualTo(curve.points().get(i - 1).peakSeats());
    }
    LoadCurve.Point atProfile = curve.points().stream().filter(p -> p.nodes() == verdict.projection().profile().nodes()).findFirst().orElseThrow();
    var load = verdict.projection().workloads().get(0);
    var level = verdict.projection().levelLoads().stream().filter(l -> l.name().equals(load.priorityLevel())).findFirst().orElseThrow();
    assertThat(atProfile.peakSeats()).isCloseTo(level.existing() + load.storm().seatsDemanded(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(atProfile.budgetSeats()).isEqualTo(level.seats() * Policy.DEFAULT.levelUtilization());
  }

  @Test
  void theCurveChartsTheBudgetsTheGateBreaksAndTheirFiguresAreTheFindings() throws Exception {
    for (String sample : List.of("telemetry-daemonset.yaml", "gpu-exporter-daemonset.yaml", "web-deployment.yaml", "controller-deployment.yaml")) {
      Verdict verdict = GateTest.judge(sample, TestManifests.production(), Policy.DEFAULT);
      int profileNodes = verdict.projection().profile().nodes();
      for (LoadCurve curve : verdict.loadCurves().values()) {
        Set<String> broken = verdict.findings().stream()
            .filter(f -> f.severity() == Severity.ERROR && f.workload().equals(curve.workload()))
            .map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
        List<LoadCurve.Budget> charted = curve.charted(profileNodes);
        if (broken.isEmpty()) {
          assertThat(charted).as(sample).hasSize(1);
        } else {
          assertThat(charted).as(sample).extracting(LoadCurve.Budget::rule).containsExactlyElementsOf(broken);
        }
      }
    }
    Verdict telemetry = GateTest.judge("telemetry-daemonset.yaml", TestManifests.production(), Policy.DEFAULT);
    var load = telemetry.projection().workloads().get(0);
    int replicas = telemetry.projection().profile().apiServers().replicas();
    LoadCurve.Point atProfile = telemetry.loadCurves().get(load.ref().toString()).at(telemetry.projection().profile().nodes()).orElseThrow();
    assertThat(atProfile.watchBytesPerSecond()).isEqualTo(load.watchBytesPerSecond() / replicas);
    assertThat(atProfile.budgetWatchBytesPerSecond()).isEqualTo(1e9);
    assertThat(atProfile.listMemoryBytes()).isEqualTo(load.storm().peakTransientBytes());
    assertThat(atProfile.budgetListMemoryBytes())
        .isEqualTo(Policy.DEFAULT.transientListMemoryFraction() * telemetry.projection().profile().apiServers().memoryBytes());
    assertThat(atProfile.syncLagSeconds()).isEqualTo(load.storm().syncLagSeconds());
    assertThat(atProfile.budgetSyncLagSeconds()).isEqualTo(Policy.DEFAULT.requestTimeoutSeconds());
  }

  @Test
  void curvesStartAtTheStagingPresetsNodeCount() {
    assertThat(Gate.STAGING_NODES).isEqualTo(TestManifests.staging().nodes());
  }

  @Test
  void aWorkloadThatMakesNoRequestsHasNoCurve() {
    String yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: quiet, namespace: shop}
        spec:
          selector: {matchLabels: {app: quiet}}
          template:
            metadata:
              labels: {app: quiet}
              annotations: {kubeload.io/access: "[]"}
            spec:
              automountServiceAccountToken: false
              containers: [{name: quiet, image: example/quiet:1}]
        """;
    var profile = TestManifests.production();
    Verdict verdict = Gate.judge(io.kubeload.model.LoadModel.project(TestManifests.accessSets(yaml, profile), profile), Policy.DEFAULT, List.of());
    assertThat(verdict.projection().workloads()).hasSize(1);
    assertThat(verdict.loadCurves()).isEmpty();
  }
}
