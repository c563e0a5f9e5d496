package io.kubeload.model;

import io.kubeload.access.Access;
import io.kubeload.access.Access.Pattern;
import io.kubeload.access.Access.Scope;
import io.kubeload.access.AccessSet;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.ResourceProfile;
import io.kubeload.cluster.Scaled;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.manifest.Resources;
import io.kubeload.model.apf.ApfConfiguration;
import io.kubeload.model.apf.Classifier;
import io.kubeload.model.apf.FlowSchema;
import io.kubeload.workload.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The API server's arithmetic applied to inferred accesses: informer LIST/WATCH lifecycle, APF seats,
 * watch fan-out and the writes it inflates, start-up storms. Closed form, so its cost does not depend
 * on the node count.
 */
public final class LoadModel {

  private LoadModel() {}

  /** With the version's default FlowSchemas and priority levels. */
  public static Projection project(List<AccessSet> accessSets, ClusterProfile profile) {
    return project(accessSets, profile, ApfConfiguration.defaults(profile.version()));
  }

  public static Projection project(
      List<AccessSet> accessSets, ClusterProfile profile, ApfConfiguration apf) {
    return project(accessSets, profile, apf, PriorityLevels.of(profile, apf));
  }

  /**
   * With the priority levels already worked out for this profile and configuration ({@link
   * PriorityLevels#of(ClusterProfile, ApfConfiguration)}): the break-even search projects every
   * workload alone at the same node counts, and the levels depend only on those.
   */
  public static Projection project(
      List<AccessSet> accessSets,
      ClusterProfile profile,
      ApfConfiguration apf,
      Map<String, PriorityLevel> levels) {
    List<WorkloadLoad> loads =
        Classifier.each(
            accessSets, apf, (set, classifier) -> workload(set, profile, classifier, levels));
    return new Projection(
        profile, apf, levels, List.copyOf(loads), levelLoads(loads, profile, levels));
  }

  static WorkloadLoad workload(
      AccessSet set,
      ClusterProfile profile,
      Classifier classifier,
      Map<String, PriorityLevel> levels) {
    Workload workload = set.workload();
    int pods = workload.pods().atNodes(profile.nodes()).count();
    List<AccessLoad> accesses = new ArrayList<>();
    for (Access access : set.accesses()) {
      accesses.add(
          access(
              access, workload, pods, flowSchemaOf(access, workload, classifier), profile, levels));
    }
    String level =
        accesses.stream()
            .filter(a -> a.access().pattern() != Pattern.LEADER_ELECTION)
            .map(AccessLoad::priorityLevel)
            .findFirst()
            .orElseGet(
                () ->
                    accesses.isEmpty()
                        ? defaultFlowSchema(workload, classifier).priorityLevel()
                        : accesses.get(0).priorityLevel());
    List<WriteInflation> inflations = inflations(accesses, profile, levels);
    StartupStorm storm = Storms.startup(workload, pods, accesses, level, profile, levels);
    Optional<AccessLoad> dominant = dominantInEnvelope(accesses, profile.nodes());
    ScalingClass scaling =
        dominant.map(a -> ScalingClass.ofDegree(a.scalingDegree())).orElse(ScalingClass.NONE);
    return new WorkloadLoad(
        set,
        pods,
        level,
        accesses,
        WorkloadLoad.Totals.of(accesses),
        inflations,
        storm,
        new WorkloadLoad.Scaling(scaling, scalingReason(workload, scaling, dominant)));
  }

  /**
   * The access whose cost dominates at the edge of the upstream envelope: each access's bytes for one
   * watch cycle (its LIST and a mean watch's lifetime of events, or a poll's LISTs for as long), grown
   * from here by its own degree. A node agent whose own-node watch dominates is linear, even if a tiny
   * namespace LIST beside it grows with the cluster too.
   */
  static Optional<AccessLoad> dominantInEnvelope(List<AccessLoad> accesses, int nodes) {
    double growth = (double) Math.max(nodes, Physics.SUPPORTED_MAXIMUM_NODES) / Math.max(nodes, 1);
    return accesses.stream()
        .max(
            Comparator.comparingDouble(
                    (AccessLoad a) -> cycleBytes(a) * Math.pow(growth, a.scalingDegree()))
                .thenComparingInt(AccessLoad::scalingDegree)
                .thenComparing(a -> a.access().resource()));
  }

