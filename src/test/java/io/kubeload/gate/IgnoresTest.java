package io.kubeload.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.cli.CliRun;
import io.kubeload.model.LoadModel;
import io.kubeload.testing.TestManifests;
import io.kubeload.yaml.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubeload.io/ignore skips a workload's findings with a reason, unless the policy forbids it. */
class IgnoresTest {

  private static String telemetry(String ignore) throws Exception {
    String yaml = Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml"));
    return yaml.replaceFirst(
        "kind: DaemonSet\nmetadata:\n",
        "kind: DaemonSet\nmetadata:\n  annotations:\n    kubeload.io/ignore: \"" + ignore + "\"\n");
  }

  private static Verdict judge(String yaml, Policy policy) {
    var profile = TestManifests.production();
    return Gate.judge(
        LoadModel.project(TestManifests.accessSets(yaml, profile), profile), policy, List.of());
  }

  @Test
  void ignoredFindingsAreSkippedWithTheirReasonAndTheRestStand() throws Exception {
    List<String> unignored =
        judge(telemetry("watch-egress=capped"), Policy.DEFAULT).findings().stream()
            .map(f -> f.rule().id())
            .filter(r -> !r.equals("watch-egress"))
            .distinct()
            .toList();
    Verdict verdict =
        judge(
            telemetry("watch-egress=egress is capped by a NetworkPolicy, list-memory=measured"),
            Policy.DEFAULT);
    assertThat(verdict.findings())
        .extracting(Finding::rule)
        .contains(Rule.STARTUP_STORM)
        .doesNotContain(Rule.WATCH_EGRESS, Rule.LIST_MEMORY);
    assertThat(verdict.skippedFindings())
        .extracting(s -> s.finding().rule(), SkippedFinding::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Rule.LIST_MEMORY, "measured"),
            org.assertj.core.groups.Tuple.tuple(
                Rule.WATCH_EGRESS, "egress is capped by a NetworkPolicy"));
    assertThat(verdict.passed()).isFalse();
    String everything =
        String.join(", ", unignored.stream().map(r -> r + "=checked").toList())
            + ", watch-egress=checked";
    assertThat(judge(telemetry(everything), Policy.DEFAULT).passed()).isTrue();
  }

  @Test
  void aPolicyThatForbidsIgnoresTurnsEachIntoAnError() throws Exception {
    Policy strict = new Policy(1.0, 0, 0.5, 125_000_000, false);
    Verdict verdict = judge(telemetry("watch-egress=capped"), strict);
    assertThat(verdict.skippedFindings()).isEmpty();
    assertThat(verdict.findings())
        .extracting(Finding::rule)
        .contains(Rule.WATCH_EGRESS, Rule.IGNORE_FORBIDDEN);
    assertThat(verdict.findings())
        .filteredOn(f -> f.rule() == Rule.IGNORE_FORBIDDEN)
        .singleElement()
        .satisfies(
            f -> assertThat(f.message()).contains("watch-egress (capped)", "allowIgnores: false"));
  }

  @Test
  void thePolicyFileSwitchesIgnoresOff(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(
        file, "apiVersion: kubeload.io/v1alpha1\nkind: Policy\nspec:\n  allowIgnores: false\n");
    assertThat(
            Policy.parse(
                    file.toString(), Files.readAllBytes(file), io.kubeload.yaml.InputLimits.DEFAULT)
                .allowIgnores())
        .isFalse();
    assertThat(
            Policy.parse(
                    file.toString(), Files.readAllBytes(file), io.kubeload.yaml.InputLimits.DEFAULT)
                .levelUtilization())
        .isEqualTo(Policy.DEFAULT.levelUtilization());
    Files.writeString(
        file, "apiVersion: kubeload.io/v1alpha1\nkind: Policy\nspec:\n  allowIgnores: maybe\n");
    assertThatThrownBy(
            () ->
                Policy.parse(
                    file.toString(),
                    Files.readAllBytes(file),
                    io.kubeload.yaml.InputLimits.DEFAULT))
        .isInstanceOf(InputException.class)
        .hasMessageEndingWith(":4: spec.allowIgnores must be true or false, not 'maybe'");
  }

  @Test
  void reportsListTheSkippedFindings(@TempDir Path dir) throws Exception {
    Path manifests = dir.resolve("telemetry.yaml");
    Files.writeString(manifests, telemetry("watch-egress=egress is capped"));
    CliRun text = CliRun.of("analyze", manifests.toString());
    assertThat(text.stdout())
        .contains("1 finding ignored")
        .contains(
            "IGNORED error watch-egress  DaemonSet/telemetry/node-telemetry: egress is capped (kubeload.io/ignore")
        .doesNotContain("ERROR watch-egress");
    CliRun json = CliRun.of("analyze", manifests.toString(), "--format", "json");
    assertThat(json.stdout())
        .contains(
            "\"skippedFindings\" : [ {", "\"reason\" : \"egress is capped\"", "\"ignoredAt\" : {");
    Files.writeString(manifests, telemetry("watch-egress"));
    CliRun bad = CliRun.of("analyze", manifests.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.stderr()).contains("watch-egress needs a reason");
  }
}
