package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.testing.TestManifests;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriorityLevelsTest {

  @Test
  void nominalSeatsAndPerRequestCapsMatchThePhysicsTableAt600Seats() {
    Map<String, PriorityLevel> levels = PriorityLevels.of(TestManifests.productionAtDefaultFlags());
    // docs/sources.md §3.3: nominal seats @600 13/74/98/25/98/245/49 and maxSeats 12/15/4/15/37/8
    assertThat(levels.get("catch-all").nominalSeats()).isEqualTo(13);
    assertThat(levels.get("system").nominalSeats()).isEqualTo(74);
    assertThat(levels.get("node-high").nominalSeats()).isEqualTo(98);
    assertThat(levels.get("leader-election").nominalSeats()).isEqualTo(25);
    assertThat(levels.get("workload-high").nominalSeats()).isEqualTo(98);
    assertThat(levels.get("workload-low").nominalSeats()).isEqualTo(245);
    assertThat(levels.get("global-default").nominalSeats()).isEqualTo(49);
    assertThat(levels.get("system").maxSeatsPerRequest()).isEqualTo(12);
    assertThat(levels.get("node-high").maxSeatsPerRequest()).isEqualTo(15);
    assertThat(levels.get("leader-election").maxSeatsPerRequest()).isEqualTo(4);
    assertThat(levels.get("workload-high").maxSeatsPerRequest()).isEqualTo(15);
    assertThat(levels.get("workload-low").maxSeatsPerRequest()).isEqualTo(37);
    assertThat(levels.get("global-default").maxSeatsPerRequest()).isEqualTo(8);
    assertThat(levels.get("workload-low").flowQueueCapacity()).isEqualTo(300);
  }
}
