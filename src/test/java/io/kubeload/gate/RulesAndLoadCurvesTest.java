package io.kubeload.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.access.NoteKind;
import io.kubeload.manifest.ObjectRef;
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

/** Rule metadata matches the rules the code, checks and docs name; load curves agree with break-even. */
class RulesAndLoadCurvesTest {

  @Test
  void everyRuleInThePolicyDocsAndTheCatalogIsDescribed() throws Exception {
    Set<String> documented = new TreeSet<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `([a-z-]+)` \\|")
            .matcher(Files.readString(Path.of("docs/policy.md")));
    while (row.find()) {
      documented.add(row.group(1));
    }
    documented.add(Rule.IGNORE_FORBIDDEN.id());
    assertThat(new TreeSet<>(Rule.ids())).isEqualTo(documented);
    for (NoteKind kind : NoteKind.values()) {
      assertThat(Rule.of(kind).id()).isEqualTo(kind.id());
    }
    assertThat(Rule.values())
        .filteredOn(Rule::budget)
        .containsExactly(Rule.SEAT_DEMAND, Rule.STARTUP_STORM, Rule.LIST_MEMORY, Rule.WATCH_EGRESS);
  }

  /** SARIF results point into the rules array by index, and JUnit lists the budgets in this order: a new rule goes last. */
  @Test
  void theRulesKeepTheOrderReportsIndexThemBy() {
    assertThat(Rule.ids())
        .containsExactly(
            "seat-demand",
            "startup-storm",
            "list-memory",
            "watch-egress",
            "ignore-forbidden",
            "scales-with-cluster",
            "restart-storm",
            "apf-configuration",
            "unknown-resource",
            "rbac-upper-bound",
            "rbac-wildcard",
            "rbac-role-not-found",
            "namespace-unset",
            "config-unread",
            "catalog-partial",
            "etcd-quorum-read",
            "log-stream-fanout",
            "catalog-incomplete");
  }

  @Test
  void everyRuleHasExactlyOneCheck() {
    List<Rule> checked = Checks.ALL.stream().flatMap(c -> c.rules().stream()).toList();
    assertThat(checked).containsExactlyInAnyOrder(Rule.values());
    assertThat(Checks.ALL).containsAll(Checks.BUDGETS).containsAll(Checks.COMPARED);
    assertThat(Checks.BUDGETS.stream().flatMap(c -> c.rules().stream())).allMatch(Rule::budget);
  }

  @Test
  void everyFindingOfTheSamplesHasRuleMetadataOfItsSeverity() throws Exception {
    for (String sample :
        List.of(
            "telemetry-daemonset.yaml",
            "gpu-exporter-daemonset.yaml",
            "web-deployment.yaml",
            "controller-deployment.yaml")) {
      for (Finding f :
          GateTest.judge(sample, TestManifests.production(), Policy.DEFAULT).findings()) {
        assertThat(f.severity()).as(f.rule().id()).isEqualTo(f.rule().severity());
      }
    }
  }

  @Test
  void theLoadCurveBreaksTheBudgetFromTheBreakEvenNodeCountOn() throws Exception {
    Verdict verdict =
        GateTest.judge("telemetry-daemonset.yaml", TestManifests.production(), Policy.DEFAULT);
    ObjectRef ref = new ObjectRef("DaemonSet", "telemetry", "node-telemetry");
    LoadCurve curve = verdict.loadCurve(ref).orElseThrow();
    OptionalInt breakEven = verdict.breakEvenNodes(ref);
    assertThat(breakEven).isPresent();
    List<Integer> nodes = curve.points().stream().map(LoadCurve.Point::nodes).toList();
    assertThat(nodes)
        .isSorted()
        .doesNotHaveDuplicates()
        .startsWith(Gate.STAGING_NODES)
        .contains(breakEven.getAsInt(), verdict.projection().profile().nodes());
    assertThat(nodes.get(nodes.size() - 1))
        .isGreaterThanOrEqualTo(2 * io.kubeload.model.Physics.SUPPORTED_MAXIMUM_NODES);
    for (LoadCurve.Point p : curve.points()) {
      assertThat(p.breaksBudget())
          .as(p.nodes() + " nodes")
          .isEqualTo(p.nodes() >= breakEven.getAsInt());
    }
    for (int i = 1; i < curve.points().size(); i++) {
      assertThat(curve.points().get(i).peakSeats())
          .isGreaterThanOrEqualTo(curve.points().get(i - 1).peakSeats());
    }
    LoadCurve.Point atProfile =
        curve.points().stream()
            .filter(p -> p.nodes() == verdict.projection().profile().nodes())
            .findFirst()
            .orElseThrow();
    var load = verdict.projection().workloads().get(0);
    var level =
        verdict.projection().levelLoads().stream()
            .filter(l -> l.name().equals(load.priorityLevel()))
            .findFirst()
            .orElseThrow();
    assertThat(atProfile.peakSeats())
        .isCloseTo(
            level.existing() + load.storm().seatsDemanded(),
            org.assertj.core.data.Offset.offset(1e-9));
    assertThat(atProfile.budgetSeats())
        .isEqualTo(level.seats() * Policy.DEFAULT.levelUtilization());
  }

