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
    var verdict = Samples.judge(Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml")), TestManifests.production());
    JsonNode curve = new ObjectMapper().readTree(Reports.render(verdict, Format.JSON)).at("/workloads/0/loadCurve");

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
    assertThat(atProfile.path("syncLagSeconds").asDouble()).isGreaterThan(atProfile.path("budgetSyncLagSeconds").asDouble());
    assertThat(atProfile.path("listMemoryBytes").asDouble()).isGreaterThan(atProfile.path("budgetListMemoryBytes").asDouble());
    assertThat(atProfile.path("breaksBudget").asBoolean()).isTrue();
  }

  /** The count of pods synced is its own field, beside the per-second column of pods synced by each second's end. */
  @Test
  void aSimulationSaysHowManyPodsSyncedBesideItsPerSecondColumn() throws Exception {
    var verdict = Samples.judge(Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml")), TestManifests.production());
    JsonNode report = new ObjectMapper().readTree(Reports.render(verdict, Format.JSON));
    JsonNode simulation = report.at("/workloads/0/simulation");
    var simulated = verdict.simulations().rolloutOf(verdict.projection().workloads().get(0).ref()).orElseThrow();

    assertThat(simulation.path("podsSynced").asInt()).isEqualTo(simulated.syncedPods()).isLessThan(simulation.path("pods").asInt());
    assertThat(simulation.path("syncedPods").isArray()).isTrue();
    JsonNode column = simulation.path("syncedPods");
    assertThat(column.get(column.size() - 1).asInt()).isEqualTo(simulated.syncedPods());
  }
}
