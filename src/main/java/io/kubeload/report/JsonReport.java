package io.kubeload.report;

import io.kubeload.cluster.KubernetesVersion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeload.access.Access;
import io.kubeload.gate.Comparison;
import io.kubeload.gate.Finding;
import io.kubeload.gate.LoadCurve;
import io.kubeload.gate.Recommendation;
import io.kubeload.model.SimulationResult;
import io.kubeload.gate.Severity;
import io.kubeload.gate.SkippedFinding;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.SourceLocation;
import io.kubeload.model.AccessLoad;
import io.kubeload.model.LevelLoad;
import io.kubeload.model.StartupStorm;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.model.WriteInflation;
import java.math.BigDecimal;
import java.math.MathContext;

import java.util.OptionalInt;

/**
 * The machine-readable report: the contract in docs/json-report.md. Fields are added, never renamed;
 * {@code schemaVersion} changes when a field's meaning does.
 */
final class JsonReport {

  static final int SCHEMA_VERSION = 1;

  /** The version of the {@code delta} object; it changes when one of its fields' meaning does. */
  static final int DELTA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  static String render(Verdict verdict) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("tool", "kubeload " + Versions.tool());
    root.put("verdict", verdict.passed() ? "pass" : "fail");
    var profile = verdict.projection().profile();
    ObjectNode p = root.putObject("profile");
    p.put("name", profile.name());
    p.put("nodes", profile.nodes());
    p.put("version", profile.version().toString());
    p.put("modelledVersion", (profile.version().modelled() ? profile.version() : KubernetesVersion.NEWEST_MODELLED).toString());
    p.put("podsPerNode", round(profile.podsPerNode()));
    p.put("apiServers", profile.apiServers().replicas());
    ObjectNode summary = root.putObject("summary");
    summary.put("errors", verdict.count(Severity.ERROR));
    summary.put("warnings", verdict.count(Severity.WARNING));
    summary.put("info", verdict.count(Severity.INFO));
    summary.put("workloads", verdict.projection().workloads().size());
    summary.put("skippedTestHooks", verdict.skippedTestHooks().size());
    verdict.comparison().ifPresent(c -> delta(root.putObject("delta"), c));
    ArrayNode workloads = root.putArray("workloads");
    for (WorkloadLoad load : verdict.projection().workloads()) {
      String ref = load.ref().toString();
      ObjectNode w = workloads.addObject();
      workload(w, load, verdict.breakEvenNodes().getOrDefault(ref, OptionalInt.empty()));
      verdict.simulations().rolloutOf(ref).ifPresent(s -> simulation(w.putObject("simulation"), s));
      LoadCurve curve = verdict.loadCurves().get(ref);
      if (curve != null) {
        loadCurve(w.putObject("loadCurve"), curve, verdict.projection().profile().nodes());
      }
      Recommendation r = verdict.recommendations().get(ref);
      if (r != null) {
        ObjectNode n = w.putObject("recommendation");
        n.put("feasible", r.feasible());
        n.put("podsPerWave", r.podsPerWave());
        n.put("minReadySeconds", r.minReadySeconds());
        n.put("advice", r.advice());
        storm(n.putObject("startupStorm"), r.storm());
        r.simulated().ifPresent(s -> simulation(n.putObject("simulation"), s));
      }
    }
    ArrayNode levels = root.putArray("priorityLevels");
    for (LevelLoad level : verdict.projection().levelLoads()) {
      ObjectNode l = levels.addObject();
      l.put("name", level.name());
      l.put("seats", round(level.seats()));
      l.put("guaranteedSeats", round(level.guaranteed()));
      l.put("borrowableSeats", round(level.borrowable()));
      l.put("existing", round(level.existing()));
      l.put("demand", round(level.demand()));
      l.put("utilization", round(level.utilization()));
      l.put("rejectedShare", round(level.rejectedShare()));
      ObjectNode contributions = l.putObject("contributions");
      level.contributions().forEach((ref, demand) -> contributions.put(ref, round(demand)));
      SimulationResult restart = verdict.simulations().restart().get(level.name());
      if (restart != null) {
        simulation(l.putObject("apiServerRestart"), restart);
      }
    }
    ArrayNode blast = root.putArray("blastRadius");
    for (var impact : verdict.blastRadius()) {
      ObjectNode b = blast.addObject();
      b.put("level", impact.level());
      b.put("cause", impact.cause());
      b.put("consequence", impact.consequence());
      ArrayNode sharing = b.putArray("workloads");
      impact.workloads().forEach(sharing::add);
    }
    ArrayNode findings = root.putArray("findings");
    for (Finding f : verdict.findings()) {
      finding(findings.addObject(), f);
    }
    ArrayNode skipped = root.putArray("skippedFindings");
    for (SkippedFinding s : verdict.skippedFindings()) {
      ObjectNode n = skipped.addObject();
      finding(n, s.finding());
      n.put("reason", s.reason());
      location(n.putObject("ignoredAt"), s.ignoredAt());
    }
    ArrayNode hooks = root.putArray("skippedTestHooks");
    for (Manifest hook : verdict.skippedTestHooks()) {
      ObjectNode h = hooks.addObject();
      h.put("ref", hook.ref().toString());
      location(h.putObject("location"), hook.location());
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the report", e);
    }
  }

  private static void finding(ObjectNode n, Finding f) {
    n.put("severity", f.severity().label());
    n.put("rule", f.rule());
    n.put("workload", f.workload());
    n.put("message", f.message());
    location(n.putObject("location"), f.location());
    n.put("fix", f.fix());
  }

  private static void workload(ObjectNode w, WorkloadLoad load, OptionalInt breakEven) {
    w.put("ref", load.ref().toString());
    w.put("kind", load.ref().kind());
    w.put("namespace", load.ref().namespace());
    w.put("name", load.ref().name());
    location(w.putObject("location"), load.workload().location());
    w.put("pods", load.pods());
    w.put("podsReason", load.workload().pods().reason());
    w.put("serviceAccount", load.workload().serviceAccount());
    w.put("accessBasis", load.accessSet().basis());
    ArrayNode accesses = w.putArray("accesses");
    for (AccessLoad a : load.accesses()) {
      access(accesses.addObject(), a);
    }
    load(w.putObject("load"), load);
    storm(w.putObject("startupStorm"), load.storm());
    ArrayNode inflations = w.putArray("writeInflation");
    for (WriteInflation i : load.inflations()) {
      ObjectNode n = inflations.addObject();
      n.put("resource", i.resource());
      n.put("writerLevel", i.writerLevel());
      n.put("writesPerSecond", round(i.writesPerSecond()));
      n.put("watchersBefore", round(i.watchersBefore()));
      n.put("watchersAfter", round(i.watchersAfter()));
      n.put("seatsPerWriteBefore", i.seatsPerWriteBefore());
      n.put("seatsPerWriteAfter", i.seatsPerWriteAfter());
      n.put("extraSeatSecondsPerSecond", round(i.extraSeatSecondsPerSecond()));
    }
    w.put("priorityLevel", load.priorityLevel());
    w.put("scalingClass", load.scalingClass().label());
    w.put("scalingReason", load.scalingReason());
    if (breakEven.isPresent()) {
      w.put("breakEvenNodes", breakEven.getAsInt());
    } else {
      w.putNull("breakEvenNodes");
    }
  }

  private static void load(ObjectNode l, WorkloadLoad load) {
    l.put("requestsPerSecond", round(load.requestsPerSecond()));
    ObjectNode byVerb = l.putObject("requestsByVerb");
    new java.util.TreeMap<>(load.requestsByVerb()).forEach((verb, rate) -> byVerb.put(verb, round(rate)));
    l.put("watches", round(load.watches()));
    l.put("listBytesPerStart", round(load.listBytesPerStart()));
    l.put("watchEventsPerSecond", round(load.watchEventsPerSecond()));
    l.put("watchBytesPerSecond", round(load.watchBytesPerSecond()));
    l.put("peakSeats", round(load.peakSeats()));
    l.put("seatSecondsPerSecond", round(load.seatSecondsPerSecond()));
  }

  /** The change against the baseline (docs/json-report.md#delta): present only with --baseline. */
  private static void delta(ObjectNode d, Comparison comparison) {
    d.put("version", DELTA_VERSION);
    d.put("gate", comparison.gatesChangeOnly() ? "change" : "all");
    d.put("preExistingErrors", comparison.preExisting());
    ArrayNode workloads = d.putArray("workloads");
    for (Comparison.WorkloadDelta delta : comparison.workloads()) {
      ObjectNode w = workloads.addObject();
      w.put("ref", delta.ref());
      w.put("status", delta.status().label());
      ArrayNode changes = w.putArray("changes");
      delta.changes().forEach(changes::add);
      side(w, "before", delta.before());
      side(w, "after", delta.after());
    }
    ArrayNode levels = d.putArray("priorityLevels");
    for (Comparison.LevelDelta level : comparison.levels()) {
      ObjectNode l = levels.addObject();
      l.put("name", level.name());
      l.put("seats", round(level.seats()));
      l.put("before", round(level.before()));
      l.put("after", round(level.after()));
      l.put("added", round(level.added()));
    }
  }

  private static void side(ObjectNode w, String name, java.util.Optional<WorkloadLoad> load) {
    if (load.isEmpty()) {
      w.putNull(name);
      return;
    }
    ObjectNode n = w.putObject(name);
    n.put("pods", load.get().pods());
    n.put("priorityLevel", load.get().priorityLevel());
    n.put("scalingClass", load.get().scalingClass().label());
    load(n.putObject("load"), load.get());
  }

  private static void access(ObjectNode n, AccessLoad load) {
    Access a = load.access();
    n.put("resource", a.resource());
    ArrayNode verbs = n.putArray("verbs");
    a.verbs().stream().sorted().forEach(verbs::add);
    n.put("scope", a.scope().label());
    if (!a.namespace().isEmpty()) {
      n.put("namespace", a.namespace());
    }
    n.put("pattern", a.pattern().label());
    if (a.pattern() == Access.Pattern.POLL) {
      n.put("periodSeconds", round(a.periodSeconds()));
    }
    a.ratePerSecond().ifPresent(r -> n.put("ratePerSecond", round(r)));
    n.put("priorityLevel", load.priorityLevel());
    n.put("objectsInScope", round(load.objectsInScope()));
    n.put("consistency", a.client().consistency().label());
    if (a.client().watchList().isPresent()) {
      n.put("watchList", a.client().watchList().get());
    }
    n.put("clientQps", round(a.client().qps()));
    n.put("metadataOnly", a.client().metadataOnly());
    if (load.listsPerStart() > 0) {
      n.put("listServedFrom", load.list().served().label());
    }
    n.put("listBytes", round(load.listBytes()));
    n.put("listScannedBytes", round(load.list().scannedBytes()));
    n.put("listMemoryBytes", round(load.list().memoryBytes()));
    n.put("listSeats", load.listSeats());
    n.put("listSeconds", round(load.listSeconds()));
    n.put("clientCapped", load.clientCapped());
    n.put("requestsPerSecond", round(load.totalRequestsPerSecond()));
    n.put("watchEventsPerSecond", round(load.watchEventsPerSecond()));
    n.put("profiled", load.profiled());
    ObjectNode provenance = n.putObject("provenance");
    provenance.put("source", a.provenance().source().label());
    provenance.put("detail", a.provenance().detail());
    location(provenance.putObject("location"), a.provenance().location());
  }

  private static void storm(ObjectNode n, StartupStorm s) {
    n.put("pods", s.pods());
    n.put("podsPerSecond", round(s.podsPerSecond()));
    n.put("bound", s.bound());
    n.put("arrivalSeconds", round(s.arrivalSeconds()));
    n.put("listsPerPod", s.listsPerPod());
    n.put("seatSecondsPerPod", round(s.seatSecondsPerPod()));
    n.put("seatsDemanded", round(s.seatsDemanded()));
    n.put("seatsAvailable", round(s.seatsAvailable()));
    n.put("rejected", round(s.rejected()));
    if (Double.isFinite(s.drainSeconds())) {
      n.put("drainSeconds", round(s.drainSeconds()));
      n.put("syncLagSeconds", round(s.syncLagSeconds()));
    } else {
      n.putNull("drainSeconds");
      n.putNull("syncLagSeconds");
    }
    n.put("peakTransientBytes", round(s.peakTransientBytes()));
  }

  /** The figures the charts draw: each budget's figure beside its line at every node count. */
  private static void loadCurve(ObjectNode n, LoadCurve curve, int profileNodes) {
    n.put("priorityLevel", curve.level());
    ArrayNode charted = n.putArray("charted");
    curve.charted(profileNodes).forEach(b -> charted.add(b.rule()));
    ArrayNode points = n.putArray("points");
    for (LoadCurve.Point p : curve.points()) {
      ObjectNode o = points.addObject();
      o.put("nodes", p.nodes());
      o.put("steadySeats", round(p.steadySeats()));
      o.put("peakSeats", round(p.peakSeats()));
      o.put("budgetSeats", round(p.budgetSeats()));
      o.put("watchBytesPerSecond", round(p.watchBytesPerSecond()));
      o.put("budgetWatchBytesPerSecond", round(p.budgetWatchBytesPerSecond()));
      o.put("listMemoryBytes", round(p.listMemoryBytes()));
      o.put("budgetListMemoryBytes", round(p.budgetListMemoryBytes()));
      if (Double.isFinite(p.syncLagSeconds())) {
        o.put("syncLagSeconds", round(p.syncLagSeconds()));
      } else {
        o.putNull("syncLagSeconds");
      }
      o.put("budgetSyncLagSeconds", round(p.budgetSyncLagSeconds()));
      o.put("breaksBudget", p.breaksBudget());
    }
  }

  private static void simulation(ObjectNode n, SimulationResult s) {
    n.put("scenario", s.scenario().label());
    n.put("level", s.level());
    n.put("seats", round(s.seats()));
    n.put("horizonSeconds", round(s.horizonSeconds()));
    n.put("stoppedByEventBudget", s.stoppedByEventBudget());
    n.put("pods", s.pods());
    n.put("syncedPods", s.syncedPods());
    if (s.syncedSeconds().isPresent()) {
      n.put("syncedSeconds", round(s.syncedSeconds().getAsDouble()));
    } else {
      n.putNull("syncedSeconds");
    }
    n.put("peakSeats", round(s.peakSeats()));
    n.put("saturatedSeconds", s.saturatedSeconds());
    n.put("rejected", s.rejected());
    n.put("lists", s.lists());
    n.put("peakTransientBytes", round(s.peakTransientBytes()));
    // Columns, one value per second: compact and easy to plot.
    ArrayNode seats = n.putArray("seatsBusy");
    ArrayNode peaks = n.putArray("peakSeatsBusy");
    ArrayNode queued = n.putArray("queued");
    ArrayNode rejected = n.putArray("rejectedPerSecond");
    ArrayNode synced = n.putArray("syncedPods");
    for (SimulationResult.Sample sample : s.series()) {
      seats.add(round(sample.seatsBusy()));
      peaks.add(round(sample.peakSeatsBusy()));
      queued.add(sample.queued());
      rejected.add(sample.rejected());
      synced.add(sample.syncedPods());
    }
  }

  private static void location(ObjectNode n, SourceLocation at) {
    n.put("file", at.file());
    n.put("line", at.line());
    if (at.template().isPresent()) {
      n.put("template", at.template().get());
    } else {
      n.putNull("template");
    }
  }

  /** Six significant digits: enough to check by hand, no binary noise. */
  static BigDecimal round(double value) {
    if (!Double.isFinite(value)) {
      return BigDecimal.ZERO;
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }

}
