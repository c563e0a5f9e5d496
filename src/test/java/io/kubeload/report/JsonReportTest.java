package io.kubeload.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeload.testing.TestManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON report carries the load curve the charts draw, every budget beside its figure. */
class JsonReportTest {

  @Test
  void theLoadCurveNamesTheBudgetsThatBreakAndCarriesTheirFiguresAndLines() throws Exception {
    var verdict =
        Samples.judge(
            Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml")),
            TestManifests.production());
    JsonNode curve =
        new ObjectMapper()
            .readTree(Reports.render(verdict, Format.JSON))
            .at("/workloads/0/loadCurve");

    assertThat(curve.path("priorityLevel").asText()).isEqualTo("workload-low");
    List<String> charted = new ArrayList<>();
    curve.path("charted").forEach(r -> charted.add(r.asText()));
    assertThat(charted).containsExactly("list-memory", "startup-storm", "watch-egress");
    JsonNode atProfile = null;
    for (JsonNode p : curve.path("points")) {
      if (p.path("nodes").asInt() == 5_000) {
        atProfile = p;
      }
    }
    assertThat(atProfile).isNotNull();
    assertThat(atProfile.path("budgetWatchBytesPerSecond").asDouble()).isEqualTo(1e9);
    assertThat(atProfile.path("watchBytesPerSecond").asDouble()).isGreaterThan(1e9);
    assertThat(atProfile.path("syncLagSeconds").asDouble())
        .isGreaterThan(atProfile.path("budgetSyncLagSeconds").asDouble());
    assertThat(atProfile.path("listMemoryBytes").asDouble())
        .isGreaterThan(atProfile.path("budgetListMemoryBytes").asDouble());
    assertThat(atProfile.path("breaksBudget").asBoolean()).isTrue();
  }

  /** Each finding points at the accesses it rests on, where they came from, and the figures its message is written from. */
  @Test
  void aFindingLinksItsAccessesCausesAndEvidence() throws Exception {
    var verdict =
        Samples.judge(
            Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml")),
            TestManifests.production());
    JsonNode report = new ObjectMapper().readTree(Reports.render(verdict, Format.JSON));
    var load = verdict.projection().workloads().get(0);
    int accesses = report.at("/workloads/0/accesses").size();
    assertThat(accesses).isEqualTo(load.accesses().size()).isPositive();
    List<String> rules = new ArrayList<>();
    for (JsonNode finding : report.path("findings")) {
      rules.add(finding.path("rule").asText());
      JsonNode causes = finding.path("causes");
      assertThat(causes.get(causes.size() - 1).path("line").asInt())
          .isEqualTo(finding.at("/location/line").asInt());
      assertThat(finding.path("accesses"))
          .as(finding.path("rule").asText())
          .isNotEmpty()
          .allSatisfy(i -> assertThat(i.asInt()).isBetween(0, accesses - 1));
    }
    assertThat(rules).contains("startup-storm", "watch-egress", "list-memory");
    JsonNode storm = findingOf(report, "startup-storm");
    assertThat(storm.at("/evidence/figure").asText()).isEqualTo("syncLagSeconds");
    assertThat(storm.at("/evidence/unit").asText()).isEqualTo("seconds");
    assertThat(storm.at("/evidence/value").asDouble())
        .isEqualTo(JsonReport.round(load.storm().syncLagSeconds()).doubleValue());
    assertThat(storm.at("/evidence/budget").asDouble()).isEqualTo(60);
    assertThat(storm.at("/evidence/priorityLevel").asText()).isEqualTo(load.priorityLevel());
    JsonNode egress = findingOf(report, "watch-egress");
    assertThat(egress.at("/evidence/value").asDouble())
        .isGreaterThan(egress.at("/evidence/budget").asDouble());
    int dominant = egress.at("/accesses/0").asInt();
    assertThat(report.at("/workloads/0/accesses/" + dominant + "/resource").asText())
        .isEqualTo("pods");
  }

  private static JsonNode findingOf(JsonNode report, String rule) {
    for (JsonNode finding : report.path("findings")) {
      if (finding.path("rule").asText().equals(rule)) {
        return finding;
      }
    }
    throw new AssertionError("no " + rule + " finding");
  }

  /** The count of pods synced is its own field, beside the per-second column of pods synced by each second's end. */
  @Test
  void aSimulationSaysHowManyPodsSyncedBesideItsPerSecondColumn() throws Exception {
    var verdict =
        Samples.judge(
            Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml")),
            TestManifests.production());
    JsonNode report = new ObjectMapper().readTree(Reports.render(verdict, Format.JSON));
    JsonNode simulation = report.at("/workloads/0/simulation");
    var simulated =
        verdict
            .simulations()
            .rolloutOf(verdict.projection().workloads().get(0).ref())
            .orElseThrow();

    assertThat(simulation.path("podsSynced").asInt())
        .isEqualTo(simulated.syncedPods())
        .isLessThan(simulation.path("pods").asInt());
    assertThat(simulation.path("syncedPods").isArray()).isTrue();
    JsonNode column = simulation.path("syncedPods");
    assertThat(column.get(column.size() - 1).asInt()).isEqualTo(simulated.syncedPods());
  }
}