  private static double cycleBytes(AccessLoad a) {
    double polls = a.requestsPerSecond().getOrDefault("list", 0.0) * Physics.MEAN_WATCH_SECONDS;
    return a.listBytes() * (a.watches() + polls)
        + a.watchBytesPerSecond() * Physics.MEAN_WATCH_SECONDS;
  }

  /** The start-up storm the same workload would cause rolled out as {@code workload} says (e.g. slower). */
  public static StartupStorm stormOf(WorkloadLoad load, Workload workload, Projection projection) {
    return Storms.startup(
        workload,
        load.pods(),
        load.accesses(),
        load.priorityLevel(),
        projection.profile(),
        projection.levels());
  }

  /** The roll-out simulation of the same workload rolled out as {@code workload} says. */
  public static SimulationResult simulate(
      WorkloadLoad load, Workload workload, Projection projection, double horizon) {
    WorkloadLoad other = load.rolledOutAs(workload, stormOf(load, workload, projection));
    return RolloutSimulation.rollout(other, projection.profile(), projection.levels(), horizon);
  }

  /** The FlowSchema that classifies an access's requests, and so its level (docs/sources.md §3.4). */
  static FlowSchema flowSchemaOf(Access access, Workload workload, Classifier classifier) {
    String resource = access.resource();
    String verb =
        switch (access.pattern()) {
          case INFORMER, POLL -> "list";
          case GET_PER_EVENT -> "get";
          case LEADER_ELECTION -> "update";
        };
    // A leader's Lease lives in the workload's namespace, whatever scope its grant had.
    boolean clusterWide =
        access.pattern() != Pattern.LEADER_ELECTION
            && (access.scope() == Scope.CLUSTER || access.scope() == Scope.OWN_NODE);
    String namespace =
        Resources.isClusterScoped(resource) || clusterWide
            ? ""
            : access.scope() == Scope.NAMESPACE ? access.namespace() : workload.namespace();
    return classifier.ofServiceAccount(
        workload.namespace(), workload.serviceAccount(), verb, resource, namespace);
  }

  /**
   * The FlowSchema of a workload with no access, so that it still has a level: that of a GET of a pod
   * in its own namespace, the plainest request its service account could make.
   */
  static FlowSchema defaultFlowSchema(Workload workload, Classifier classifier) {
    return classifier.ofServiceAccount(
        workload.namespace(), workload.serviceAccount(), "get", "pods", workload.namespace());
  }

