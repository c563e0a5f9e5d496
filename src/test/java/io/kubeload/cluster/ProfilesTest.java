package io.kubeload.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.manifest.InputException;
import java.nio.charset.StandardCharsets;
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
    assertThat(production.withNodes(100).churn("pods")).isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(production.objects("nosuchresource")).isZero();
  }

  @Test
  void presetTextIsTheYamlThatLoadsAndCitesItsSources() {
    String text = Profiles.presetText("production").orElseThrow();
    assertThat(text).contains("kind: ClusterProfile").contains("physics §");
    assertThat(Profiles.parse("copy.yaml", text.getBytes(StandardCharsets.UTF_8))).isEqualTo(Profiles.load("production"));
  }

  @Test
  void unknownKeysNegativeNumbersAndDoubleBasesAreErrorsWithLines() {
    String base = Profiles.presetText("staging").orElseThrow();
    assertThatThrownBy(() -> Profiles.parse("p.yaml", base.replace("  podsPerNode: 30", "  podsPerNode: 30\n  nodez: 3").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InputException.class).hasMessageContaining("p.yaml:").hasMessageContaining("unknown key 'nodez'");
    assertThatThrownBy(() -> Profiles.parse("p.yaml", base.replace("  podsPerNode: 30", "  podsPerNode: -1").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InputException.class).hasMessageContaining("spec.podsPerNode must be at least 0");
    assertThatThrownBy(() -> Profiles.parse("p.yaml", base.replace("      countPerPod: 1", "      countPerPod: 1\n      count: 5").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InputException.class).hasMessageContaining("give only one of count");
    assertThatThrownBy(() -> Profiles.parse("p.yaml", base.replace("\"1.35\"", "\"1.20\"").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InputException.class).hasMessageContaining("outside the supported range");
  }

  @Test
  void anUnknownProfileNameIsAnError() {
    assertThatThrownBy(() -> Profiles.load("nosuch")).isInstanceOf(InputException.class).hasMessageContaining("presets: production, staging");
  }
}
