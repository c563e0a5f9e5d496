package io.kubeload.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.Profiles;
import io.kubeload.gate.Policy;
import io.kubeload.gate.Severity;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.testing.TestManifests;
import io.kubeload.workload.Workload;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.InputLimits;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AnalyzerTest {

  private static final ClusterProfile PRODUCTION = Profiles.load("production");

  private static ManifestSet sample(String... files) throws IOException {
    StringBuilder yaml = new StringBuilder();
    for (String file : files) {
      yaml.append("---\n").append(Files.readString(Path.of(file), StandardCharsets.UTF_8));
    }
    return TestManifests.set(yaml.toString());
  }

  private static AnalysisRequest request(
      ManifestSet change, Optional<ManifestSet> baseline, GateMode gate) {
    return new AnalysisRequest(
        change,
        PRODUCTION,
        List.of(),
        Policy.DEFAULT,
        baseline,
        new AnalysisRequest.Options(
            60, gate, Optional.empty(), SourceLocator.AS_READ, InputLimits.DEFAULT));
  }

  private static Map<String, Workload.Arrival> arrivals(Verdict verdict) {
    return verdict.projection().workloads().stream()
        .map(WorkloadLoad::workload)
        .collect(Collectors.toMap(w -> w.ref().toString(), Workload::arrival));
  }

  @Test
  void withoutABaselineEveryWorkloadIsNew() throws IOException {
    Verdict verdict =
        Analyzer.analyze(
            request(
                sample("samples/manifests/web-deployment.yaml"),
                Optional.empty(),
                GateMode.CHANGE));

    assertThat(arrivals(verdict))
        .containsExactly(Map.entry("Deployment/shop/shop-web", Workload.Arrival.NEW));
  }

  @Test
  void theBaselinesWorkloadsArriveAlreadyRunningAndOnlyTheAddedOnesAreNew() throws IOException {
    ManifestSet baseline = sample("samples/manifests/web-deployment.yaml");
    ManifestSet change =
        sample(
            "samples/baseline/web-deployment-v2.yaml",
            "samples/manifests/controller-deployment.yaml");

    Verdict verdict = Analyzer.analyze(request(change, Optional.of(baseline), GateMode.CHANGE));

    Map<String, Workload.Arrival> arrivals = arrivals(verdict);
    assertThat(arrivals)
        .containsEntry("Deployment/shop/shop-web", Workload.Arrival.ALREADY_RUNNING);
    assertThat(arrivals).hasSize(2).containsValue(Workload.Arrival.NEW);
  }

  @Test
  void gateAllFailsOnTheBaselinesOwnErrorsThatGateChangeLeavesAsWarnings() throws IOException {
    String heavy = "samples/manifests/telemetry-daemonset.yaml";
    ManifestSet baseline = sample(heavy, "samples/manifests/web-deployment.yaml");
    ManifestSet change = sample(heavy, "samples/baseline/web-deployment-v2.yaml");

    Verdict changeOnly = Analyzer.analyze(request(change, Optional.of(baseline), GateMode.CHANGE));
    Verdict all = Analyzer.analyze(request(change, Optional.of(baseline), GateMode.ALL));

    assertThat(changeOnly.passed()).isTrue();
    assertThat(changeOnly.count(Severity.ERROR)).isZero();
    assertThat(all.passed()).isFalse();
    assertThat(all.count(Severity.ERROR)).isPositive();
  }

  @Test
  void inputsWithoutAWorkloadAreRefusedWithTheirObjectCount() {
    ManifestSet onlyAccounts =
        TestManifests.set(
            """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: a}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: b}
        """);

    assertThatThrownBy(
            () -> Analyzer.analyze(request(onlyAccounts, Optional.empty(), GateMode.CHANGE)))
        .isInstanceOfSatisfying(
            NoWorkloadException.class, e -> assertThat(e.objects()).isEqualTo(2));
  }

  @Test
  void flowControlSourcesSkipTheirClusterProfileAndRefuseAnyOtherKind() {
    String profile = Profiles.presetText("staging").orElseThrow();
    String level =
        """
        ---
        apiVersion: flowcontrol.apiserver.k8s.io/v1
        kind: PriorityLevelConfiguration
        metadata: {name: agents}
        spec: {type: Limited, limited: {nominalConcurrencyShares: 10, limitResponse: {type: Reject}}}
        """;

    List<Manifest> flowControl =
        Analyzer.flowControl(List.of(source("cluster.yaml", profile + level)), InputLimits.DEFAULT);

    assertThat(flowControl).extracting(Manifest::name).containsExactly("agents");
    Source stray =
        source(
            "cluster.yaml",
            profile + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    assertThatThrownBy(() -> Analyzer.flowControl(List.of(stray), InputLimits.DEFAULT))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("cluster.yaml:")
        .hasMessageContaining("only FlowSchemas and PriorityLevelConfigurations, not ConfigMap");
  }

  /**
   * Without a baseline the simulations run on the projection alone: what it and the judgement hold
   * leaves the objects read to the collector (at fleet scale they were most of the heap while the
   * restart ran), the workload's own typed object too; the projection keeps its identity.
   */
  @Test
  @Timeout(60)
  void onceProjectedWithoutABaselineTheObjectsReadCanBeCollected() throws IOException {
    Projected projected = projectedWeb();
    // A weak reference is cleared once a collection finds nothing else holds the set; the JVM
    // may need more than one request to collect.
    for (int i = 0;
        i < 50 && (projected.read().get() != null || projected.typed().get() != null);
        i++) {
      System.gc();
    }

    assertThat(projected.read().get()).isNull();
    assertThat(projected.typed().get()).isNull();
    Manifest kept = projected.projected().projection().workloads().get(0).workload().manifest();
    assertThat(kept.typed()).isEmpty();
    assertThat(kept.ref().name()).isEqualTo("shop-web");
    assertThat(kept.raw()).containsOnlyKeys("apiVersion", "kind", "metadata");
    // Only a change gate compares pod specs: without a baseline none is kept, and reading one
    // fails.
    Workload judged = projected.projected().projection().workloads().get(0).workload();
    assertThatThrownBy(judged::podSpec)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shop-web");
    assertThat(projected.projected().change()).isEmpty();
    assertThat(Analyzer.judge(projected.projected(), Progress.SILENT).projection().workloads())
        .hasSize(1);
  }

  /** With a baseline, the change gate compares the pods' containers: both projections keep them. */
  @Test
  void withABaselineBothProjectionsKeepTheirPodSpecs() throws IOException {
    ManifestSet read = sample("samples/manifests/web-deployment.yaml");
    Analyzer.Projected projected =
        Analyzer.project(
            request(
                read,
                Optional.of(sample("samples/manifests/web-deployment.yaml")),
                GateMode.CHANGE),
            Progress.SILENT);

    assertThat(projected.projection().workloads().get(0).workload().podSpec().getContainers())
        .isNotEmpty();
    assertThat(
            projected
                .change()
                .orElseThrow()
                .baseline()
                .workloads()
                .get(0)
                .workload()
                .podSpec()
                .getContainers())
        .isNotEmpty();
  }

  private record Projected(
      WeakReference<ManifestSet> read, WeakReference<Object> typed, Analyzer.Projected projected) {}

  /** The web sample projected, and the set it was read as, which no frame holds once this returns. */
  private static Projected projectedWeb() throws IOException {
    ManifestSet read = sample("samples/manifests/web-deployment.yaml");
    return new Projected(
        new WeakReference<>(read),
        new WeakReference<>(
            read.manifests().stream()
                .filter(m -> m.kind().equals("Deployment"))
                .findFirst()
                .orElseThrow()
                .typed()
                .orElseThrow()),
        Analyzer.project(request(read, Optional.empty(), GateMode.CHANGE), Progress.SILENT));
  }

  @Test
  void aSourceKeepsItsOwnCopyOfTheBytes() {
    byte[] bytes = "kind: x".getBytes(StandardCharsets.UTF_8);
    Source source = new Source("a.yaml", bytes);
    bytes[0] = 'K';
    source.bytes()[1] = 'I';

    assertThat(new String(source.bytes(), StandardCharsets.UTF_8)).isEqualTo("kind: x");
  }

  private static Source source(String name, String text) {
    return new Source(name, text.getBytes(StandardCharsets.UTF_8));
  }
}
