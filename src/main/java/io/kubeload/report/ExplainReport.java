package io.kubeload.report;

import io.kubeload.access.Access;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.ResourceProfile;
import io.kubeload.gate.Finding;
import io.kubeload.gate.Verdict;
import io.kubeload.model.AccessLoad;
import io.kubeload.model.ListCost;
import io.kubeload.model.Physics;
import io.kubeload.model.PriorityLevel;
import io.kubeload.model.ScalingClass;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.StartupStorm;
import io.kubeload.model.Units;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.model.WriteInflation;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * {@code kubeload explain}: one workload's whole derivation, from the manifest lines that decided
 * its accesses to each formula with its inputs and result, so a reviewer can check it by hand.
 */
public final class ExplainReport {

  private ExplainReport() {}

  public static String render(Verdict verdict, WorkloadLoad load) {
    ClusterProfile profile = verdict.projection().profile();
    StringBuilder out = new StringBuilder();
    out.append(load.ref()).append("\n  at ").append(load.workload().location()).append('\n');
    out.append("profile ")
        .append(profile.name())
        .append(": ")
        .append(Units.number(profile.nodes()))
        .append(" nodes, ")
        .append(Units.number(profile.podsPerNode()))
        .append(" pods/node, Kubernetes ")
        .append(profile.version().describe())
        .append(", ")
        .append(profile.apiServers().replicas())
        .append(profile.apiServers().replicas() == 1 ? " API server of " : " API servers of ")
        .append(profile.apiServers().concurrencyLimit())
        .append(" seats (")
        .append(profile.apiServers().maxRequestsInflight())
        .append(" + ")
        .append(profile.apiServers().maxMutatingRequestsInflight())
        .append(" in flight)\n\n");

    out.append("PODS ")
        .append(Units.number(load.pods()))
        .append(": ")
        .append(load.workload().pods().reason())
        .append("; roll-out ")
        .append(
            load.workload().isNew()
                ? "new (no baseline): every pod starts"
                : load.workload().rollout().declared())
        .append('\n');
    out.append("ServiceAccount ")
        .append(load.workload().namespace())
        .append('/')
        .append(load.workload().serviceAccount())
        .append('\n');
    out.append("\nACCESSES, decided by ").append(load.accessSet().basis()).append('\n');
    if (load.accesses().isEmpty()) {
      out.append("  none: no API requests, no load\n");
    }
    int n = 1;
    for (AccessLoad a : load.accesses()) {
      access(out, n++, a, load, verdict);
    }
    for (var note : load.accessSet().notes()) {
      line(out, "  note", note.message() + " (" + note.location() + ")");
    }

    out.append("\nSTEADY STATE\n");
    line(
        out,
        "  requests/s",
        Units.number(load.requestsPerSecond())
            + new java.util.TreeMap<>(load.requestsByVerb())
                .entrySet().stream()
                    .map(e -> e.getKey() + " " + Units.number(e.getValue()))
                    .reduce((a, b) -> a + ", " + b)
                    .map(v -> " (" + v + ")")
                    .orElse(""));
    line(out, "  open watches", Units.number(load.watches()));
    line(
        out,
        "  watch events/s",
        Units.number(load.watchEventsPerSecond())
            + " ("
            + Units.bytes(load.watchBytesPerSecond())
            + "/s)");
    for (var level : verdict.projection().levelLoads()) {
      if (load.demandIn(level.name()) > 0) {
        line(
            out,
            "  seat demand",
            level.name()
                + ": "
                + Units.number(load.demandIn(level.name()))
                + " seat-seconds/s of "
                + Units.number(level.seats())
                + " seats (all workloads: "
                + Units.percent(level.utilization())
                + ")");
      }
    }
    for (WriteInflation i : load.inflations()) {
      out.append("\nWRITES IT MAKES DEARER: ")
          .append(i.resource())
          .append(" in ")
          .append(i.writerLevel())
          .append('\n');
      line(
          out,
          "  writes",
          Units.number(i.writesPerSecond())
              + "/s, interested watchers "
              + Units.number(i.watchersBefore())
              + " → "
              + Units.number(i.watchersAfter()));
      line(
          out,
          "  seats per write",
          "max(1, min(ceil(W / "
              + (int) Physics.WATCHES_PER_SEAT
              + "), cap)) = "
              + i.seatsPerWriteBefore()
              + " → "
              + i.seatsPerWriteAfter()
              + ", held "
              + Units.number(Physics.EVENT_ADDITIONAL_SECONDS * 1000)
              + " ms per "
              + (int) Physics.WATCHES_PER_SEAT
              + " watchers longer (docs/sources.md §3.5)");
      line(
          out, "  added", Units.number(i.extraSeatSecondsPerSecond()) + " seat-seconds per second");
    }

    storm(out, load.storm(), load);
    verdict
        .simulations()
        .rollout(load.ref())
        .ifPresent(
            r -> {
              simulated(out, "SIMULATED ROLL-OUT", r.result());
              line(
                  out,
                  "  run",
                  r.workloads() == 1
                      ? "simulated for this workload alone: no other here has its pods, roll-out and"
                          + " start-up LISTs"
                      : "simulated once for the "
                          + Units.number(r.workloads())
                          + " workloads of this shape: equal pods, roll-out and start-up LISTs give"
                          + " equal runs (docs/model.md §6)");
            });
    SimulationResult restart = verdict.simulations().restart().get(load.priorityLevel());
    if (restart != null) {
      simulated(
          out,
          "SIMULATED API-SERVER RESTART (" + load.priorityLevel() + ", all workloads)",
          restart);
    }

    out.append("\nSCALING ")
        .append(load.scalingClass().label())
        .append(" (the term that dominates up to ")
        .append(Units.number(Physics.SUPPORTED_MAXIMUM_NODES))
        .append(" nodes; each access gives its own above): ")
        .append(load.scalingReason())
        .append('\n');
    OptionalInt breakEven = verdict.breakEvenNodes(load.ref());
    line(
        out,
        "  breaks a budget from",
        breakEven.isPresent()
            ? Units.number(breakEven.getAsInt()) + " nodes"
            : "never, up to 1,000,000 nodes");

    verdict
        .recommendation(load.ref())
        .ifPresent(
            r -> {
              out.append("\nROLL-OUT\n");
              line(out, "  advice", r.advice());
              line(
                  out,
                  "  paces tried",
                  r.pacesSimulated()
                      + " simulated"
                      + (r.pacesProven() == 0
                          ? ""
                          : "; "
                              + r.pacesProven()
                              + " not simulated: closed form, no request of their waves can queue in the level's free seats"
                              + " and all their LISTs at once fit the memory budget"));
            });
    out.append("\nFINDINGS\n");
    boolean any = false;
    for (Finding f : verdict.findings()) {
      if (f.subject().equals(load.ref())) {
        any = true;
        line(out, "  " + f.severity().label() + " " + f.rule(), f.message());
        line(out, "    fix", f.fix());
      }
    }
    if (!any) {
      out.append("  none\n");
    }
    return Markup.terminal(out.toString());
  }

