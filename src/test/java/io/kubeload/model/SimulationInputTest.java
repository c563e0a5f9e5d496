package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.model.SimulationInput.Pods;
import io.kubeload.model.SimulationInput.StartupList;
import io.kubeload.testing.TestManifests;
import io.kubeload.workload.RolloutStrategy;
import io.kubeload.workload.Workload;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The key a roll-out's simulation is shared and seeded by: the engine takes {@link SimulationInput}
 * and nothing else of a workload, so every field of it must tell inputs apart, in the key and in the
 * seed, and what the engine does not read must not.
 */
class SimulationInputTest {

  private static final StartupList PODS_LIST =
      new StartupList("workload-low", 3, 0.5, 2_000_000, true);
  private static final StartupList LEASES_POLL =
      new StartupList("global-default", 1, 0.1, 4_000, false);
  private static final SimulationInput BASE =
      new SimulationInput("workload-low", new Pods(10, List.of(PODS_LIST, LEASES_POLL)), 4, 5);

  private static SimulationInput withList(UnaryOperator<StartupList> change) {
    return new SimulationInput(
        BASE.level(),
        new Pods(BASE.pods().count(), List.of(change.apply(PODS_LIST), LEASES_POLL)),
        BASE.wave(),
        BASE.minReadySeconds());
  }

  /** One change per field of the three records, by "Record.field". */
  private static Map<String, SimulationInput> changes() {
    Map<String, SimulationInput> changed = new LinkedHashMap<>();
    changed.put(
        "SimulationInput.level",
        new SimulationInput("global-default", BASE.pods(), BASE.wave(), BASE.minReadySeconds()));
    changed.put(
        "SimulationInput.pods",
        new SimulationInput(
            BASE.level(),
            new Pods(10, List.of(LEASES_POLL, PODS_LIST)),
            4,
            BASE.minReadySeconds()));
    changed.put(
        "SimulationInput.wave",
        new SimulationInput(BASE.level(), BASE.pods(), 5, BASE.minReadySeconds()));
    changed.put(
        "SimulationInput.minReadySeconds",
        new SimulationInput(BASE.level(), BASE.pods(), BASE.wave(), 6));
    changed.put(
        "Pods.count",
        new SimulationInput(
            BASE.level(), new Pods(11, BASE.pods().lists()), BASE.wave(), BASE.minReadySeconds()));
    changed.put(
        "Pods.lists",
        new SimulationInput(
            BASE.level(), new Pods(10, List.of(PODS_LIST)), BASE.wave(), BASE.minReadySeconds()));
    changed.put(
        "StartupList.level",
        withList(
            l ->
                new StartupList(
                    "global-default", l.seats(), l.seconds(), l.memoryBytes(), l.watchAfter())));
    changed.put(
        "StartupList.seats",
        withList(l -> new StartupList(l.level(), 4, l.seconds(), l.memoryBytes(), l.watchAfter())));
    changed.put(
        "StartupList.seconds",
        withList(
            l ->
                new StartupList(
                    l.level(),
                    l.seats(),
                    Math.nextUp(l.seconds()),
                    l.memoryBytes(),
                    l.watchAfter())));
    changed.put(
        "StartupList.memoryBytes",
        withList(
            l ->
                new StartupList(
                    l.level(),
                    l.seats(),
                    l.seconds(),
                    Math.nextUp(l.memoryBytes()),
                    l.watchAfter())));
    changed.put(
        "StartupList.watchAfter",
        withList(l -> new StartupList(l.level(), l.seats(), l.seconds(), l.memoryBytes(), false)));
    return changed;
  }

  @Test
  void everyFieldTheEngineReadsTellsInputsApartInTheKeyAndTheSeed() {
    Map<String, SimulationInput> changes = changes();
    assertThat(changes.keySet())
        .as("a change for every field: a field added to the input needs one")
        .containsExactlyInAnyOrderElementsOf(
            Stream.of(SimulationInput.class, Pods.class, StartupList.class)
                .flatMap(
                    type ->
                        Arrays.stream(type.getRecordComponents())
                            .map(RecordComponent::getName)
                            .map(name -> type.getSimpleName() + "." + name))
                .collect(Collectors.toList()));
    changes.forEach(
        (field, changed) -> {
          assertThat(changed).as(field).isNotEqualTo(BASE);
          assertThat(changed.seed()).as(field).isNotEqualTo(BASE.seed());
        });
    assertThat(BASE.seed())
        .isEqualTo(
            new SimulationInput("workload-low", new Pods(10, List.of(PODS_LIST, LEASES_POLL)), 4, 5)
                .seed());
  }

  @Test
  void whatTheEngineDoesNotReadLeavesTheInputAsItIs() throws Exception {
    ClusterProfile profile = TestManifests.production().withNodes(300);
    WorkloadLoad load =
        LoadModel.project(
                TestManifests.accessSets(
                    java.nio.file.Files.readString(
                        java.nio.file.Path.of("samples/manifests/telemetry-daemonset.yaml")),
                    profile),
                profile)
            .workloads()
            .get(0);
    SimulationInput created = SimulationInput.of(load);
    assertThat(created.wave()).isEqualTo(300);
    assertThat(created.minReadySeconds()).isZero();
    // A new workload starts every pod: its strategy is not read.
    assertThat(SimulationInput.of(rolledOut(load, 7, 30, Workload.Arrival.NEW))).isEqualTo(created);
    // An update whose one wave holds every pod waits for none: its minReadySeconds is not read.
    SimulationInput oneWave =
        SimulationInput.of(rolledOut(load, 300, 0, Workload.Arrival.ALREADY_RUNNING));
    assertThat(SimulationInput.of(rolledOut(load, 1_000, 30, Workload.Arrival.ALREADY_RUNNING)))
        .isEqualTo(oneWave)
        .isEqualTo(created);
    // Paced, both are read.
    SimulationInput paced =
        SimulationInput.of(rolledOut(load, 7, 30, Workload.Arrival.ALREADY_RUNNING));
    assertThat(paced.wave()).isEqualTo(7);
    assertThat(paced.minReadySeconds()).isEqualTo(30);
    assertThat(RolloutSimulation.rollout(paced, profile, PriorityLevels.of(profile), 120))
        .isEqualTo(
            RolloutSimulation.rollout(
                rolledOut(load, 7, 30, Workload.Arrival.ALREADY_RUNNING),
                profile,
                PriorityLevels.of(profile),
                120));
  }

  private static WorkloadLoad rolledOut(
      WorkloadLoad load, int wave, int minReady, Workload.Arrival arrival) {
    Workload other =
        load.workload()
            .withRollout(new RolloutStrategy("RollingUpdate", wave, 0, minReady, "test"), arrival);
    return load.rolledOutAs(other, load.storm());
  }
}
