package io.kubeload.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PodCountTest {

  @Test
  void eachVariantFollowsTheNodesItsOwnWayAndKeepsItsReason() {
    PodCount fixed = PodCount.fixed(3, "3 replicas");
    PodCount perNode = PodCount.onNodes(0.25, 100, "a quarter of the nodes");
    PodCount proportional =
        PodCount.proportional(new PodCount.NodeRatio(16, true, 0, 2, 50), 100, "ceil(nodes / 16)");

    assertThat(fixed.atNodes(5_000)).isSameAs(fixed);
    assertThat(perNode.count()).isEqualTo(25);
    assertThat(perNode.atNodes(1_000))
        .isEqualTo(new PodCount.PerNode(0.25, 250, "a quarter of the nodes"));
    assertThat(proportional.count()).isEqualTo(7);
    assertThat(proportional.atNodes(10).count()).as("at least min").isEqualTo(2);
    assertThat(proportional.atNodes(5_000).count()).as("at most max").isEqualTo(50);
    assertThat(proportional.atNodes(5_000).reason()).isEqualTo("ceil(nodes / 16)");
    assertThat(fixed.growsWithNodes()).isFalse();
    assertThat(perNode.growsWithNodes()).isTrue();
    assertThat(proportional.growsWithNodes()).isTrue();
    assertThat(perNode.perNode()).isTrue();
    assertThat(proportional.perNode()).isFalse();
  }

  @Test
  void aShareOutsideTheClusterOrANegativeCountIsRejected() {
    assertThatThrownBy(() -> PodCount.onNodes(1.5, 10, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PodCount.onNodes(Double.NaN, 10, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PodCount.fixed(-1, "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