  private static void access(
      StringBuilder out, int n, AccessLoad a, WorkloadLoad load, Verdict verdict) {
    Access access = a.access();
    ClusterProfile profile = verdict.projection().profile();
    PriorityLevel level = verdict.projection().levels().get(a.priorityLevel());
    out.append("\n").append(n).append(". ").append(access.describe()).append('\n');
    line(out, "  from", access.provenance().toString());
    line(
        out,
        "  APF",
        "FlowSchema "
            + a.flowSchema()
            + " → priority level "
            + a.priorityLevel()
            + " ("
            + level.nominalSeats()
            + " seats per API server, at most "
            + level.maxSeatsPerRequest()
            + " per request)");
    ResourceProfile resource = profile.resource(access.resource()).orElse(null);
    if (resource == null && access.pattern() != Access.Pattern.LEADER_ELECTION) {
      line(
          out,
          "  profile",
          "does not describe " + access.resource() + ": no objects, no churn, no load counted");
      return;
    }
    if (resource != null) {
      double objects = profile.objects(access.resource());
      line(
          out,
          "  in the cluster",
          Units.number(objects)
              + " "
              + access.resource()
              + " of "
              + Units.bytes(resource.sizeBytes())
              + ", written "
              + Units.number(profile.churn(access.resource()))
              + " times/s");
      line(out, "  one pod sees", Units.number(a.objectsInScope()) + " (" + scope(access) + ")");
    }
    if (a.listsPerStart() > 0) {
      ListCost list = a.list();
      line(
          out,
          "  LIST",
          Units.bytes(a.listBytes())
              + " returned, served from "
              + list.served().label()
              + (list.served() == ListCost.Served.ETCD
                  ? ", reading " + Units.bytes(list.scannedBytes()) + " of etcd"
                  : "")
              + " (resourceVersion "
              + access.client().consistency().label()
              + ", watch-list "
              + access
                  .client()
                  .watchList()
                  .map(String::valueOf)
                  .orElse("unknown: classic LIST assumed")
              + (access.client().metadataOnly() ? ", metadata only: half of each object" : "")
              + ")");
      line(
          out,
          "  LIST seats",
          a.listSeats()
              + " ("
              + (profile.version().atLeast(Physics.SIZE_BASED_LIST_COST_SINCE_MINOR)
                  ? "size-based: ceil(bytes charged / 100,000)"
                  : "count-based: ceil("
                      + Units.number(profile.objects(access.resource()))
                      + " objects / 100)")
              + ", at most min(version cap, "
              + level.maxSeatsPerRequest()
              + ")); held "
              + Units.seconds(a.listSeconds())
              + " = "
              + Units.seconds(profile.latency().requestSeconds())
              + " + bytes ÷ "
              + Units.bytes(profile.latency().listBytesPerSecond())
              + "/s"
              + (list.served() == ListCost.Served.ETCD ? " × 10/3 (etcd)" : "")
              + (list.served() == ListCost.Served.WATCH_LIST
                      && profile.version().atLeast(Physics.WATCH_LIST_COMPRESSION_SINCE_MINOR)
                  ? " ÷ "
                      + Units.number(Physics.WATCH_LIST_COMPRESSED_SPEEDUP)
                      + " (the initial stream is gzipped from 1.37)"
                  : ""));
      line(out, "  LIST memory", Units.bytes(list.memoryBytes()) + " while served");
    }
    switch (access.pattern()) {
      case INFORMER -> {
        line(
            out,
            "  re-watches",
            pods(load)
                + " ÷ "
                + Units.number(Physics.MEAN_WATCH_SECONDS)
                + " s = "
                + Units.number(a.requestsPerSecond().getOrDefault("watch", 0.0))
                + "/s (watch timeout uniform in [5, 10) min)");
        line(
            out,
            "  watch events",
            Units.number(a.watchEventsPerSecond())
                + "/s = "
                + pods(load)
                + " × writes/s in scope ("
                + Units.bytes(a.watchBytesPerSecond())
                + "/s)");
        line(
            out,
            "  interested watchers added",
            Units.number(a.addedWatchers())
                + (access.scope() == Access.Scope.OWN_NODE && access.resource().equals("pods")
                    ? " (node-selected pod watches are not counted by APF)"
                    : ""));
      }
      case POLL ->
          line(
              out,
              "  LISTs",
              Units.number(a.requestsPerSecond().getOrDefault("list", 0.0))
                  + "/s = "
                  + pods(load)
                  + " ÷ "
                  + Units.number(access.periodSeconds())
                  + " s"
                  + capped(a));
      case GET_PER_EVENT ->
          line(
              out,
              "  GETs",
              Units.number(a.requestsPerSecond().getOrDefault("get", 0.0))
                  + "/s"
                  + (load.workload().runsOnEveryNode()
                      ? " (each pod reads the events on its own node)"
                      : " (replicas share the events in scope)")
                  + capped(a));
      case LEADER_ELECTION ->
          line(
              out,
              "  Lease requests",
              Units.number(a.totalRequestsPerSecond())
                  + "/s = 0.5 (leader) + "
                  + Units.number(Math.max(0, load.pods() - 1))
                  + " followers × 0.3125");
    }
    line(
        out,
        "  seat demand",
        Units.number(a.seatSecondsPerSecond()) + " seat-seconds/s in " + a.priorityLevel());
    line(out, "  scaling", ScalingClass.ofDegree(a.scalingDegree()).label() + " in nodes");
  }

