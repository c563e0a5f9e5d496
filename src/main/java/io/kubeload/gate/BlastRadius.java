package io.kubeload.gate;

import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.LevelLoad;
import io.kubeload.model.Projection;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.Simulations;
import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who else suffers when a priority level saturates: the critical system components whose requests
 * the default FlowSchemas send to the same level (docs/sources.md §3.4), and the analysed workloads in it.
 */
public final class BlastRadius {

  /** A saturated level, why, and whom it starves. */
  public record Impact(String level, String cause, String consequence, List<ObjectRef> workloads) {

    public Impact {
      workloads = List.copyOf(workloads);
    }
  }

  /** Who depends on each default level and what breaks when it starves (docs/sources.md §3.4 unless noted). */
  private static final Map<String, String> CONSEQUENCES =
      Map.of(
          "system",
              "kubelets' pod status updates (group system:nodes) wait: readiness and Endpoints lag behind the pods",
          "node-high",
              "kubelets' node status and Lease renewals wait: a node whose Lease is not renewed for 40 s is marked "
                  + "NotReady and its pods are evicted (nodeLeaseDurationSeconds, docs/sources.md §4)",
          "workload-high",
              "kube-controller-manager, kube-scheduler and every kube-system ServiceAccount (CoreDNS, kube-proxy, "
                  + "CNI agents) wait: pods are not created or scheduled, Service routing stops following changes, and DNS answers "
                  + "go stale when caches expire (docs/failures.md §1)",
          "workload-low",
              "every ServiceAccount outside kube-system shares it: operators and controllers in every other "
                  + "namespace time out their LISTs and relist, adding to the storm",
          "leader-election",
              "controllers miss Lease renewals and fail over: each new leader relists everything it watches",
          "global-default",
              "users and kubectl wait: operators lose the API access they need to recover (docs/failures.md §1)",
          "catch-all", "unclassified clients are rejected at once");

  private BlastRadius() {}

  static List<Impact> of(Projection projection, Simulations simulations, Policy policy) {
    Map<String, String> causes = new LinkedHashMap<>();
    for (LevelLoad level : projection.levelLoads()) {
      if (level.demand() > 0 && level.utilization() > policy.levelUtilization()) {
        causes.put(
            level.name(),
            "steady demand at "
                + io.kubeload.model.Units.percent(level.utilization())
                + " of its seats");
      }
    }
    for (WorkloadLoad load : projection.workloads()) {
      if (StartupStormCheck.harms(load.storm(), policy)) {
        causes.merge(
            load.priorityLevel(), "the start-up storm of " + load.ref(), (a, b) -> a + "; " + b);
      }
    }
    for (SimulationResult restart : simulations.restart().values()) {
      if (!restart.allSynced()) {
        causes.merge(
            restart.level(),
            "an API-server restart: pods do not resync within " + restart.span(),
            (a, b) -> a + "; " + b);
      }
    }
    List<Impact> out = new ArrayList<>();
    for (Map.Entry<String, String> e : causes.entrySet()) {
      List<ObjectRef> sharing =
          projection.workloads().stream()
              .filter(
                  w ->
                      w.demandIn(e.getKey()) > 0
                          || (w.priorityLevel().equals(e.getKey()) && !w.accesses().isEmpty()))
              .map(WorkloadLoad::ref)
              .sorted()
              .toList();
      out.add(
          new Impact(
              e.getKey(),
              e.getValue(),
              CONSEQUENCES.getOrDefault(
                  e.getKey(), "every client whose FlowSchema sends it here waits"),
              sharing));
    }
    return List.copyOf(out);
  }
}
