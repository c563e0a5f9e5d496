package io.kubeload.cluster.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kubeload.cluster.ClusterFacts;
import io.kubeload.cluster.ClusterFacts.Fact;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.ProfileDraft;
import io.kubeload.cluster.Profiles;
import io.kubeload.cluster.Scaled;
import io.kubeload.yaml.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiServerMetricsTest {

  static final String LATER = "src/test/resources/metrics/apiserver-1.34.txt";
  static final String EARLIER = "src/test/resources/metrics/apiserver-1.34-earlier.txt";

  static ApiServerMetrics.Scrape read(String file) {
    try {
      return ApiServerMetrics.parse(file, Files.readAllBytes(Path.of(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ClusterFacts facts() {
    return ApiServerMetrics.facts(
        read(LATER),
        Optional.of(read(EARLIER)),
        300,
        Optional.of(new Fact<>(3, "--api-servers 3")));
  }

  @Test
  void countsSizesSeatsAndVersionComeFromOneScrape() {
    ClusterFacts facts = facts();
    assertThat(facts.serverVersion().orElseThrow().value()).isEqualTo("v1.34.1");
    assertThat(facts.nodes().orElseThrow().value()).isEqualTo(1_200);
    assertThat(facts.objects().get("pods").value()).isEqualTo(36_000);
    assertThat(facts.objects().get("ciliumendpoints.cilium.io").value()).isEqualTo(35_500);
    assertThat(facts.objects().get("endpointslices").value()).isEqualTo(2_400);
    assertThat(facts.objects())
        .as("-1 means the server could not count")
        .doesNotContainKey("apiservices");
    assertThat(facts.sizeBytes().get("pods").value()).isEqualTo(12_000);
    assertThat(facts.sizeBytes().get("ciliumendpoints.cilium.io").value())
        .isCloseTo(2_200, within(1e-9));
    assertThat(facts.sizeBytes()).doesNotContainKey("secrets");
    assertThat(facts.seatDemand()).doesNotContainKey("exempt");
    assertThat(facts.seatDemand().get("workload-low").value()).isEqualTo(31);
    assertThat(facts.seatDemand().get("workload-high").value())
        .as("summed over flow schemas")
        .isEqualTo(8);
    assertThat(facts.seatDemand().get("workload-low").source())
        .contains("31 seats in use of 245 nominal");
    assertThat(facts.nominalSeats().get("workload-low").value()).isEqualTo(245);
  }

  @Test
  void writeRatesAreSuccessfulWritesBetweenTwoScrapesTimesTheApiServers() {
    ClusterFacts facts = facts();
    // pods: PATCH status 6/s + POST 1/s + DELETE 1/s on one server; the 409s, the dry run and the
    // reads do not count.
    assertThat(facts.writesPerSecond().get("pods").value()).isCloseTo(8 * 3, within(1e-9));
    assertThat(facts.writesPerSecond().get("leases").value()).isCloseTo(120 * 3, within(1e-9));
    assertThat(facts.writesPerSecond().get("ciliumendpoints.cilium.io").value())
        .isCloseTo(10 * 3, within(1e-9));
    assertThat(facts.writesPerSecond().get("pods").source())
        .contains("8 writes/s (DELETE 1, PATCH 6, POST 1) on one API server × 3 API servers");
    ClusterFacts oneScrape =
        ApiServerMetrics.facts(read(LATER), Optional.empty(), 0, Optional.empty());
    assertThat(oneScrape.writesPerSecond()).isEmpty();
  }

  @Test
  void countersThatWentDownMeanTwoDifferentServers() {
    assertThatThrownBy(
            () ->
                ApiServerMetrics.facts(
                    read(EARLIER), Optional.of(read(LATER)), 300, Optional.empty()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("apiserver_request_total went down");
  }

  @Test
  void theDraftedProfileCarriesTheMeasuredFiguresAndThePresetsForTheRest() {
    ClusterProfile profile =
        ProfileDraft.draft("prod-eu", facts(), "production", LATER, List.of("header")).profile();
    ClusterProfile production = Profiles.load("production");
    assertThat(profile.version().toString()).isEqualTo("1.34");
    assertThat(profile.nodes()).isEqualTo(1_200);
    assertThat(profile.podsPerNode()).isEqualTo(30);
    assertThat(profile.objects("pods")).isEqualTo(36_000);
    assertThat(profile.objects("ciliumendpoints.cilium.io")).isCloseTo(35_500, within(1e-6));
    assertThat(profile.objects("events")).isCloseTo(18_000, within(1e-6));
    // The preset counts CiliumEndpoints per pod, so the measured count keeps that basis and grows
    // with the cluster.
    assertThat(profile.resource("ciliumendpoints.cilium.io").orElseThrow().count().basis())
        .as("grows with the cluster")
        .isEqualTo(Scaled.Basis.PER_POD);
    assertThat(profile.withNodes(2_400).objects("ciliumendpoints.cilium.io"))
        .isCloseTo(71_000, within(1e-6));
    assertThat(profile.churn("pods")).isCloseTo(24, within(1e-9));
    assertThat(profile.churn("services"))
        .as("not measured: the preset's")
        .isEqualTo(production.withNodes(1_200).churn("services"));
    assertThat(profile.resource("pods").orElseThrow().sizeBytes()).isEqualTo(12_000);
    assertThat(profile.resource("services").orElseThrow().sizeBytes())
        .as("not measured: the preset's")
        .isEqualTo(1_500);
    assertThat(profile.apiServers().replicas()).isEqualTo(3);
    // 602 nominal seats over 7 levels: a limit of 596 to 602; the preset's 640 is outside, so the
    // middle.
    assertThat(profile.apiServers().concurrencyLimit())
        .as("the middle of 596 to 602")
        .isEqualTo(599);
    assertThat(profile.existingSeatDemand())
        .containsEntry("workload-low", 31.0)
        .containsEntry("system", 9.0)
        .doesNotContainKey("exempt");
    assertThat(profile.latency()).isEqualTo(production.latency());
  }
}
