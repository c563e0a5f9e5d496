package io.kubeload.gate;

import io.kubeload.model.Physics;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.StartupStorm;
import io.kubeload.model.Units;
import io.kubeload.model.WriteInflation;
import io.kubeload.workload.Ignore;
import java.util.List;
import java.util.Map;

/** The only writer of a finding's words: every report prints what this makes from the evidence. */
public final class FindingText {

  /** How a baseline's error the change leaves as it was begins, demoted to a warning. */
  private static final String NOT_GATED = "in the baseline too, not gated: ";

  /** Whose writes land in each default level (docs/sources.md §3.4). */
  private static final Map<String, String> WRITERS =
      Map.of(
          "system", "the kubelets' (system:nodes)",
          "node-high", "the kubelets' node and Lease",
          "workload-high", "kube-controller-manager's and kube-system's",
          "workload-low", "other namespaces' ServiceAccounts'",
          "leader-election", "the leaders' Lease");

  private FindingText() {}

  public static String message(Finding finding) {
    return switch (finding.gating()) {
          case GATED -> "";
          case PRE_EXISTING -> NOT_GATED + "the change does not make it worse. ";
          case NOT_ROLLED -> NOT_GATED + "the change does not roll this workload out. ";
        }
        + finding.evidence().text();
  }

  static String text(Evidence.LevelSeats e) {
    String inflation = inflationSummary(e.inflations(), e.level());
    Units.Beside share = Units.percentBeside(e.share(), e.budgetShare());
    return e.level()
        + ": "
        + Units.number(e.busy())
        + " seats busy in steady state, "
        + share.value()
        + " of its "
        + Units.number(e.seats())
        + " (budget "
        + share.budget()
        + ")"
        + e.largestShare().map(s -> " (largest share: " + Units.number(s) + " of it)").orElse("")
        + (e.rejectedShare() > 0
            ? "; even borrowing every idle seat, ≈ "
                + Units.percent(e.rejectedShare())
                + " of its requests get 429"
            : e.utilization() > 1
                ? "; it gets by only on "
                    + Units.number(e.borrowable())
                    + " seats borrowed from other levels, which they reclaim when busy"
                : "")
        + (inflation.isEmpty() ? "" : ": " + inflation);
  }

  private static String inflationSummary(List<WriteInflation> inflations, String level) {
    return inflations.stream()
        .map(
            i ->
                Units.number(i.writesPerSecond())
                    + " "
                    + WRITERS.getOrDefault(level, "its writers'")
                    + " "
                    + i.resource()
                    + " writes/s now hold "
                    + i.seatsPerWriteAfter()
                    + " seats each (was "
                    + i.seatsPerWriteBefore()
                    + ") for "
                    + Units.number(i.watchersAfter())
                    + " interested watchers")
        .reduce((a, b) -> a + "; " + b)
        .orElse("");
  }

  static String text(Evidence.Storm e) {
    StartupStorm storm = e.storm();
    return Units.number(storm.pods())
        + " pods start at "
        + Units.number(storm.podsPerSecond())
        + "/s ("
        + storm.bound()
        + "), each LISTing "
        + Units.bytes(e.listBytesPerStart())
        + ": "
        + Units.number(storm.seatsDemanded())
        + " seats wanted of "
        + e.level()
        + "'s "
        + Units.number(storm.seatsAvailable())
        + "; "
        + lagSummary(storm, e.timeoutSeconds())
        + e.simulated().map(FindingText::simulatedSummary).orElse("");
  }

  private static String lagSummary(StartupStorm storm, double timeoutSeconds) {
    String timeout = Units.number(timeoutSeconds) + " s request time-out";
    if (storm.levelKeepsUp()) {
      return "one start-up LIST takes ≈ "
          + Units.seconds(storm.syncLagSeconds())
          + " to serve, past the "
          + timeout
          + ": the client gives up and LISTs again, for ever";
    }
    return "the level cannot keep up, and the last pods wait ≈ "
        + Units.duration(storm.syncLagSeconds())
        + " for their start-up LISTs, past the "
        + timeout
        + ": clients give up, retry and relist while the level stays saturated";
  }

  private static String simulatedSummary(SimulationResult s) {
    String synced =
        s.allSynced()
            ? "every pod synced after " + Units.seconds(Math.ceil(s.syncedSeconds().getAsDouble()))
            : "only "
                + Units.number(s.syncedPods())
                + " of "
                + Units.number(s.pods())
                + " pods synced after "
                + s.span();
    return "; simulated with retries: "
        + Units.number(s.rejected())
        + " requests answered 429, "
        + synced;
  }

  static String text(Evidence.ListMemory e) {
    Units.Beside memory = Units.bytesBeside(e.bytes(), e.budgetBytes());
    // Sorted as the enum declares them, whatever set the evidence holds.
    List<String> held =
        e.served().stream()
            .sorted()
            .map(
                where ->
                    switch (where) {
                      case WATCH_CACHE ->
                          Units.number(e.cacheAmplification()) + "× its response from the cache";
                      case ETCD ->
                          Units.number(Physics.ETCD_MEMORY_AMPLIFICATION)
                              + "× what it reads from etcd";
                      case WATCH_LIST ->
                          Units.bytes(Physics.WATCH_LIST_BYTES_PER_WATCHER) + " per streamed watch";
                    })
            .toList();
    return "start-up LISTs in flight hold ≈ "
        + memory.value()
        + " of API-server memory per replica "
        + "(each held "
        + String.join(", or ", held)
        + "; budget "
        + memory.budget()
        + ")";
  }

  static String text(Evidence.Egress e) {
    Units.Beside bytes = Units.bytesBeside(e.bytesPerSecond(), e.budgetBytesPerSecond());
    return "its "
        + Units.number(e.watches())
        + " watches receive "
        + Units.number(e.eventsPerSecond())
        + " events/s, "
        + bytes.value()
        + "/s per API server (budget "
        + bytes.budget()
        + "/s)";
  }

  static String text(Evidence.ScalesWith e) {
    return "passes at "
        + Units.number(e.nodes())
        + " nodes but breaks a budget from "
        + Units.number(e.breakEven())
        + " nodes ("
        + Units.number((double) e.breakEven() / e.nodes())
        + "× this cluster): "
        + e.scaling()
        + " in nodes, "
        + e.reason();
  }

  static String text(Evidence.Restart e) {
    SimulationResult restart = e.simulated();
    return "if every API server restarts, all informers relist at once: in "
        + e.level()
        + " only "
        + Units.number(restart.syncedPods())
        + " of "
        + Units.number(restart.pods())
        + " pods resync within "
        + restart.span()
        + ", with "
        + Units.number(restart.rejected())
        + " requests answered 429 (simulated)";
  }

  static String text(Evidence.UnknownResources e) {
    String named = String.join(", ", e.resources());
    return (e.accesses() == 1
            ? e.first() + ": the profile does not describe " + named
            : "the profile does not describe "
                + e.resources().size()
                + " resources it lists or watches ("
                + named
                + ")")
        + ", so "
        + (e.accesses() == 1 ? "its" : "their")
        + " load is not counted";
  }

  static String text(Evidence.ApfObject e) {
    return e.problem();
  }

  static String text(Evidence.Note e) {
    return e.problem();
  }

  static String text(Evidence.Ignore e) {
    return Ignore.KEY
        + " asks to skip "
        + e.rule().id()
        + " ("
        + e.reason()
        + "), but the policy forbids ignores (allowIgnores: false)";
  }
}