  private static String pods(WorkloadLoad load) {
    return Units.number(load.pods()) + (load.pods() == 1 ? " pod" : " pods");
  }

  private static String capped(AccessLoad a) {
    return a.clientCapped()
        ? ", capped by the client's own limit of "
            + Units.number(a.access().client().qps())
            + " requests/s per pod"
        : "";
  }

  private static String scope(Access access) {
    return switch (access.scope()) {
      case CLUSTER -> "cluster: every object";
      case NAMESPACE ->
          "namespace " + access.namespace() + ": objects spread evenly over namespaces";
      case OWN_NODE -> "own node: one node's share, from the watch cache's index";
      case NAMED -> "named: one object";
    };
  }

  private static void storm(StringBuilder out, StartupStorm s, WorkloadLoad load) {
    if (s.listsPerPod() == 0) {
      return;
    }
    out.append("\nSTART-UP STORM (closed form)\n");
    line(
        out,
        "  pods",
        Units.number(s.pods())
            + " at "
            + Units.number(s.podsPerSecond())
            + "/s over "
            + Units.seconds(s.arrivalSeconds())
            + ": "
            + s.bound());
    line(
        out,
        "  per pod",
        s.listsPerPod() + " LISTs, " + Units.number(s.seatSecondsPerPod()) + " seat-seconds");
    line(
        out,
        "  seats wanted",
        Units.number(s.seatsDemanded())
            + " = min(rate × seat-seconds per pod, pods × seats per pod), of "
            + Units.number(s.seatsAvailable())
            + " in "
            + load.priorityLevel());
    line(
        out,
        "  answered 429",
        Units.number(s.rejected())
            + " in the first pass (beyond what the level serves, its flow's queues hold "
            + "and 15 s of waiting allow)");
    line(out, "  drains in", Units.duration(s.drainSeconds()));
    line(
        out,
        "  memory in flight",
        Units.bytes(s.peakTransientBytes()) + " per API server at the peak");
  }

