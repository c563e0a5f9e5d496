package io.kubeload.model.apf;

import io.kubeload.cluster.KubernetesVersion;
import io.kubeload.model.apf.PriorityLevelConfig.Handling;
import io.kubeload.model.apf.PriorityLevelConfig.Queuing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The API server's bootstrap FlowSchemas and PriorityLevelConfigurations for 1.27 to 1.35
 * (pkg/apis/flowcontrol/bootstrap/default.go, diffed per version in docs/sources.md §3.3–3.4).
 */
final class DefaultApf {

  /** Mandatory objects: the API server restores them, whatever a manifest says (bootstrap/default.go). */
  static final Set<String> MANDATORY = Set.of("exempt", "catch-all");

  private static final Set<String> ALL = Set.of("*");
  private static final FlowSchema.ResourceRule EVERYTHING =
      new FlowSchema.ResourceRule(ALL, ALL, ALL, true, ALL);

  private DefaultApf() {}

  /** name, NominalConcurrencyShares, lendablePercent, queues, handSize, queueLengthLimit (docs/sources.md §3.3). */
  static List<PriorityLevelConfig> priorityLevels() {
    return List.of(
        new PriorityLevelConfig(
            "exempt", Handling.EXEMPT, 0, 0, OptionalInt.empty(), Queuing.NONE, Optional.empty()),
        new PriorityLevelConfig(
            "catch-all",
            Handling.REJECT,
            5,
            0,
            OptionalInt.empty(),
            Queuing.NONE,
            Optional.empty()),
        queuing("system", 30, 33, 64, 6),
        queuing("node-high", 40, 25, 64, 6),
        queuing("leader-election", 10, 0, 16, 4),
        queuing("workload-high", 40, 50, 128, 6),
        queuing("workload-low", 100, 90, 128, 6),
        queuing("global-default", 20, 50, 128, 6));
  }

  private static PriorityLevelConfig queuing(
      String name, int shares, int lendable, int queues, int handSize) {
    // queueLengthLimit 50 for every queuing default level (docs/sources.md §3.3).
    return new PriorityLevelConfig(
        name,
        Handling.QUEUE,
        shares,
        lendable,
        OptionalInt.empty(),
        new Queuing(queues, handSize, 50),
        Optional.empty());
  }

  /** Default FlowSchemas with their precedence; endpoint-controller and workload-leader-election end at 1.33 (docs/sources.md §3.4). */
  static List<FlowSchema> flowSchemas(KubernetesVersion version) {
    List<FlowSchema> out = new ArrayList<>();
    FlowSchema.Subject kubeSystemAccounts =
        new FlowSchema.Subject("ServiceAccount", "*", "kube-system");
    FlowSchema.Subject controllerManager = user("system:kube-controller-manager");
    FlowSchema.Subject nodes = group("system:nodes");
    List<FlowSchema.Subject> everyone =
        List.of(group("system:unauthenticated"), group("system:authenticated"));
    out.add(
        schema("exempt", 1, "exempt", "", List.of(group("system:masters")), List.of(EVERYTHING)));
    // probes (1.22+): everyone's non-resource GET /healthz, /readyz, /livez is exempt
    // (docs/sources.md §3.4). Only
    // resource rules are modelled, and no resource request matches it: it is here so a chart's
    // FlowSchema of that name replaces it, as on a real server.
    out.add(schema("probes", 2, "exempt", "", everyone, List.of()));
    out.add(
        schema(
            "system-leader-election",
            100,
            "leader-election",
            "ByUser",
            List.of(controllerManager, user("system:kube-scheduler"), kubeSystemAccounts),
            List.of(
                namespaced(
                    Set.of("get", "create", "update"), "coordination.k8s.io", Set.of("leases")))));
    if (!version.atLeast(34)) {
      out.add(
          schema(
              "endpoint-controller",
              150,
              "workload-high",
              "ByUser",
              List.of(
                  controllerManager,
                  new FlowSchema.Subject("ServiceAccount", "endpoint-controller", "kube-system"),
                  new FlowSchema.Subject(
                      "ServiceAccount", "endpointslicemirroring-controller", "kube-system")),
              List.of(namespaced(Set.of("get", "create", "update"), "", Set.of("endpoints")))));
      out.add(
          schema(
              "workload-leader-election",
              200,
              "leader-election",
              "ByUser",
              List.of(kubeSystemAccounts),
              List.of(
                  namespaced(
                      Set.of("get", "create", "update"), "", Set.of("endpoints", "configmaps")),
                  namespaced(
                      Set.of("get", "create", "update"),
                      "coordination.k8s.io",
                      Set.of("leases")))));
    }
    out.add(
        schema(
            "system-node-high",
            400,
            "node-high",
            "ByUser",
            List.of(nodes),
            List.of(
                new FlowSchema.ResourceRule(
                    ALL, Set.of(""), Set.of("nodes", "nodes/status"), true, Set.of()),
                namespaced(ALL, "coordination.k8s.io", Set.of("leases")))));
    out.add(schema("system-nodes", 500, "system", "ByUser", List.of(nodes), List.of(EVERYTHING)));
    out.add(
        schema(
            "kube-controller-manager",
            800,
            "workload-high",
            "ByNamespace",
            List.of(controllerManager),
            List.of(EVERYTHING)));
    out.add(
        schema(
            "kube-scheduler",
            800,
            "workload-high",
            "ByNamespace",
            List.of(user("system:kube-scheduler")),
            List.of(EVERYTHING)));
    out.add(
        schema(
            "kube-system-service-accounts",
            900,
            "workload-high",
            "ByNamespace",
            List.of(kubeSystemAccounts),
            List.of(EVERYTHING)));
    out.add(
        schema(
            "service-accounts",
            9000,
            "workload-low",
            "ByUser",
            List.of(group("system:serviceaccounts")),
            List.of(EVERYTHING)));
    out.add(
        schema("global-default", 9900, "global-default", "ByUser", everyone, List.of(EVERYTHING)));
    out.add(schema("catch-all", 10000, "catch-all", "ByUser", everyone, List.of(EVERYTHING)));
    return out;
  }

  private static FlowSchema schema(
      String name,
      int precedence,
      String level,
      String distinguisher,
      List<FlowSchema.Subject> subjects,
      List<FlowSchema.ResourceRule> rules) {
    return new FlowSchema(
        name,
        precedence,
        level,
        distinguisher,
        List.of(new FlowSchema.Rule(subjects, rules)),
        Optional.empty());
  }

  private static FlowSchema.ResourceRule namespaced(
      Set<String> verbs, String group, Set<String> resources) {
    return new FlowSchema.ResourceRule(verbs, Set.of(group), resources, false, ALL);
  }

  private static FlowSchema.Subject user(String name) {
    return new FlowSchema.Subject("User", name, "");
  }

  private static FlowSchema.Subject group(String name) {
    return new FlowSchema.Subject("Group", name, "");
  }
}
