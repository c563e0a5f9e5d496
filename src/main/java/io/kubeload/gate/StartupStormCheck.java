package io.kubeload.gate;

import io.kubeload.model.StartupStorm;
import java.util.List;
import java.util.Set;

/** startup-storm: the last pods of a roll-out still wait for their start-up LISTs past the request time-out. */
final class StartupStormCheck implements Check {

  @Override
  public Set<Rule> rules() {
    return Set.of(Rule.STARTUP_STORM);
  }

  @Override
  public List<Finding> findings(Context context) {
    double timeout = context.policy().requestTimeoutSeconds();
    return context.projection().workloads().stream()
        .filter(load -> harms(load.storm(), context.policy()))
        .map(
            load ->
                Finding.of(
                    Rule.STARTUP_STORM,
                    load.ref(),
                    new Evidence.Storm(
                        load.priorityLevel(),
                        load.storm(),
                        load.listBytesPerStart(),
                        timeout,
                        context.rolloutOf(load.ref())),
                    load.workload().location(),
                    Fixes.storm(load),
                    Fixes.dominantIndex(load)))
        .toList();
  }

  /**
   * A start-up storm harms when its last pods still wait for their start-up LISTs past the request
   * time-out: clients give up, retry and relist, so the level stays saturated and a LIST that alone
   * outlasts the time-out never completes (the relist storm of projectcalico/node issue 1200).
   * 429s alone are APF working: it rejects the storm's own flow and keeps serving the level's others.
   */
  static boolean harms(StartupStorm storm, Policy policy) {
    return storm.syncLagSeconds() > policy.requestTimeoutSeconds();
  }
}
