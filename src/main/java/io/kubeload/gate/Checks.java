package io.kubeload.gate;

import io.kubeload.parallel.SideBySide;
import java.util.List;
import java.util.stream.Stream;

/** Every check the gate runs: a new rule's check is added to {@link #ALL} (and to {@link #BUDGETS} if it is a budget). */
final class Checks {

  /** The policy's budgets: what a workload is judged by alone, at any node count. */
  static final List<Check> BUDGETS =
      List.of(
          new StartupStormCheck(),
          new ListMemoryCheck(),
          new WatchEgressCheck(),
          new SeatDemandCheck());

  private static final Check IGNORE_FORBIDDEN = new IgnoreForbiddenCheck();

  static final List<Check> ALL =
      Stream.concat(
              BUDGETS.stream(),
              Stream.of(
                  new InferenceNotesCheck(),
                  new UnknownResourceCheck(),
                  new RestartStormCheck(),
                  new ApfConfigurationCheck(),
                  new ScalesWithClusterCheck(),
                  IGNORE_FORBIDDEN))
          .toList();

  /** The errors a baseline is compared by: the budgets, and ignores the policy forbids. */
  static final List<Check> COMPARED =
      Stream.concat(BUDGETS.stream(), Stream.of(IGNORE_FORBIDDEN)).toList();

  private Checks() {}

  /** The findings of every check in {@code checks}, in their order. */
  static List<Finding> run(List<Check> checks, Check.Context context) {
    // Each check reads the context only.
    return (context.projection().workloads().size() >= SideBySide.FROM
            ? checks.parallelStream()
            : checks.stream())
        .flatMap(c -> c.findings(context).stream())
        .toList();
  }
}
