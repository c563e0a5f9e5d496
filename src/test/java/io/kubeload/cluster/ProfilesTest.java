package io.kubeload.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.yaml.InputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilesTest {

  @Test
  void presetsDifferOnlyInNodeCount() {
    ClusterProfile production = Profiles.load("production");
    ClusterProfile staging = Profiles.load("staging");
    assertThat(production.nodes()).isEqualTo(5_000);
    assertThat(staging.nodes()).isEqualTo(20);
    ClusterProfile scaled = staging.withNodes(5_000);
    assertThat(scaled.version()).isEqualTo(production.version());
    assertThat(scaled.podsPerNode()).isEqualTo(production.podsPerNode());
    assertThat(scaled.apiServers()).isEqualTo(production.apiServers());
    assertThat(scaled.latency()).isEqualTo(production.latency());
    assertThat(scaled.rollout()).isEqualTo(production.rollout());
    assertThat(scaled.resources()).isEqualTo(production.resources());
  }

  @Test
  void perNodeAndPerPodCountsScaleWithNodesAndAbsoluteOnesDoNot() {
    ClusterProfile production = Profiles.load("production");
    assertThat(production.objects("pods")).isEqualTo(150_000);
    assertThat(production.objects("nodes")).isEqualTo(5_000);
    assertThat(production.withNodes(100).objects("pods")).isEqualTo(3_000);
    assertThat(production.withNodes(100).churn("pods"))
        .isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(production.objects("nosuchresource")).isZero();
  }

  @Test
  void presetTextIsTheYamlThatLoadsAndCitesItsSources() {
    String text = Profiles.presetText("production").orElseThrow();
    assertThat(text).contains("kind: ClusterProfile").contains("kops preset", "CL2 load");
    assertThat(Profiles.parse("copy.yaml", text.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Profiles.load("production"));
  }

  @Test
  void unknownKeysNegativeNumbersAndDoubleBasesAreErrorsWithLines() {
    String base = Profiles.presetText("staging").orElseThrow();
    assertThatThrownBy(
            () ->
                Profiles.parse(
                    "p.yaml",
                    base.replace("  podsPerNode: 30", "  podsPerNode: 30\n  nodez: 3")
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("p.yaml:")
        .hasMessageContaining("unknown key 'nodez'");
    assertThatThrownBy(
            () ->
                Profiles.parse(
                    "p.yaml",
                    base.replace("  podsPerNode: 30", "  podsPerNode: -1")
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("spec.podsPerNode must be at least 0");
    assertThatThrownBy(
            () ->
                Profiles.parse(
                    "p.yaml",
                    base.replace("      countPerPod: 1", "      countPerPod: 1\n      count: 5")
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("give only one of count");
    assertThatThrownBy(
            () ->
                Profiles.parse(
                    "p.yaml",
                    base.replace("\"1.37\"", "\"1.20\"").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not supported: the model covers 1.27 and later");
  }

  @Test
  void versionsUpTo138AndLaterAreAcceptedAndOnesBeyondTheModelAreJudgedAsTheNewestItKnows() {
    String base = Profiles.presetText("staging").orElseThrow();
    for (String version : List.of("1.27", "1.36", "1.37", "1.38", "1.40")) {
      ClusterProfile parsed =
          Profiles.parse(
              "p.yaml",
              base.replace("\"1.37\"", "\"" + version + "\"").getBytes(StandardCharsets.UTF_8));
      assertThat(parsed.version()).hasToString(version);
      assertThat(parsed.version().modelled())
          .isEqualTo(!version.equals("1.38") && !version.equals("1.40"));
    }
    assertThat(KubernetesVersion.parse("1.38").describe())
        .isEqualTo("1.38 (judged as 1.37, whose changes are the newest modelled)");
    assertThat(KubernetesVersion.parse("1.37").describe()).isEqualTo("1.37");
  }

  @Test
  void everySizePresetIsTheProductionPresetAtAnotherSizeAndEksDiffersOnlyInItsControlPlane() {
    ClusterProfile production = Profiles.load("production");
    assertThat(Profiles.PRESETS).containsExactly("production", "large", "medium", "staging", "eks");
    assertThat(Profiles.load("medium").nodes()).isEqualTo(500);
    assertThat(Profiles.load("large").nodes()).isEqualTo(2_000);
    for (String preset : List.of("production", "large", "medium", "staging")) {
      ClusterProfile profile = Profiles.load(preset);
      assertThat(profile.name()).isEqualTo(preset);
      assertThat(profile.withNodes(5_000))
          .usingRecursiveComparison()
          .ignoringFields("name")
          .isEqualTo(production);
    }
    ClusterProfile eks = Profiles.load("eks");
    assertThat(eks.apiServers().replicas()).isEqualTo(2);
    assertThat(eks.apiServers().concurrencyLimit()).isEqualTo(600);
    assertThat(eks)
        .usingRecursiveComparison()
        .ignoringFields("name", "apiServers")
        .isEqualTo(production);
  }

  /**
   * Every figure of a preset says where it comes from: a comment right above it, naming a source or saying it is an
   * assumption (that each cited document ships with the project is CitationsTest's).
   */
  @Test
  void everyFigureInEveryPresetHasItsSourceAboveIt() {
    for (String preset : Profiles.PRESETS) {
      String text = Profiles.presetText(preset).orElseThrow();
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (!line.matches(
            "(sizeBytes|count|countPerNode|countPerPod|churnPerNode|churn|watchersPerNode|nodes|podsPerNode|replicas"
                + "|maxRequestsInflight|maxMutatingRequestsInflight|memoryBytes|listMemoryAmplification|requestSeconds"
                + "|listBytesPerSecond|controllerQps|podStartSeconds|kubernetesVersion): .*")) {
          continue;
        }
        int j = i - 1;
        while (j >= 0
            && !lines[j].strip().startsWith("#")
            && lines[j].strip().matches("[a-zA-Z]+: .*")) {
          j--; // a block of figures shares the comment above it
        }
        assertThat(j >= 0 && lines[j].strip().startsWith("#"))
            .as("%s line %d '%s' has a comment above it", preset, i + 1, line)
            .isTrue();
      }
    }
  }

  private static final String POOLS =
      """
        nodes: 5000
        nodePools:
          general:
            count: 4750
            labels: {kubernetes.io/os: linux, "version": "1.10"}
          gpu:
            count: 250
            labels: {accelerator: nvidia}
            taints: ["nvidia.com/gpu=present:NoSchedule", "dedicated:PreferNoSchedule"]
        """;

  private static ClusterProfile withPools(String pools) {
    String base = Profiles.presetText("production").orElseThrow();
    return Profiles.parse(
        "p.yaml",
        base.replace("  nodes: 5000\n", pools.indent(2)).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void nodePoolsHaveLabelsAndTaintsAndAddUpToTheNodes() {
    ClusterProfile profile = withPools(POOLS);
    assertThat(profile.nodePools())
        .containsExactly(
            new NodePool(
                "general",
                4_750,
                java.util.Map.of("kubernetes.io/os", "linux", "version", "1.10"),
                java.util.List.of()),
            new NodePool(
                "gpu",
                250,
                java.util.Map.of("accelerator", "nvidia"),
                java.util.List.of(
                    Taint.parse("dedicated:PreferNoSchedule"),
                    Taint.parse("nvidia.com/gpu=present:NoSchedule"))));
    assertThat(profile.withNodes(1_001).nodePools())
        .as("pools keep their counts, read as shares")
        .isEqualTo(profile.nodePools());
  }

  @Test
  void poolsThatDoNotAddUpBadTaintsAndUnknownPoolKeysAreErrorsWithLines() {
    int nodesLine =
        io.kubeload.testing.TestManifests.lineOf(
            Profiles.presetText("production").orElseThrow(), "  nodes: 5000");
    assertThatThrownBy(() -> withPools(POOLS.replace("count: 250", "count: 200")))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "p.yaml:"
                + nodesLine
                + ": spec.nodes is 5000 but spec.nodePools add up to 4950 (general 4750 + gpu 200): "
                + "nodes is the total, so make them equal");
    assertThatThrownBy(
            () -> withPools(POOLS.replace("dedicated:PreferNoSchedule", "dedicated:Sometimes")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("p.yaml:" + (nodesLine + 8) + ":")
        .hasMessageContaining("unknown taint effect 'Sometimes'");
    assertThatThrownBy(() -> withPools(POOLS.replace("count: 250", "count: 250\n    zone: a")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("unknown key 'zone'");
    assertThatThrownBy(() -> withPools(POOLS.replace("count: 250", "count: -1")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("spec.nodePools.gpu.count must be at least 0");
  }

  @Test
  void anUnknownPresetIsAProgrammingError() {
    assertThatThrownBy(() -> Profiles.load("nosuch"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("presets: production, large, medium, staging, eks");
  }
}
