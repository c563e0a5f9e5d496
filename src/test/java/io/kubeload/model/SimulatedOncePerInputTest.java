package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.access.AccessSet;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.testing.RandomReleases;
import io.kubeload.testing.TestManifests;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Simulations#of} simulates each distinct {@link SimulationInput} once, side by side, and
 * gives every workload the run its own input gives alone (seeded random repositories of releases,
 * some of them the same workload under other names and namespaces, some updates of running ones).
 */
class SimulatedOncePerInputTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 16);
  }

  private static final double HORIZON = 60;

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @Timeout(120)
  void everyWorkloadGetsTheRunOfItsOwnInputAndEqualInputsShareOne(long seed) {
    Random random = new Random(seed);
    StringBuilder yaml = new StringBuilder();
    boolean[] running = new boolean[5];
    for (int release = 0; release < 5; release++) {
      running[release] = random.nextBoolean();
      long shape = random.nextLong();
      // The first release's two copies are certain to be alike: outside kube-system, one level.
      int copies = release == 0 ? 2 : 1 + random.nextInt(3);
      for (int copy = 0; copy < copies; copy++) {
        String namespace =
            release == 0
                ? "tenant-" + (copy + 1)
                : RandomReleases.NAMESPACES.get(random.nextInt(RandomReleases.NAMESPACES.size()));
        yaml.append(
            RandomReleases.workload(new Random(shape), "w" + release + "-" + copy, namespace));
      }
    }
    ClusterProfile profile =
        TestManifests.production().withNodes(List.of(20, 300, 2_000).get(random.nextInt(3)));
    List<AccessSet> sets = new ArrayList<>();
    for (AccessSet set : TestManifests.accessSets(yaml.toString(), profile)) {
      int release = set.workload().ref().name().charAt(1) - '0';
      sets.add(
          !running[release]
              ? set
              : new AccessSet(
                  set.workload().alreadyRunning(), set.basis(), set.accesses(), set.notes()));
    }
    Projection projection = LoadModel.project(sets, profile);
    Simulations together = Simulations.of(projection, HORIZON);

    List<WorkloadLoad> simulated =
        projection.workloads().stream().filter(l -> l.storm().listsPerPod() > 0).toList();
    for (WorkloadLoad load : simulated) {
      SimulationInput input = SimulationInput.of(load);
      assertThat(together.rolloutOf(load.ref()))
          .as(load.ref().toString())
          .contains(RolloutSimulation.rollout(load, profile, projection.levels(), HORIZON));
      assertThat(together.rollout(load.ref()).orElseThrow().workloads())
          .as(load.ref().toString())
          .isEqualTo(simulated.stream().filter(l -> SimulationInput.of(l).equals(input)).count());
    }
    assertThat(together.restart())
        .isEqualTo(
            RolloutSimulation.restart(
                projection.workloads(), profile, projection.levels(), HORIZON));

    WorkloadLoad first = named(projection, "w0-0");
    WorkloadLoad second = named(projection, "w0-1");
    assertThat(SimulationInput.of(first)).isEqualTo(SimulationInput.of(second));
    if (first.storm().listsPerPod() > 0) {
      assertThat(together.rollout(first.ref()))
          .isEqualTo(together.rollout(second.ref()))
          .hasValueSatisfying(r -> assertThat(r.workloads()).isGreaterThanOrEqualTo(2));
      SHARED.incrementAndGet();
    }
  }

  private static WorkloadLoad named(Projection projection, String name) {
    return projection.workloads().stream()
        .filter(l -> l.ref().name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static final AtomicInteger SHARED = new AtomicInteger();

  @AfterAll
  static void someRunWasShared() {
    assertThat(SHARED.get()).as("seeds whose two alike workloads shared one run").isPositive();
  }
}
