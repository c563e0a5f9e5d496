package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --baseline}: the change is judged against the target branch. The existing load counts
 * against capacity, but only what the change causes can fail the check.
 */
class BaselineTest {

  private static final String HEAVY = "samples/manifests/telemetry-daemonset.yaml";
  private static final String WEB = "samples/manifests/web-deployment.yaml";
  private static final String WEB_V2 = "samples/baseline/web-deployment-v2.yaml";
  private static final String TELEMETRY = "DaemonSet/telemetry/node-telemetry";

  @TempDir Path dir;

  @Test
  void anExistingHeavyWorkloadDoesNotFailAChangeThatLeavesItAlone() throws IOException {
    JsonNode report = json(List.of(HEAVY, WEB_V2), List.of(HEAVY, WEB), ExitCode.PASS);
    assertThat(report.get("verdict").asText()).isEqualTo("pass");
    assertThat(report.at("/delta/preExistingErrors").asInt()).isEqualTo(3);
    assertThat(status(report, TELEMETRY)).isEqualTo("unchanged");
    assertThat(status(report, "Deployment/shop/shop-web")).isEqualTo("changed");
    assertThat(changes(report, "Deployment/shop/shop-web"))
        .containsExactly(
            "pods 20 → 30", "image web: example.com/shop-web:2.4.1 → example.com/shop-web:2.5.0");
    assertThat(findings(report, "error")).isEmpty();
    assertThat(findings(report, "warning"))
        .contains("watch-egress", "startup-storm", "list-memory");
  }

  @Test
  void theSameHeavyWorkloadFailsWhenTheChangeAddsIt() throws IOException {
    JsonNode report = json(List.of(HEAVY, WEB), List.of(WEB), ExitCode.FAIL);
    assertThat(status(report, TELEMETRY)).isEqualTo("added");
    assertThat(report.at("/delta/preExistingErrors").asInt()).isZero();
    assertThat(findings(report, "error")).contains("watch-egress", "startup-storm", "list-memory");
    JsonNode workloadLow = levelDelta(report, "workload-low");
    assertThat(workloadLow.get("before").asDouble()).isZero();
    assertThat(workloadLow.get("added").asDouble()).isPositive();
  }

  @Test
  void changingTheHeavyWorkloadRollsItOutSoItsStartUpIsGatedButNotItsUnchangedSteadyLoad()
      throws IOException {
    Path bumped =
        variant(HEAVY, "example.com/node-telemetry:1.0.0", "example.com/node-telemetry:1.0.1");
    JsonNode report = json(List.of(bumped.toString()), List.of(HEAVY), ExitCode.FAIL);
    assertThat(status(report, TELEMETRY)).isEqualTo("changed");
    assertThat(changes(report, TELEMETRY))
        .containsExactly(
            "image agent: example.com/node-telemetry:1.0.0 → example.com/node-telemetry:1.0.1");
    assertThat(findings(report, "error")).containsExactlyInAnyOrder("startup-storm", "list-memory");
    assertThat(findings(report, "warning")).contains("watch-egress");
  }

  @Test
  void aChangeThatMakesAnExistingErrorWorseFailsAndNamesTheRbacChange() throws IOException {
    Path wider =
        variant(
            HEAVY,
            "resources: [\"pods\", \"nodes\"]",
            "resources: [\"pods\", \"nodes\", \"endpointslices\"]");
    JsonNode report = json(List.of(wider.toString()), List.of(HEAVY), ExitCode.FAIL);
    assertThat(findings(report, "error")).contains("watch-egress");
    assertThat(changes(report, TELEMETRY))
        .anySatisfy(
            c -> assertThat(c).startsWith("RBAC: + get,list,watch endpointslices (cluster)"));
  }