  private static AccessLoad access(
      Access access,
      Workload workload,
      int pods,
      FlowSchema schema,
      ClusterProfile profile,
      Map<String, PriorityLevel> levels) {
    String level = schema.priorityLevel();
    Optional<ResourceProfile> resource = profile.resource(access.resource());
    double clusterObjects = profile.objects(access.resource());
    double size =
        resource.map(ResourceProfile::sizeBytes).orElse(0.0)
            * (access.client().metadataOnly() ? Physics.METADATA_ONLY_SHARE : 1);
    double inScope = clusterObjects * scopeFraction(access, profile, clusterObjects);
    double churnInScope =
        profile.churn(access.resource()) * scopeFraction(access, profile, clusterObjects);
    PriorityLevel priority = levels.get(level);
    double requestSeconds = profile.latency().requestSeconds();
    ListCost list = ListCost.NONE;
    double watches = 0;
    double events = 0;
    double addedWatchers = 0;
    double seatSeconds;
    AccessLoad.RateBound bound = AccessLoad.RateBound.CLUSTER;
    double qps = access.client().qps();
    Map<String, Double> rates = new TreeMap<>();
    switch (access.pattern()) {
      case INFORMER -> {
        list =
            ListCosts.of(
                access, profile, clusterObjects, inScope, size, priority.maxSeatsPerRequest());
        watches = pods;
        events = pods * churnInScope;
        addedWatchers = pods * interestedWatcherWeight(access, profile, clusterObjects);
        // Re-watches are not rate-limited by the client (rest/request.go, docs/sources.md §1.2).
        double rewatch = pods / Physics.MEAN_WATCH_SECONDS;
        rates.put("watch", rewatch);
        seatSeconds = rewatch * Physics.MIN_SEATS * requestSeconds;
      }
      case POLL -> {
        list =
            ListCosts.of(
                access, profile, clusterObjects, inScope, size, priority.maxSeatsPerRequest());
        double perPod = 1 / access.periodSeconds();
        bound = perPod > qps ? AccessLoad.RateBound.CLIENT_LIMIT : AccessLoad.RateBound.CLUSTER;
        double lists = pods * Math.min(perPod, qps);
        rates.put("list", lists);
        seatSeconds = lists * list.seats() * list.seconds();
      }
      case GET_PER_EVENT -> {
        double perPod =
            access
                .ratePerSecond()
                .orElse(
                    workload.runsOnEveryNode()
                        ? ownNodeShare(access, churnInScope, profile)
                        : pods == 0 ? 0 : churnInScope / pods);
        bound = perPod > qps ? AccessLoad.RateBound.CLIENT_LIMIT : AccessLoad.RateBound.CLUSTER;
        double gets = pods * Math.min(perPod, qps);
        rates.put("get", gets);
        seatSeconds = gets * Physics.MIN_SEATS * requestSeconds;
      }
      case LEADER_ELECTION -> {
        double electors =
            pods == 0
                ? 0
                : Physics.LEADER_REQUESTS_PER_SECOND
                    + (pods - 1) * Physics.FOLLOWER_REQUESTS_PER_SECOND;
        rates.put("get/update", electors);
        seatSeconds = electors * Physics.MIN_SEATS * requestSeconds;
      }
      default -> throw new IllegalStateException("unknown pattern " + access.pattern());
    }
    AccessLoad.Knowledge knowledge =
        resource.isPresent() || access.pattern() == Pattern.LEADER_ELECTION
            ? AccessLoad.Knowledge.PROFILED
            : AccessLoad.Knowledge.UNKNOWN;
    return new AccessLoad(
        access,
        new AccessLoad.Classification(schema.name(), level),
        inScope,
        list,
        new AccessLoad.Traffic(rates, watches, events, events * size, seatSeconds, addedWatchers),
        degree(access, workload, resource),
        knowledge,
        bound);
  }

  /** Share of a resource's objects (and writes) one pod sees. */
  static double scopeFraction(Access access, ClusterProfile profile, double clusterObjects) {
    return switch (access.scope()) {
      case CLUSTER -> 1;
      // Objects are assumed spread evenly over namespaces.
      case NAMESPACE -> 1 / profile.namespaces();
      case OWN_NODE -> 1.0 / profile.nodes();
      case NAMED -> clusterObjects <= 0 ? 0 : Math.min(1, 1 / clusterObjects);
    };
  }

  /**
   * A per-node agent's GETs follow the events on its own node: of a cluster- or namespace-wide
   * scope, one node's share. Other workloads' replicas share the scope's events between them.
   */
  private static double ownNodeShare(Access access, double churnInScope, ClusterProfile profile) {
    return access.scope() == Scope.CLUSTER || access.scope() == Scope.NAMESPACE
        ? churnInScope / profile.nodes()
        : churnInScope;
  }

