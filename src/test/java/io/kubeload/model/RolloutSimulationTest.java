package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.testing.TestManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulation against the closed form where both apply, and its own laws. */
class RolloutSimulationTest {

  static Projection project(String sample, ClusterProfile profile) throws Exception {
    String yaml = Files.readString(Path.of("samples/manifests", sample));
    return LoadModel.project(TestManifests.accessSets(yaml, profile), profile);
  }

  static SimulationResult rollout(Projection projection) {
    return RolloutSimulation.rollout(
        projection.workloads().get(0), projection.profile(), projection.levels(), 900);
  }

  @Test
  void underCapacityTheMeanBusySeatsMatchTheClosedFormDemand() throws Exception {
    Projection projection = project("telemetry-daemonset-fixed.yaml", TestManifests.production());
    WorkloadLoad load = projection.workloads().get(0);
    SimulationResult simulated = rollout(projection);
    assertThat(load.storm().rejected()).isZero();
    assertThat(simulated.rejected()).isZero();
    assertThat(simulated.allSynced()).isTrue();
    // Little's law: seats busy = arrival rate × seat-seconds per pod, averaged over the arrival
    // window.
    List<SimulationResult.Sample> window =
        simulated.series().subList(10, (int) load.storm().arrivalSeconds());
    double mean =
        window.stream().mapToDouble(SimulationResult.Sample::seatsBusy).average().orElseThrow();
    assertThat(mean)
        .isCloseTo(load.storm().seatsDemanded(), within(load.storm().seatsDemanded() * 0.1));
    // Every pod is created at the controller's rate and synced within its start-up time after.
    assertThat(simulated.syncedSeconds().getAsDouble())
        .isCloseTo(load.storm().arrivalSeconds(), within(10.0));
    assertThat(simulated.lists()).isEqualTo(5_000);
  }

  @Test
  void saturatedTheThroughputMatchesTheClosedFormServiceRate() throws Exception {
    Projection projection = project("telemetry-daemonset.yaml", TestManifests.production());
    StartupStorm storm = projection.workloads().get(0).storm();
    SimulationResult simulated = rollout(projection);
    double meanSeatSeconds = storm.seatSecondsPerPod() / storm.listsPerPod();
    // Over the time it simulated: a saturated run may reach its event budget before the horizon.
    double closedFormLists = storm.seatsAvailable() / meanSeatSeconds * simulated.horizonSeconds();
    assertThat((double) simulated.lists())
        .isCloseTo(closedFormLists, within(closedFormLists * 0.2));
    assertThat(simulated.peakSeats()).isLessThanOrEqualTo(storm.seatsAvailable());
    assertThat(simulated.rejected()).isGreaterThan((long) storm.rejected());
    assertThat(simulated.allSynced()).isFalse();
  }

  @Test
  void peakListMemoryMatchesTheClosedForm() throws Exception {
    Projection projection = project("telemetry-daemonset.yaml", TestManifests.production());
    StartupStorm storm = projection.workloads().get(0).storm();
    assertThat(rollout(projection).peakTransientBytes())
        .isCloseTo(storm.peakTransientBytes(), within(storm.peakTransientBytes() * 0.1));
  }

  /** A Deployment app/ctl of {@code replicas} pods whose ClusterRole grants {@code verbs} on services. */
  private static String servicesController(int replicas, String verbs) {
    return """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: ctl, namespace: app}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: ctl}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ctl}
        subjects: [{kind: ServiceAccount, name: ctl, namespace: app}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: ctl}
        rules: [{apiGroups: [""], resources: [services], verbs: VERBS}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: ctl, namespace: app}
        spec:
          replicas: REPLICAS
          selector: {matchLabels: {a: c}}
          template:
            metadata: {labels: {a: c}}
            spec:
              serviceAccountName: ctl
              containers: [{name: c, image: example/ctl:1}]
        """
        .replace("VERBS", verbs)
        .replace("REPLICAS", String.valueOf(replicas));
  }

  /** Queue time-outs of requests served since are stale: they fire after the last pod synced and must not count. */
  @Test
  void theTimeEveryPodIsSyncedIsWhenTheLastPodSynced() {
    ClusterProfile profile = TestManifests.production();
    Projection projection =
        LoadModel.project(
            TestManifests.accessSets(servicesController(100, "[list, watch]"), profile), profile);
    SimulationResult simulated = rollout(projection);
    assertThat(simulated.allSynced()).isTrue();
    int lastSyncSecond =
        simulated.series().stream()
            .filter(s -> s.syncedPods() == simulated.pods())
            .findFirst()
            .orElseThrow()
            .second();
    assertThat((int) simulated.syncedSeconds().getAsDouble()).isEqualTo(lastSyncSecond);
    assertThat(simulated.series())
        .last()
        .satisfies(s -> assertThat(s.second()).isLessThanOrEqualTo(lastSyncSecond + 1));
  }

