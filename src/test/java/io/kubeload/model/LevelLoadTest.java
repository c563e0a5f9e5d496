package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.testing.TestManifests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LevelLoadTest {

  static LevelLoad level(ClusterProfile profile, String name) {
    return LoadModel.project(List.of(), profile).levelLoads().stream()
        .filter(l -> l.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aBusyLevelBorrowsTheIdleLendableSeatsOfTheOthers() {
    LevelLoad high =
        level(
            TestManifests.productionAtDefaultFlags()
                .withExistingSeatDemand(Map.of("workload-high", 150.0)),
            "workload-high");
    // Idle lendable seats elsewhere (docs/sources.md §3.3): system 24 + node-high 25 +
    // leader-election 0 + workload-low 221 + global-default 25.
    assertThat(high.borrowable()).isEqualTo(295);
    assertThat(high.guaranteed()).isEqualTo(49);
    assertThat(high.utilization()).isCloseTo(150 / 98.0, within(1e-12));
    assertThat(high.rejectedShare()).isZero();
  }

  @Test
  void beyondEverySeatItCanGetTheRestIsRejected() {
    LevelLoad high =
        level(
            TestManifests.productionAtDefaultFlags()
                .withExistingSeatDemand(Map.of("workload-high", 500.0)),
            "workload-high");
    assertThat(high.rejectedShare()).isCloseTo(1 - (98 + 295) / 500.0, within(1e-12));
  }

  @Test
  void busyLevelsLendOnlyWhatTheyDoNotUse() {
    LevelLoad high =
        level(
            TestManifests.productionAtDefaultFlags()
                .withExistingSeatDemand(Map.of("workload-high", 150.0, "workload-low", 240.0)),
            "workload-high");
    // workload-low uses 240 of its 245: only 5 of its 221 lendable seats are idle.
    assertThat(high.borrowable()).isEqualTo(24 + 25 + 5 + 25);
  }

  @Test
  void replicasMultiplySeats() {
    LevelLoad low = level(TestManifests.productionAtDefaultFlags(), "workload-low");
    assertThat(low.seats()).isEqualTo(245);
    assertThat(low.guaranteed()).isEqualTo(24);
  }
}