  @Test
  void theCurveChartsTheBudgetsTheGateBreaksAndTheirFiguresAreTheFindings() throws Exception {
    for (String sample :
        List.of(
            "telemetry-daemonset.yaml",
            "gpu-exporter-daemonset.yaml",
            "web-deployment.yaml",
            "controller-deployment.yaml")) {
      Verdict verdict = GateTest.judge(sample, TestManifests.production(), Policy.DEFAULT);
      int profileNodes = verdict.projection().profile().nodes();
      for (LoadCurve curve : verdict.loadCurves()) {
        // The order findings sort rules in: by id.
        Set<String> broken =
            verdict.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR && f.subject().equals(curve.workload()))
                .map(f -> f.rule().id())
                .collect(Collectors.toCollection(TreeSet::new));
        List<LoadCurve.Budget> charted = curve.charted(profileNodes);
        if (broken.isEmpty()) {
          assertThat(charted).as(sample).hasSize(1);
        } else {
          assertThat(charted)
              .as(sample)
              .extracting(b -> b.rule().id())
              .containsExactlyElementsOf(broken);
        }
      }
    }
    Verdict telemetry =
        GateTest.judge("telemetry-daemonset.yaml", TestManifests.production(), Policy.DEFAULT);
    var load = telemetry.projection().workloads().get(0);
    int replicas = telemetry.projection().profile().apiServers().replicas();
    LoadCurve.Point atProfile =
        telemetry
            .loadCurve(load.ref())
            .orElseThrow()
            .at(telemetry.projection().profile().nodes())
            .orElseThrow();
    assertThat(atProfile.watchBytesPerSecond()).isEqualTo(load.watchBytesPerSecond() / replicas);
    assertThat(atProfile.budgetWatchBytesPerSecond()).isEqualTo(1e9);
    assertThat(atProfile.listMemoryBytes()).isEqualTo(load.storm().peakTransientBytes());
    assertThat(atProfile.budgetListMemoryBytes())
        .isEqualTo(
            Policy.DEFAULT.transientListMemoryFraction()
                * telemetry.projection().profile().apiServers().memoryBytes());
    assertThat(atProfile.syncLagSeconds()).isEqualTo(load.storm().syncLagSeconds());
    assertThat(atProfile.budgetSyncLagSeconds()).isEqualTo(Policy.DEFAULT.requestTimeoutSeconds());
  }

  @Test
  void curvesStartAtTheStagingPresetsNodeCount() {
    assertThat(Gate.STAGING_NODES).isEqualTo(TestManifests.staging().nodes());
  }

  @Test
  void aWorkloadThatMakesNoRequestsHasNoCurve() {
    String yaml =
        """
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
    Verdict verdict =
        Gate.judge(
            io.kubeload.model.LoadModel.project(TestManifests.accessSets(yaml, profile), profile),
            Policy.DEFAULT,
            List.of());
    assertThat(verdict.projection().workloads()).hasSize(1);
    assertThat(verdict.loadCurves()).isEmpty();
  }
}
