package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kubeload.cluster.KubernetesVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkEstimatorTest {

  private static final KubernetesVersion COUNT_BASED = KubernetesVersion.parse("1.33");
  private static final KubernetesVersion SIZE_BASED = KubernetesVersion.parse("1.34");

  @ParameterizedTest(name = "{0} objects → {1} seats (count-based, cap 10)")
  @CsvSource({"0, 1", "1, 1", "100, 1", "101, 2", "250, 3", "999, 10", "150000, 10"})
  void countBasedListSeatsAreOnePerHundredObjectsCappedAtTen(double objects, int seats) {
    assertThat(WorkEstimator.listSeats(COUNT_BASED, objects, 14_474, false, 37)).isEqualTo(seats);
  }

  @Test
  void countBasedSeatsIgnoreNamesAndIndexesAndRespectTheLevelCap() {
    // The count-based estimator sees the cluster-wide count only (docs/sources.md §3.5).
    assertThat(WorkEstimator.listSeats(COUNT_BASED, 5_000, 20_000, true, 37)).isEqualTo(10);
    // leader-election's per-request cap is 4 (docs/sources.md §3.3).
    assertThat(WorkEstimator.listSeats(COUNT_BASED, 5_000, 20_000, false, 4)).isEqualTo(4);
  }

  @ParameterizedTest(name = "{0} objects of {1} B → {2} seats (size-based)")
  @CsvSource({
    "150000, 14474, 10", // 500 × 14,474 B = 7.2 MB, a cache LIST is charged at most 1 MB
    "20, 300, 1", // 6 kB
    "600, 1000, 5", // min(500, 600) × 1 kB = 500 kB
    "0, 14474, 1"
  })
  void sizeBasedListSeatsChargeBytesAndCapCacheListsAtOneMegabyte(
      double objects, double size, int seats) {
    assertThat(WorkEstimator.listSeats(SIZE_BASED, objects, size, false, 37)).isEqualTo(seats);
  }

  @Test
  void sizeBasedListByNameCountsOneObject() {
    assertThat(WorkEstimator.listSeats(SIZE_BASED, 5_000, 20_000, true, 37)).isEqualTo(1);
  }

  @Test
  void fiveThousandClusterWidePodWatchersAddTenSeatsAndQuarterSecondToEveryPodWrite() {
    // docs/sources.md §3.5 computed example: 5,000 watchers → 10 seats, additional latency 250 ms.
    int levelCap = 12; // the system level, where kubelets write pods
    assertThat(WorkEstimator.writeSeats(5_000, levelCap)).isEqualTo(10);
    double exec = 0.05;
    double seatSeconds = WorkEstimator.writeSeatSeconds(5_000, exec, levelCap);
    double additionalLatency = (seatSeconds - 10 * exec) / 10;
    assertThat(additionalLatency).isCloseTo(0.25, within(1e-9));
    assertThat(seatSeconds).isGreaterThanOrEqualTo(2.5);
  }

  @Test
  void fewerThanTenWatchersCostOneSeatForTheExecutionOnly() {
    assertThat(WorkEstimator.writeSeats(9, 12)).isEqualTo(1);
    assertThat(WorkEstimator.writeSeatSeconds(9, 0.05, 12)).isCloseTo(0.05, within(1e-12));
  }
}