  /**
   * How much one watcher counts in APF's W for a write of the resource: cluster-wide watchers always,
   * namespace watchers for writes in their namespace; pod watchers selecting a spec.nodeName are not
   * counted (watch_tracker.go, docs/sources.md §3.5).
   */
  private static double interestedWatcherWeight(
      Access access, ClusterProfile profile, double clusterObjects) {
    return switch (access.scope()) {
      case CLUSTER -> 1;
      case NAMESPACE -> 1 / profile.namespaces();
      case OWN_NODE -> access.resource().equals("pods") ? 0 : 1;
      case NAMED -> clusterObjects <= 0 ? 0 : Math.min(1, 1 / clusterObjects);
    };
  }

  /** How the access's total cost grows with nodes: pods per node (0/1) + objects or writes in scope (0/1). */
  private static int degree(Access access, Workload workload, Optional<ResourceProfile> resource) {
    int podsDegree = workload.podsGrowWithNodes() ? 1 : 0;
    if (resource.isEmpty()) {
      return access.pattern() == Pattern.LEADER_ELECTION ? 0 : podsDegree;
    }
    Scaled count = resource.get().count();
    Scaled churn = resource.get().churn();
    int scopeDegree =
        switch (access.scope()) {
          case CLUSTER -> Math.max(count.nodeDegree(), churn.nodeDegree());
          case NAMESPACE, OWN_NODE, NAMED -> 0;
        };
    return switch (access.pattern()) {
      case INFORMER, POLL -> podsDegree + scopeDegree;
      // A per-node agent's GETs follow its node's events: the cluster's writes, spread over the
      // nodes;
      // a declared rate is per pod, so it grows as the pods do.
      case GET_PER_EVENT ->
          access.ratePerSecond().isPresent()
              ? podsDegree
              : workload.runsOnEveryNode() ? churn.nodeDegree() : scopeDegree;
      case LEADER_ELECTION -> 0;
    };
  }

  private static String scalingReason(
      Workload workload, ScalingClass scaling, Optional<AccessLoad> dominant) {
    if (scaling == ScalingClass.NONE) {
      return "no API access";
    }
    AccessLoad term = dominant.orElseThrow();
    String pods =
        workload.runsOnEveryNode()
            ? "one pod per node"
            : workload.podsGrowWithNodes()
                ? "pods in proportion to the nodes"
                : "a fixed number of pods";
    String scope =
        switch (term.access().scope()) {
          case CLUSTER ->
              term.scalingDegree() - (workload.podsGrowWithNodes() ? 1 : 0) > 0
                  ? "each sees every "
                      + term.access().resource()
                      + " object in the cluster, which grows with the nodes"
                  : "each sees all "
                      + term.access().resource()
                      + ", a count that does not grow with the nodes";
          case NAMESPACE -> "each sees one namespace of " + term.access().resource();
          case OWN_NODE -> "each sees only its own node's " + term.access().resource();
          case NAMED -> "each sees only named " + term.access().resource();
        };
    return pods + "; " + scope;
  }

  private static List<WriteInflation> inflations(
      List<AccessLoad> accesses, ClusterProfile profile, Map<String, PriorityLevel> levels) {
    // Watchers of every object (cluster, namespace) add to each write's W; watchers of one named
    // object add all their pods to the writes of that object only.
    Map<String, Double> spread = new TreeMap<>();
    Map<String, Double> named = new TreeMap<>();
    accesses.stream()
        .filter(a -> a.addedWatchers() > 0 && a.profiled())
        .forEach(
            a ->
                (a.access().scope() == Scope.NAMED ? named : spread)
                    .merge(
                        a.access().resource(),
                        a.access().scope() == Scope.NAMED ? a.watches() : a.addedWatchers(),
                        Double::sum));
    List<WriteInflation> out = new ArrayList<>();
    TreeSet<String> resources = new TreeSet<>(spread.keySet());
    resources.addAll(named.keySet());
    for (String resource : resources) {
      ResourceProfile r = profile.resource(resource).orElseThrow();
      double writes = profile.churn(resource);
      PriorityLevel writer = levels.getOrDefault(r.writerLevel(), levels.get("workload-high"));
      int cap = writer.maxSeatsPerRequest();
      double exec = profile.latency().requestSeconds();
      double before = profile.existingWatchers(resource);
      double after = before + spread.getOrDefault(resource, 0.0);
      double extra =
          writes
              * (WorkEstimator.writeSeatSeconds(after, exec, cap)
                  - WorkEstimator.writeSeatSeconds(before, exec, cap));
      double onNamed = named.getOrDefault(resource, 0.0);
      if (onNamed > 0) {
        double writesOfOne = writes / Math.max(1, profile.objects(resource));
        extra +=
            writesOfOne
                * (WorkEstimator.writeSeatSeconds(after + onNamed, exec, cap)
                    - WorkEstimator.writeSeatSeconds(after, exec, cap));
      }
      if (extra > 0) {
        double shown = onNamed > 0 ? after + onNamed : after;
        out.add(
            new WriteInflation(
                resource,
                writer.name(),
                writes,
                before,
                shown,
                WorkEstimator.writeSeats(before, cap),
                WorkEstimator.writeSeats(shown, cap),
                extra));
      }
    }
    return List.copyOf(out);
  }