  /** An informer's pod is synced once its WATCH is open too; a poller's once its LIST is answered. */
  @Test
  void anInformerIsSyncedOnlyWhenItsWatchIsOpenAfterItsList() {
    ClusterProfile profile = TestManifests.production();
    Projection informing =
        LoadModel.project(
            TestManifests.accessSets(servicesController(1, "[list, watch]"), profile), profile);
    Projection polling =
        LoadModel.project(
            TestManifests.accessSets(servicesController(1, "[list]"), profile), profile);
    SimulationInput informer = SimulationInput.of(informing.workloads().get(0));
    SimulationInput poller = SimulationInput.of(polling.workloads().get(0));
    assertThat(informer.pods().lists())
        .singleElement()
        .satisfies(l -> assertThat(l.watchAfter()).isTrue());
    assertThat(poller.pods().lists())
        .singleElement()
        .satisfies(l -> assertThat(l.watchAfter()).isFalse());
    // The same random draws (the informer's), the same LIST: the informer waits one request's
    // latency more, for its WATCH.
    SimulationResult watched =
        RolloutSimulation.rollout(informer, profile, informing.levels(), 900, informer.seed());
    SimulationResult listed =
        RolloutSimulation.rollout(poller, profile, polling.levels(), 900, informer.seed());
    assertThat(watched).isEqualTo(rollout(informing));
    assertThat(watched.allSynced()).isTrue();
    assertThat(listed.allSynced()).isTrue();
    assertThat(watched.syncedSeconds().getAsDouble() - listed.syncedSeconds().getAsDouble())
        .isCloseTo(profile.latency().requestSeconds(), within(1e-9));
    assertThat(watched.lists()).isEqualTo(listed.lists()).isEqualTo(1);
  }

  @Test
  void
      aRunItsEventBudgetStopsSaysHowFarItGotWithoutNamingTheBudgetAndOneThatReachesTheHorizonDoesNot()
          throws Exception {
    Projection saturated = project("telemetry-daemonset.yaml", TestManifests.production());
    SimulationResult cut =
        RolloutSimulation.restart(
                saturated.workloads(), saturated.profile(), saturated.levels(), 900)
            .get("workload-low");
    assertThat(cut.stoppedByEventBudget()).isTrue();
    assertThat(cut.horizonSeconds()).isLessThan(900);
    assertThat(cut.span()).isEqualTo(Units.duration(cut.horizonSeconds())).doesNotContain("budget");
    Projection fixed = project("telemetry-daemonset-fixed.yaml", TestManifests.production());
    SimulationResult whole = rollout(fixed);
    assertThat(whole.stoppedByEventBudget()).isFalse();
    assertThat(whole.span()).doesNotContain("budget");
  }

  @Test
  void theSameInputGivesTheSameRun() throws Exception {
    Projection projection =
        project("telemetry-daemonset.yaml", TestManifests.production().withNodes(800));
    assertThat(rollout(projection)).isEqualTo(rollout(projection));
  }

  /**
   * The engine numbers its events with an int and, when the numbers run out, numbers the events in
   * flight again: a saturated restart, stopped by its event budget after making far more events than
   * the numbers given here, is the same run figure for figure.
   */
  @ParameterizedTest(name = "numbered again at {0}")
  @ValueSource(ints = {50_000, 123_457})
  void aRunWhoseSequenceNumbersRunOutIsTheSameRun(int sequences) throws Exception {
    Projection saturated = project("telemetry-daemonset.yaml", TestManifests.production());
    var once = restartNumberedUpTo(saturated, Integer.MAX_VALUE);
    assertThat(once.get("workload-low").stoppedByEventBudget()).isTrue();
    assertThat(restartNumberedUpTo(saturated, sequences)).isEqualTo(once);
  }

  private static Map<String, SimulationResult> restartNumberedUpTo(
      Projection projection, int sequences) {
    return RolloutSimulation.restart(
        projection.workloads(),
        projection.profile(),
        projection.levels(),
        900,
        RolloutSimulation.STARTS_REACHABLE,
        sequences);
  }

