package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the calibration changed in the findings a reviewer reads: harm rather than any 429, the
 * catalog's chart value in the fix, information that is not a warning, one warning for a workload's
 * unknown resources.
 */
class CalibratedFindingsTest {

  private static final String CASES = "src/test/resources/calibration/";

  private static JsonNode json(CliRun run) throws Exception {
    return new ObjectMapper().readTree(run.stdout());
  }

  private static List<JsonNode> findings(JsonNode report, String rule) {
    List<JsonNode> out = new ArrayList<>();
    report
        .path("findings")
        .forEach(
            f -> {
              if (f.path("rule").asText().equals(rule)) {
                out.add(f);
              }
            });
    return out;
  }

  @Test
  void aStartupStormWhose429sClearWithinTheRequestTimeoutPasses() throws Exception {
    // 400 replicas listing every Deployment, ReplicaSet and Secret as they start at 3,000 nodes:
    // more
    // than workload-low serves at once, so APF answers hundreds 429, but the backlog clears in
    // seconds.
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: inventory
          namespace: ops
          annotations:
            kubeload.io/access: |
              - {resource: deployments, pattern: informer}
              - {resource: replicasets, pattern: informer}
              - {resource: secrets, pattern: informer}
        spec:
          replicas: 400
          selector: {matchLabels: {app: inventory}}
          template:
            metadata: {labels: {app: inventory}}
            spec:
              containers: [{name: inventory, image: example.com/inventory:1}]
        """;
    CliRun run =
        CliRun.withStdin(
            yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "analyze",
            "-",
            "--nodes",
            "3000",
            "--format",
            "json");
    assertThat(run.exitCode()).isEqualTo(ExitCode.PASS);
    JsonNode storm = json(run).path("workloads").get(0).path("startupStorm");
    assertThat(storm.path("rejected").asDouble())
        .as("APF answers some of the storm's LISTs 429")
        .isPositive();
    assertThat(storm.path("syncLagSeconds").asDouble()).isLessThan(60);
    assertThat(findings(json(run), "startup-storm")).isEmpty();
  }

  @Test
  void aStormThatOutlastsTheRequestTimeoutFailsAndItsFixNamesTheChartsValue() throws Exception {
    CliRun run =
        CliRun.of(
            "analyze",
            CASES + "otel-collector-no-nodefilter-3000/manifests",
            "--nodes",
            "3000",
            "--format",
            "json");
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAIL);
    List<JsonNode> storm = findings(json(run), "startup-storm");
    assertThat(storm).hasSize(1);
    assertThat(storm.get(0).path("message").asText())
        .contains("past the 60 s request time-out")
        .doesNotContain("event budget");
    assertThat(storm.get(0).path("fix").asText()).contains("filter.node_from_env_var");
  }

  @Test
  void theCiliumEndpointFanOutFixEnablesCiliumEndpointSlices() throws Exception {
    CliRun run =
        CliRun.of(
            "analyze",
            CASES + "cilium-default-1000/manifests",
            "--nodes",
            "5000",
            "--format",
            "json");
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAIL);
    assertThat(run.stdout()).contains("ciliumEndpointSlice.enabled=true");
  }

  @Test
  void aLeastPrivilegeGapTheCatalogAccountsForIsInformationNotAWarning() throws Exception {
    String manifests = CASES + "kube-proxy-nftables-5000/manifests";
    JsonNode report = json(CliRun.of("analyze", manifests, "--format", "json"));
    List<JsonNode> gaps = findings(report, "rbac-upper-bound");
    assertThat(gaps)
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.path("severity").asText()).isEqualTo("info"));
    assertThat(report.path("summary").path("info").asInt()).isEqualTo(gaps.size());
    int warnings = 0;
    for (JsonNode f : report.path("findings")) {
      warnings += f.path("severity").asText().equals("warning") ? 1 : 0;
    }
    assertThat(report.path("summary").path("warnings").asInt()).isEqualTo(warnings);
    CliRun text = CliRun.of("analyze", manifests);
    assertThat(text.stdout())
        .doesNotContain("rbac-upper-bound")
        .contains(warnings + (warnings == 1 ? " warning," : " warnings,"));
    assertThat(CliRun.of("explain", "DaemonSet/kube-system/kube-proxy", manifests).stdout())
        .contains("info rbac-upper-bound");
  }

  @Test
  void aWorkloadsUnknownCustomResourcesAreOneWarningNamingThemAll() throws Exception {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: operator
          namespace: ops
          annotations:
            kubeload.io/access: |
              - {resource: widgets.example.com, pattern: informer}
              - {resource: gadgets.example.com, pattern: informer}
              - {resource: gizmos.example.com, pattern: informer}
        spec:
          selector: {matchLabels: {app: operator}}
          template:
            metadata: {labels: {app: operator}}
            spec:
              containers: [{name: operator, image: example.com/operator:1}]
        """;
    JsonNode report =
        json(
            CliRun.withStdin(
                yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "analyze",
                "-",
                "--format",
                "json"));
    List<JsonNode> unknown = findings(report, "unknown-resource");
    assertThat(unknown).hasSize(1);
    assertThat(unknown.get(0).path("message").asText())
        .contains("3 resources")
        .contains("gadgets.example.com, gizmos.example.com, widgets.example.com");
  }
}