  private static void simulated(StringBuilder out, String title, SimulationResult s) {
    out.append('\n').append(title).append(", first ").append(s.span()).append('\n');
    line(
        out,
        "  peak seats",
        Units.number(s.peakSeats())
            + " of "
            + Units.number(s.seats())
            + "; saturated "
            + s.saturatedSeconds()
            + " s");
    line(
        out,
        "  answered 429",
        Units.number(s.rejected())
            + " (client-go retries up to 10 times, then the reflector backs off)");
    line(
        out,
        "  synced",
        s.allSynced()
            ? "all "
                + Units.number(s.pods())
                + (s.pods() == 1 ? " pod" : " pods")
                + " after "
                + Units.duration(s.syncedSeconds().getAsDouble())
            : Units.number(s.syncedPods()) + " of " + Units.number(s.pods()) + " pods");
    line(
        out,
        "  memory in flight",
        Units.bytes(s.peakTransientBytes()) + " per API server at the peak");
  }

  private static void line(StringBuilder out, String label, String text) {
    String prefix = String.format(Locale.ROOT, "%-28s", label);
    StringBuilder line = new StringBuilder(prefix);
    for (String word : text.split(" ", -1)) {
      if (line.length() > prefix.length() && line.length() + 1 + word.length() > 110) {
        out.append(line.toString().stripTrailing()).append('\n');
        line = new StringBuilder(" ".repeat(prefix.length()));
      }
      if (line.length() > prefix.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