  /** A request's reflector failures are counted up to a cap past which its backoff no longer grows. */
  @Test
  void failuresAreCountedAsFarAsTheBackoffGrows() {
    assertThat(
            RolloutSimulation.BACKOFF_INITIAL_SECONDS
                * Math.pow(2, RolloutSimulation.FAILURES_COUNTED))
        .isGreaterThanOrEqualTo(RolloutSimulation.BACKOFF_MAX_SECONDS);
  }

  /**
   * A started pod's cohort and the requests it waits for share an int when both fit it, with as many
   * bits for the count as the run's largest pod needs; when they do not, the count takes a column of
   * its own. A pod of 2,200 requests (1,100 informers, as one annotation can declare) is followed to
   * its end, as a pod of two is.
   */
  @Test
  void aPodOfAnyNumberOfRequestsIsFollowedToItsEnd() {
    assertThat(RolloutSimulation.pendingBits(2, 3_333)).isEqualTo(2);
    assertThat(RolloutSimulation.pendingBits(2_200, 1)).isEqualTo(12);
    assertThat(RolloutSimulation.pendingBits(2_200, 1 << 20)).isEqualTo(12);
    assertThat(RolloutSimulation.pendingBits(2_200, (1 << 20) + 1)).isZero();
    assertThat(RolloutSimulation.pendingBits(Integer.MAX_VALUE, 2)).isEqualTo(31);
    assertThat(RolloutSimulation.pendingBits(Integer.MAX_VALUE, 3)).isZero();
    ClusterProfile profile = TestManifests.production();
    Projection informing =
        LoadModel.project(
            TestManifests.accessSets(servicesController(2, "[list, watch]"), profile), profile);
    SimulationInput informer = SimulationInput.of(informing.workloads().get(0));
    SimulationInput.StartupList list = informer.pods().lists().get(0);
    SimulationResult many =
        RolloutSimulation.rollout(
            withLists(informer, java.util.Collections.nCopies(1_100, list)),
            profile,
            informing.levels(),
            900,
            informer.seed());
    assertThat(many.allSynced()).isTrue();
    assertThat(many.sync().syncedPods()).isEqualTo(many.sync().pods()).isPositive();
  }

  private static SimulationInput withLists(
      SimulationInput input, List<SimulationInput.StartupList> lists) {
    return new SimulationInput(
        input.level(),
        new SimulationInput.Pods(input.pods().count(), lists),
        input.wave(),
        input.minReadySeconds());
  }

  @ParameterizedTest(name = "{0} nodes")
  @ValueSource(ints = {20, 500, 5_000})
  void anApiServerRestartMakesEveryPodRelistAndTheFixedAgentRecovers(int nodes) throws Exception {
    Projection projection =
        project("telemetry-daemonset-fixed.yaml", TestManifests.production().withNodes(nodes));
    SimulationResult restart =
        RolloutSimulation.restart(
                projection.workloads(), projection.profile(), projection.levels(), 900)
            .get("workload-low");
    assertThat(restart.scenario()).isEqualTo(Scenario.APISERVER_RESTART);
    assertThat(restart.pods()).isEqualTo(nodes);
    assertThat(restart.allSynced()).isTrue();
    assertThat(restart.lists()).isEqualTo(nodes);
  }

  /** At a restart every pod relists once, whether its workload is new or an update: no wave of replacements follows. */
  @Test
  void anApiServerRestartRelistsEachPodOnceForAnUpdatedWorkloadToo() throws Exception {
    Projection projection =
        project("telemetry-daemonset-fixed.yaml", TestManifests.production().withNodes(500));
    WorkloadLoad load = projection.workloads().get(0);
    WorkloadLoad running = load.rolledOutAs(load.workload().alreadyRunning(), load.storm());
    SimulationResult restart =
        RolloutSimulation.restart(List.of(running), projection.profile(), projection.levels(), 900)
            .get("workload-low");
    assertThat(restart.pods()).isEqualTo(500);
    assertThat(restart.syncedPods()).isEqualTo(500);
    assertThat(restart.lists()).isEqualTo(500);
  }

  @Test
  void aSlowerRolloutNeverCausesMoreRejections() throws Exception {
    Projection projection =
        project("telemetry-daemonset.yaml", TestManifests.production().withNodes(2_000));
    WorkloadLoad load = projection.workloads().get(0);
    long previous = Long.MAX_VALUE;
    for (int wave : new int[] {400, 100, 20, 5}) {
      var paced =
          load.workload()
              .withRollout(
                  new io.kubeload.workload.RolloutStrategy("RollingUpdate", wave, 0, 0, "test"),
                  io.kubeload.workload.Workload.Arrival.ALREADY_RUNNING);
      long rejected = LoadModel.simulate(load, paced, projection, 600).rejected();
      assertThat(rejected).as("wave %d", wave).isLessThanOrEqualTo(previous);
      previous = rejected;
    }
    assertThat(previous).isZero();
  }

