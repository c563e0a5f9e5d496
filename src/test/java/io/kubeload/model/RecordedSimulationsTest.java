package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.testing.TestManifests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The simulation engine gives the runs it gave when they were recorded, event for event: every
 * figure and every second of the series of seeded random roll-outs (paced and not) and restarts,
 * some stopped by the event budget, digested per seed. A change to how the engine holds its state
 * must leave them all as they are; a change to what it models re-records them
 * ({@code -Dsimulation.record=true}) and says why in its commit.
 */
class RecordedSimulationsTest {

  private static final Path RECORDED = Path.of("src/test/resources/simulation/recorded-runs.txt");

  private static final List<Integer> NODES = List.of(20, 300, 2_000, 5_000, 40_000);

  @Test
  void everySeededRunIsTheRecordedOne() throws Exception {
    List<List<SimulationResult>> all =
        LongStream.rangeClosed(1, 120).mapToObj(RecordedSimulationsTest::runs).toList();
    // The set holds what the engine's state must carry: saturated levels with 429s and their
    // retries, and runs the event budget stops.
    assertThat(all.stream().flatMap(List::stream).filter(java.util.Objects::nonNull))
        .anySatisfy(r -> assertThat(r.rejected()).isPositive())
        .anySatisfy(r -> assertThat(r.stoppedByEventBudget()).isTrue());
    String runs =
        IntStream.range(0, all.size())
            .mapToObj(i -> (i + 1) + " " + digest(all.get(i)))
            .collect(Collectors.joining("\n", "", "\n"));
    if (Boolean.getBoolean("simulation.record")) {
      Files.writeString(RECORDED, runs);
    }
    assertThat(runs).isEqualTo(Files.readString(RECORDED));
  }

  /** A seed's runs: each workload rolled out at a random pace and horizon, and all of them restarted. */
  private static List<SimulationResult> runs(long seed) {
    Random random = new Random(seed);
    ClusterProfile profile =
        TestManifests.production().withNodes(NODES.get(random.nextInt(NODES.size())));
    List<WorkloadLoad> loads = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
      loads.add(LoadModelPropertyTest.RandomWorkload.from(seed * 31 + i).at(profile));
    }
    Projection projection =
        LoadModel.project(loads.stream().map(WorkloadLoad::accessSet).toList(), profile);
    List<SimulationResult> results = new ArrayList<>();
    for (WorkloadLoad load : projection.workloads()) {
      double horizon = random.nextBoolean() ? 300 : RolloutSimulation.DEFAULT_HORIZON_SECONDS;
      results.add(RolloutSimulation.rollout(load, profile, projection.levels(), horizon));
      var paced =
          load.workload()
              .withRollout(
                  new io.kubeload.workload.RolloutStrategy(
                      "RollingUpdate", 1 + random.nextInt(50), 0, random.nextInt(30), "test"),
                  io.kubeload.workload.Workload.Arrival.ALREADY_RUNNING);
      results.add(LoadModel.simulate(load, paced, projection, horizon));
    }
    Map<String, SimulationResult> restart =
        RolloutSimulation.restart(
            projection.workloads(),
            profile,
            projection.levels(),
            RolloutSimulation.DEFAULT_HORIZON_SECONDS);
    results.addAll(restart.values());
    return results;
  }

  /** Every field, doubles by their bits; a roll-out of no start-up LIST has no result. */
  private static String digest(List<SimulationResult> results) {
    StringBuilder text = new StringBuilder();
    for (SimulationResult r : results) {
      if (r == null) {
        text.append("none\n");
        continue;
      }
      text.append(r.scenario())
          .append(' ')
          .append(r.level())
          .append(' ')
          .append(Double.toHexString(r.seats()))
          .append(' ')
          .append(Double.toHexString(r.horizonSeconds()))
          .append(' ')
          .append(r.stoppedByEventBudget())
          .append(' ')
          .append(Double.toHexString(r.peakSeats()))
          .append(' ')
          .append(Double.toHexString(r.peakTransientBytes()))
          .append(' ')
          .append(r.counts())
          .append(' ')
          .append(r.pods())
          .append(' ')
          .append(r.syncedPods())
          .append(' ')
          .append(
              r.syncedSeconds().isPresent()
                  ? Double.toHexString(r.syncedSeconds().getAsDouble())
                  : "-")
          .append('\n');
      for (SimulationResult.Sample s : r.series()) {
        text.append(s.second())
            .append(' ')
            .append(Double.toHexString(s.seatsBusy()))
            .append(' ')
            .append(Double.toHexString(s.peakSeatsBusy()))
            .append(' ')
            .append(s.queued())
            .append(' ')
            .append(s.rejected())
            .append(' ')
            .append(s.syncedPods())
            .append('\n');
      }
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