  @Test
  void aFixedComponentConfigurationIsNamedWithTheAccessesItRemoves() throws IOException {
    JsonNode report =
        json(
            List.of("src/test/resources/catalog/fluentd/fixed.yaml"),
            List.of("src/test/resources/catalog/fluentd/harmful.yaml"),
            ExitCode.PASS);
    assertThat(changes(report, "DaemonSet/logging/fluentd"))
        .contains("config: ConfigMap fluentd-config changed")
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("config: + list,watch pods (own-node) as informer; − ")
                    .contains("list,watch pods (cluster)"));
    assertThat(levelDelta(report, "system").get("added").asDouble()).isNegative();
  }

  @Test
  void aChangeToAFieldNoStageReadsIsNamedAsSuch() throws IOException {
    // The reader keeps a typed workload's identity, not its spec: the change is seen in the
    // document's digest.
    Path revised = variant(WEB, "  replicas: 3\n", "  replicas: 3\n  revisionHistoryLimit: 4\n");
    JsonNode report = json(List.of(revised.toString()), List.of(WEB), ExitCode.PASS);
    assertThat(status(report, "Deployment/shop/shop-web")).isEqualTo("changed");
    assertThat(changes(report, "Deployment/shop/shop-web"))
        .containsExactly(
            "other fields changed (labels, annotations, ...): no effect on the API server's load");

    JsonNode same = json(List.of(WEB), List.of(WEB), ExitCode.PASS);
    assertThat(status(same, "Deployment/shop/shop-web")).isEqualTo("unchanged");
  }

  @Test
  void gateAllFailsOnTheBaselinesOwnErrorsToo() throws IOException {
    JsonNode report =
        json(List.of(HEAVY, WEB_V2), List.of(HEAVY, WEB), ExitCode.FAIL, "--gate", "all");
    assertThat(report.at("/delta/gate").asText()).isEqualTo("all");
    assertThat(report.at("/delta/preExistingErrors").asInt()).isZero();
    assertThat(findings(report, "error")).contains("watch-egress");
  }

  @Test
  void aRemovedWorkloadIsListedWithItsLoadBefore() throws IOException {
    JsonNode report = json(List.of(WEB), List.of(HEAVY, WEB), ExitCode.PASS);
    JsonNode removed = workloadDelta(report, TELEMETRY);
    assertThat(removed.get("status").asText()).isEqualTo("removed");
    assertThat(removed.get("after").isNull()).isTrue();
    assertThat(removed.at("/before/pods").asInt()).isEqualTo(5_000);
  }

  @Test
  void envChangesNameTheVariablesButNeverTheirValues() throws IOException {
    Path withSecret =
        variant(
            HEAVY,
            "          env:\n",
            "          env:\n            - name: API_TOKEN\n              value: \"canary-8c1f2e\"\n");
    CliRun run =
        CliRun.of("analyze", withSecret.toString(), "--baseline", HEAVY, "--format", "json");
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout()).contains("env API_TOKEN changed").doesNotContain("canary-8c1f2e");
  }

  @Test
  void theTextReportLeadsWithTheChange() {
    CliRun run = CliRun.of("analyze", HEAVY, WEB, "--baseline", WEB);
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAIL);
    assertThat(run.stdout().lines().limit(6).toList())
        .containsSubsequence(
            "against the baseline: 1 added, 0 changed, 1 unchanged, 0 removed",
            "CHANGE                              STATUS  PODS       REQUESTS/S  PEAK SEATS  WATCH EVENTS/S  SCALING        BREAKS A BUDGET FROM");
  }

  @Test
  void gateWithoutABaselineIsAUsageError() {
    CliRun run = CliRun.of("analyze", WEB, "--gate", "change");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .isEqualTo(
            "kubeload: --gate needs --baseline: without a baseline every error fails the check\n");
  }

  @Test
  void aBadBaselineFileIsBadInputNamingIt() throws IOException {
    Path broken = Files.writeString(dir.resolve("base.yaml"), "apiVersion: v1\nkind: [\n");
    CliRun run = CliRun.of("analyze", WEB, "--baseline", broken.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr()).startsWith("kubeload: " + broken + ":");
    assertThat(run.stderr().lines()).hasSize(1);
  }

  private JsonNode json(
      List<String> change, List<String> baseline, int expectedExit, String... extra)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("analyze"));
    args.addAll(change);
    baseline.forEach(b -> args.addAll(List.of("--baseline", b)));
    args.addAll(List.of("--format", "json"));
    args.addAll(List.of(extra));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.stderr()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(expectedExit);
    return new ObjectMapper().readTree(run.stdout());
  }

  private Path variant(String sample, String from, String to) throws IOException {
    String text = Files.readString(Path.of(sample), StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    return Files.writeString(
        dir.resolve("changed-" + Path.of(sample).getFileName()), text.replace(from, to));
  }

  private static JsonNode workloadDelta(JsonNode report, String ref) {
    return StreamSupport.stream(report.at("/delta/workloads").spliterator(), false)
        .filter(w -> w.get("ref").asText().equals(ref))
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode levelDelta(JsonNode report, String level) {
    return StreamSupport.stream(report.at("/delta/priorityLevels").spliterator(), false)
        .filter(l -> l.get("name").asText().equals(level))
        .findFirst()
        .orElseThrow();
  }

  private static String status(JsonNode report, String ref) {
    return workloadDelta(report, ref).get("status").asText();
  }

  private static List<String> changes(JsonNode report, String ref) {
    return StreamSupport.stream(workloadDelta(report, ref).get("changes").spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  private static List<String> findings(JsonNode report, String severity) {
    return StreamSupport.stream(report.get("findings").spliterator(), false)
        .filter(f -> f.get("severity").asText().equals(severity))
        .map(f -> f.get("rule").asText())
        .toList();
  }
}
