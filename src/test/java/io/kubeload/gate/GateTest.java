package io.kubeload.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.LoadModel;
import io.kubeload.testing.TestManifests;
import io.kubeload.yaml.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTest {

  private static final ObjectRef TELEMETRY =
      new ObjectRef("DaemonSet", "telemetry", "node-telemetry");

  static Verdict judge(String sample, ClusterProfile profile, Policy policy) throws Exception {
    String yaml = Files.readString(Path.of("samples/manifests", sample));
    return Gate.judge(
        LoadModel.project(TestManifests.accessSets(yaml, profile), profile), policy, List.of());
  }

  static List<String> rules(Verdict verdict) {
    return verdict.findings().stream().map(f -> f.rule().id()).toList();
  }

  @Test
  void telemetryDaemonSetFailsInProductionOnStormMemoryAndEgress() throws Exception {
    Verdict verdict = judge("telemetry-daemonset.yaml", TestManifests.production(), Policy.DEFAULT);
    assertThat(verdict.passed()).isFalse();
    assertThat(rules(verdict))
        .containsExactly("list-memory", "startup-storm", "watch-egress", "restart-storm");
    assertThat(verdict.findings()).filteredOn(f -> f.severity() == Severity.ERROR).hasSize(3);
    assertThat(verdict.findings())
        .allSatisfy(
            f -> {
              assertThat(f.subject()).isEqualTo(TELEMETRY);
              assertThat(f.location().template())
                  .contains("node-telemetry/templates/daemonset.yaml");
              assertThat(f.fix()).contains("spec.nodeName");
            });
  }

  @Test
  void telemetryDaemonSetPassesInStagingAndItsBreakEvenLiesBetweenStagingAndProduction()
      throws Exception {
    Verdict verdict = judge("telemetry-daemonset.yaml", TestManifests.staging(), Policy.DEFAULT);
    assertThat(verdict.passed()).isTrue();
    OptionalInt breakEven = verdict.breakEvenNodes(TELEMETRY);
    assertThat(breakEven).isPresent();
    assertThat(breakEven.getAsInt()).isBetween(21, 5_000);
    // The break-even is exact: the workload passes one node below it.
    assertThat(
            judge(
                    "telemetry-daemonset.yaml",
                    TestManifests.staging().withNodes(breakEven.getAsInt() - 1),
                    Policy.DEFAULT)
                .passed())
        .isTrue();
    assertThat(
            judge(
                    "telemetry-daemonset.yaml",
                    TestManifests.staging().withNodes(breakEven.getAsInt()),
                    Policy.DEFAULT)
                .passed())
        .isFalse();
  }

  @Test
  void theOtherSamplesPassAtBothScales() throws Exception {
    for (String sample :
        List.of(
            "telemetry-daemonset-fixed.yaml",
            "web-deployment.yaml",
            "controller-deployment.yaml")) {
      for (ClusterProfile profile : List.of(TestManifests.staging(), TestManifests.production())) {
        Verdict verdict = judge(sample, profile, Policy.DEFAULT);
        assertThat(verdict.passed()).as(sample + " at " + profile.name()).isTrue();
        assertThat(verdict.findings()).as(sample).isEmpty();
      }
    }
  }

  @Test
  void theRecommendedRolloutIsTheFastestPaceTheSimulationConfirmsWithinTheRequestTimeout()
      throws Exception {
    Verdict verdict = judge("telemetry-daemonset.yaml", TestManifests.production(), Policy.DEFAULT);
    Recommendation r = verdict.recommendation(TELEMETRY).orElseThrow();
    double timeout = Policy.DEFAULT.requestTimeoutSeconds();
    assertThat(r.feasible()).isTrue();
    assertThat(r.storm().syncLagSeconds()).isLessThanOrEqualTo(timeout);
    assertThat(r.simulated().orElseThrow().saturatedSeconds()).isLessThanOrEqualTo((int) timeout);
    double memoryBudget =
        Policy.DEFAULT.transientListMemoryFraction()
            * verdict.projection().profile().apiServers().memoryBytes();
    // The pace keeps its own simulation in the memory budget, not only the closed form's average.
    assertThat(r.storm().peakTransientBytes()).isLessThanOrEqualTo(memoryBudget);
    assertThat(r.simulated().orElseThrow().peakTransientBytes()).isLessThanOrEqualTo(memoryBudget);
    assertThat(r.advice()).contains("phases of at most " + r.podsPerWave() + " pods");
    // One more pod per wave breaks the budget, in the closed form or in its simulation: the
    // recommendation is the largest that holds.
    var load = verdict.projection().workloads().get(0);
    var faster =
        load.workload()
            .withRollout(
                new io.kubeload.workload.RolloutStrategy(
                    "RollingUpdate", r.podsPerWave() + 1, 0, r.minReadySeconds(), "test"),
                io.kubeload.workload.Workload.Arrival.ALREADY_RUNNING);
    var closedForm = LoadModel.stormOf(load, faster, verdict.projection());
    var simulated =
        LoadModel.simulate(
            load, faster, verdict.projection(), r.simulated().orElseThrow().horizonSeconds());
    assertThat(
            closedForm.syncLagSeconds() > timeout
                || closedForm.peakTransientBytes() > memoryBudget
                || simulated.saturatedSeconds() > timeout
                || simulated.peakTransientBytes() > memoryBudget)
        .isTrue();
  }

  @Test
  void theListMemoryFindingQuotesTheProfilesAmplificationForTheCacheAndNothingForEtcdUnused()
      throws Exception {
    ClusterProfile p = TestManifests.production();
    ClusterProfile.ApiServers a = p.apiServers();
    ClusterProfile amplified =
        new ClusterProfile(
            p.name(),
            p.version(),
            p.nodes(),
            p.podsPerNode(),
            new ClusterProfile.ApiServers(
                a.replicas(),
                a.maxRequestsInflight(),
                a.maxMutatingRequestsInflight(),
                a.memoryBytes(),
                8),
            p.latency(),
            p.rollout(),
            p.resources(),
            p.existingSeatDemand(),
            p.nodePools());
    Verdict verdict = judge("telemetry-daemonset.yaml", amplified, Policy.DEFAULT);
    assertThat(verdict.findings())
        .filteredOn(f -> f.rule() == Rule.LIST_MEMORY)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message()).contains("each held 8× its response from the cache;");
              assertThat(f.message()).doesNotContain("etcd");
            });
  }

  @Test
  void noRecommendationWhenTheStartUpFits() throws Exception {
    assertThat(
            judge("telemetry-daemonset-fixed.yaml", TestManifests.production(), Policy.DEFAULT)
                .recommendations())
        .isEmpty();
  }

  @Test
  void aSaturatedLevelNamesWhoElseStarvesAndARestartThatNeverResyncsWarns() throws Exception {
    Verdict verdict = judge("telemetry-daemonset.yaml", TestManifests.production(), Policy.DEFAULT);
    assertThat(verdict.blastRadius())
        .singleElement()
        .satisfies(
            impact -> {
              assertThat(impact.level()).isEqualTo("workload-low");
              assertThat(impact.cause())
                  .contains("start-up storm of DaemonSet/telemetry/node-telemetry");
              assertThat(impact.consequence()).contains("every ServiceAccount outside kube-system");
              assertThat(impact.workloads()).containsExactly(TELEMETRY);
            });
    assertThat(verdict.findings())
        .filteredOn(f -> f.rule() == Rule.RESTART_STORM)
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void aKubeSystemAgentThatSaturatesWorkloadHighStarvesCoreDns() throws Exception {
    String yaml =
        Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml"))
            .replace("namespace: telemetry", "namespace: kube-system");
    ClusterProfile profile = TestManifests.production();
    Verdict verdict =
        Gate.judge(
            LoadModel.project(TestManifests.accessSets(yaml, profile), profile),
            Policy.DEFAULT,
            List.of());
    assertThat(verdict.blastRadius())
        .anySatisfy(
            impact -> {
              assertThat(impact.level()).isEqualTo("workload-high");
              assertThat(impact.consequence()).contains("CoreDNS").contains("DNS answers go stale");
            });
  }

  @Test
  void aWorkloadWithoutAccessHasNoBreakEven() throws Exception {
    Verdict verdict = judge("web-deployment.yaml", TestManifests.production(), Policy.DEFAULT);
    ObjectRef web = new ObjectRef("Deployment", "shop", "shop-web");
    assertThat(verdict.workloads()).containsKey(web);
    assertThat(verdict.breakEvenNodes(web)).isEmpty();
  }

  @Test
  void looserBudgetsLetTheSameChangePass() throws Exception {
    Policy loose = new Policy(10, 1e9, 100, 1e12);
    assertThat(judge("telemetry-daemonset.yaml", TestManifests.production(), loose).passed())
        .isTrue();
  }

  @Test
  void seatDemandOverTheLevelsBudgetNamesTheWritesItInflates() throws Exception {
    Policy tight = new Policy(0.5, 1e9, 100, 1e12);
    Verdict verdict = judge("telemetry-daemonset.yaml", TestManifests.production(), tight);
    Finding system =
        verdict.findings().stream()
            .filter(
                f ->
                    f.rule() == Rule.SEAT_DEMAND
                        && f.evidence().priorityLevel().equals(Optional.of("system")))
            .findFirst()
            .orElseThrow();
    assertThat(system.message())
        .contains("pods writes/s now hold 10 seats each (was 1)")
        .contains("5,000 interested watchers");
  }

  @Test
  void policyFileOverridesOnlyTheBudgetsItNames(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(
        file,
        """
        apiVersion: kubeload.io/v1alpha1
        kind: Policy
        spec:
          budgets:
            levelUtilization: 0.7
        """);
    Policy policy =
        Policy.parse(
            file.toString(), Files.readAllBytes(file), io.kubeload.yaml.InputLimits.DEFAULT);
    assertThat(policy.levelUtilization()).isEqualTo(0.7);
    assertThat(policy.watchBytesPerSecondPerReplica())
        .isEqualTo(Policy.DEFAULT.watchBytesPerSecondPerReplica());
  }

  @Test
  void policyFileWithAnUnknownBudgetIsAnErrorNamingItsLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(
        file, "apiVersion: kubeload.io/v1alpha1\nkind: Policy\nspec:\n  budgets:\n    seats: 3\n");
    assertThatThrownBy(
            () ->
                Policy.parse(
                    file.toString(),
                    Files.readAllBytes(file),
                    io.kubeload.yaml.InputLimits.DEFAULT))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("policy.yaml:5:")
        .hasMessageContaining("unknown key 'seats'");
  }
}