  /**
   * A restart of more pods than the run has events keeps only the first starts it can reach: the
   * same run as keeping them all, figure for figure.
   */
  @ParameterizedTest(name = "{0} nodes")
  @ValueSource(ints = {250_000, 450_000})
  @org.junit.jupiter.api.Timeout(120)
  void aRestartKeepsOnlyTheStartsItCanReachAndGivesTheSameRun(int nodes) throws Exception {
    ClusterProfile profile = TestManifests.production().withNodes(nodes);
    String yaml =
        Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml"))
            + "\n---\n"
            + Files.readString(Path.of("samples/manifests/gpu-exporter-daemonset.yaml"));
    Projection projection = LoadModel.project(TestManifests.accessSets(yaml, profile), profile);
    assertThat(projection.workloads().stream().mapToLong(WorkloadLoad::pods).sum())
        .isGreaterThan(RolloutSimulation.STARTS_REACHABLE);
    var kept =
        RolloutSimulation.restart(
            projection.workloads(),
            profile,
            projection.levels(),
            900,
            RolloutSimulation.STARTS_REACHABLE,
            Integer.MAX_VALUE);
    var all =
        RolloutSimulation.restart(
            projection.workloads(),
            profile,
            projection.levels(),
            900,
            Integer.MAX_VALUE,
            Integer.MAX_VALUE);
    assertThat(kept).isEqualTo(all);
    assertThat(kept.values()).anySatisfy(r -> assertThat(r.stoppedByEventBudget()).isTrue());
  }

  /**
   * The closed form's proof that a roll-out never queues, over seeded random workloads, clusters and
   * paces: wherever it holds, the simulation saw no second saturated, no 429 and no more LIST memory
   * than every pod that can start together holding all its LISTs. The recommendation's search skips
   * the simulations of such paces on this law.
   */
  @ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.MethodSource("seeds")
  void aRolloutTheClosedFormProvesNeverQueuesIsSimulatedWithoutQueueOr429(long seed) {
    java.util.Random random = new java.util.Random(seed);
    ClusterProfile profile =
        TestManifests.production().withNodes(List.of(20, 300, 2_000, 5_000).get(random.nextInt(4)));
    WorkloadLoad load = LoadModelPropertyTest.RandomWorkload.from(seed).at(profile);
    Projection projection = LoadModel.project(List.of(load.accessSet()), profile);
    int proven = 0;
    for (int wave :
        new int[] {1, 1 + random.nextInt(5), 1 + random.nextInt(100), Math.max(1, load.pods())}) {
      var paced =
          load.workload()
              .withRollout(
                  new io.kubeload.workload.RolloutStrategy(
                      "RollingUpdate", wave, 0, random.nextInt(30), "test"),
                  io.kubeload.workload.Workload.Arrival.ALREADY_RUNNING);
      WorkloadLoad other = load.rolledOutAs(paced, LoadModel.stormOf(load, paced, projection));
      if (load.storm().listsPerPod() == 0
          || !RolloutSimulation.neverQueues(other, profile, projection.levels())) {
        continue;
      }
      proven++;
      SimulationResult simulated = LoadModel.simulate(load, paced, projection, 300);
      assertThat(simulated.saturatedSeconds()).as("wave %d", wave).isZero();
      assertThat(simulated.rejected()).as("wave %d", wave).isZero();
      assertThat(
              simulated.peakSeats()
                  - simulated.seats()
                  + RolloutSimulation.freeSeats(
                      projection.levels().get(load.priorityLevel()), profile))
          .isLessThanOrEqualTo(RolloutSimulation.seatsAtOnce(other, load.priorityLevel()) + 1e-6);
      assertThat(simulated.peakTransientBytes())
          .isLessThanOrEqualTo(
              RolloutSimulation.listBytesAtOnce(other, load.priorityLevel(), profile) * (1 + 1e-9));
    }
    PROVEN.addAndGet(proven);
  }

  private static final java.util.concurrent.atomic.AtomicInteger PROVEN =
      new java.util.concurrent.atomic.AtomicInteger();

  static java.util.stream.LongStream seeds() {
    return java.util.stream.LongStream.rangeClosed(1, 60);
  }

  @org.junit.jupiter.api.AfterAll
  static void theProofHeldSomewhere() {
    assertThat(PROVEN.get()).as("paces the closed form proved, over all seeds").isPositive();
  }
}