  private static List<LevelLoad> levelLoads(
      List<WorkloadLoad> loads, ClusterProfile profile, Map<String, PriorityLevel> levels) {
    int replicas = profile.apiServers().replicas();
    Map<String, Double> wanted = new LinkedHashMap<>();
    Map<String, Map<ObjectRef, Double>> contributions = new LinkedHashMap<>();
    // Each demand computed once, in the levels the workload's requests and inflated writes land in
    // (its demand in any other is none): the sort then compares stored figures, and the workloads
    // of a repository of releases tie on demand by thousands.
    record Demand(WorkloadLoad load, double seats) {}
    Map<String, List<Demand>> byLevel = new HashMap<>();
    for (WorkloadLoad load : loads) {
      Set<String> landsIn = new LinkedHashSet<>();
      load.accesses().forEach(a -> landsIn.add(a.priorityLevel()));
      load.inflations().forEach(i -> landsIn.add(i.writerLevel()));
      for (String level : landsIn) {
        double seats = load.demandIn(level);
        if (seats > 0) {
          byLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(new Demand(load, seats));
        }
      }
    }
    for (PriorityLevel level : levels.values()) {
      List<Demand> demands = byLevel.getOrDefault(level.name(), new ArrayList<>());
      demands.sort(
          Comparator.comparingDouble((Demand d) -> -d.seats()).thenComparing(d -> d.load().ref()));
      Map<ObjectRef, Double> byWorkload = new LinkedHashMap<>();
      demands.forEach(d -> byWorkload.put(d.load().ref(), d.seats()));
      contributions.put(level.name(), byWorkload);
      double existing = profile.existingSeatDemand().getOrDefault(level.name(), 0.0) * replicas;
      wanted.put(
          level.name(),
          existing + byWorkload.values().stream().mapToDouble(Double::doubleValue).sum());
    }
    List<LevelLoad> out = new ArrayList<>();
    for (PriorityLevel level : levels.values()) {
      if (level.exempt()) {
        continue; // not limited
      }
      // Others lend what they do not use, up to their lendable seats; this level borrows up to its
      // limit.
      double idleLendable =
          levels.values().stream()
              .filter(other -> !other.exempt() && !other.name().equals(level.name()))
              .mapToDouble(
                  other ->
                      Math.min(
                          (double) other.lendableSeats() * replicas,
                          Math.max(
                              0,
                              (double) other.nominalSeats() * replicas - wanted.get(other.name()))))
              .sum();
      double borrowable = Math.min(idleLendable, (double) level.borrowingLimitSeats() * replicas);
      double existing = profile.existingSeatDemand().getOrDefault(level.name(), 0.0) * replicas;
      double demand = wanted.get(level.name()) - existing;
      out.add(
          new LevelLoad(
              level.name(),
              (double) level.nominalSeats() * replicas,
              (double) level.guaranteedSeats() * replicas,
              borrowable,
              existing,
              demand,
              contributions.get(level.name())));
    }
    return List.copyOf(out);
  }
}
