package io.kubeload.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.kubeload.access.Access;
import io.kubeload.cluster.KubernetesVersion;
import io.kubeload.gate.Comparison;
import io.kubeload.gate.Evidence;
import io.kubeload.gate.Finding;
import io.kubeload.gate.LoadCurve;
import io.kubeload.gate.Recommendation;
import io.kubeload.gate.Severity;
import io.kubeload.gate.SkippedFinding;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.AccessLoad;
import io.kubeload.model.LevelLoad;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.StartupStorm;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.model.WriteInflation;
import io.kubeload.yaml.SourceLocation;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * The machine-readable report: the contract in docs/json-report.md. Fields are added, never renamed;
 * {@code schemaVersion} changes when a field's meaning does. Written field by field to its output:
 * at 100,000 objects the report is some 170 MB, which as a tree and then a string did not fit the heap.
 */
final class JsonReport {

  static final int SCHEMA_VERSION = 1;

  /** The version of the {@code delta} object; it changes when one of its fields' meaning does. */
  static final int DELTA_VERSION = 1;

  /** The target writer is the caller's to close: the report ends with a newline after the JSON. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private JsonReport() {}

  /** A generator indented as Jackson's {@code INDENT_OUTPUT} indents, which the report has always been. */
  static JsonGenerator generator(Writer out) throws IOException {
    return FACTORY.createGenerator(out).useDefaultPrettyPrinter();
  }

  static void write(Verdict verdict, Writer out) throws IOException {
    try (JsonGenerator g = generator(out)) {
      write(verdict, g);
    }
    out.write('\n');
  }

  /** The report as one JSON object at the generator's position. */
  static void write(Verdict verdict, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("schemaVersion", SCHEMA_VERSION);
    g.writeStringField("tool", "kubeload " + Versions.tool());
    g.writeStringField("verdict", verdict.passed() ? "pass" : "fail");
    var profile = verdict.projection().profile();
    g.writeObjectFieldStart("profile");
    g.writeStringField("name", profile.name());
    g.writeNumberField("nodes", profile.nodes());
    g.writeStringField("version", profile.version().toString());
    g.writeStringField(
        "modelledVersion",
        (profile.version().modelled() ? profile.version() : KubernetesVersion.NEWEST_MODELLED)
            .toString());
    g.writeNumberField("podsPerNode", round(profile.podsPerNode()));
    g.writeNumberField("apiServers", profile.apiServers().replicas());
    g.writeEndObject();
    g.writeObjectFieldStart("summary");
    g.writeNumberField("errors", verdict.count(Severity.ERROR));
    g.writeNumberField("warnings", verdict.count(Severity.WARNING));
    g.writeNumberField("info", verdict.count(Severity.INFO));
    g.writeNumberField("workloads", verdict.projection().workloads().size());
    g.writeNumberField("skippedTestHooks", verdict.skippedTestHooks().size());
    g.writeEndObject();
    if (verdict.comparison().isPresent()) {
      g.writeFieldName("delta");
      delta(g, verdict.comparison().get());
    }
    g.writeArrayFieldStart("workloads");
    for (WorkloadLoad load : verdict.projection().workloads()) {
      g.writeStartObject();
      workload(g, load, verdict.breakEvenNodes(load.ref()));
      Optional<SimulationResult> rollout = verdict.simulations().rolloutOf(load.ref());
      if (rollout.isPresent()) {
        g.writeFieldName("simulation");
        simulation(g, rollout.get());
      }
      Optional<LoadCurve> curve = verdict.loadCurve(load.ref());
      if (curve.isPresent()) {
        g.writeFieldName("loadCurve");
        loadCurve(g, curve.get(), verdict.projection().profile().nodes());
      }
      Optional<Recommendation> recommendation = verdict.recommendation(load.ref());
      if (recommendation.isPresent()) {
        Recommendation r = recommendation.get();
        g.writeObjectFieldStart("recommendation");
        g.writeBooleanField("feasible", r.feasible());
        g.writeNumberField("podsPerWave", r.podsPerWave());
        g.writeNumberField("minReadySeconds", r.minReadySeconds());
        g.writeStringField("advice", r.advice());
        g.writeFieldName("startupStorm");
        storm(g, r.storm());
        if (r.simulated().isPresent()) {
          g.writeFieldName("simulation");
          simulation(g, r.simulated().get());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("priorityLevels");
    for (LevelLoad level : verdict.projection().levelLoads()) {
      g.writeStartObject();
      g.writeStringField("name", level.name());
      g.writeNumberField("seats", round(level.seats()));
      g.writeNumberField("guaranteedSeats", round(level.guaranteed()));
      g.writeNumberField("borrowableSeats", round(level.borrowable()));
      g.writeNumberField("existing", round(level.existing()));
      g.writeNumberField("demand", round(level.demand()));
      g.writeNumberField("utilization", round(level.utilization()));
      g.writeNumberField("rejectedShare", round(level.rejectedShare()));
      g.writeObjectFieldStart("contributions");
      for (var contribution : level.contributions().entrySet()) {
        g.writeNumberField(contribution.getKey().toString(), round(contribution.getValue()));
      }
      g.writeEndObject();
      SimulationResult restart = verdict.simulations().restart().get(level.name());
      if (restart != null) {
        g.writeFieldName("apiServerRestart");
        simulation(g, restart);
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("blastRadius");
    for (var impact : verdict.blastRadius()) {
      g.writeStartObject();
      g.writeStringField("level", impact.level());
      g.writeStringField("cause", impact.cause());
      g.writeStringField("consequence", impact.consequence());
      g.writeArrayFieldStart("workloads");
      for (ObjectRef sharing : impact.workloads()) {
        g.writeString(sharing.toString());
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    // The accesses findings point into: their workload's, as workloads[].accesses lists them.
    Map<ObjectRef, List<AccessLoad>> accesses = new HashMap<>();
    verdict.projection().workloads().forEach(w -> accesses.putIfAbsent(w.ref(), w.accesses()));
    g.writeArrayFieldStart("findings");
    for (Finding f : verdict.findings()) {
      g.writeStartObject();
      finding(g, f, accesses);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("skippedFindings");
    for (SkippedFinding s : verdict.skippedFindings()) {
      g.writeStartObject();
      finding(g, s.finding(), accesses);
      g.writeStringField("reason", s.reason());
      location(g, "ignoredAt", s.ignoredAt());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("skippedTestHooks");
    for (Manifest hook : verdict.skippedTestHooks()) {
      g.writeStartObject();
      g.writeStringField("ref", hook.ref().toString());
      location(g, "location", hook.location());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void finding(JsonGenerator g, Finding f, Map<ObjectRef, List<AccessLoad>> accesses)
      throws IOException {
    g.writeStringField("severity", f.severity().label());
    g.writeStringField("rule", f.rule().id());
    g.writeStringField("workload", f.subject().toString());
    g.writeStringField("message", f.message());
    location(g, "location", f.location());
    g.writeStringField("fix", f.fix());
    g.writeArrayFieldStart("accesses");
    for (int i : f.accesses()) {
      g.writeNumber(i);
    }
    g.writeEndArray();
    // Where the accesses it rests on were declared or inferred from, then where the finding itself
    // points.
    Set<SourceLocation> causes = new LinkedHashSet<>();
    List<AccessLoad> own = accesses.getOrDefault(f.subject(), List.of());
    f.accesses().forEach(i -> causes.add(own.get(i).access().provenance().location()));
    causes.remove(f.location());
    causes.add(f.location());
    g.writeArrayFieldStart("causes");
    for (SourceLocation cause : causes) {
      g.writeStartObject();
      g.writeStringField("file", cause.file());
      g.writeNumberField("line", cause.line());
      g.writeStringField("template", cause.template().orElse(null));
      if (cause.templateLine() > 0) {
        g.writeNumberField("templateLine", cause.templateLine());
      } else {
        g.writeNullField("templateLine");
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    evidence(g, f.evidence());
  }

  /** The figures a finding rests on (docs/json-report.md#fields-added-since-the-first-version). */
  private static void evidence(JsonGenerator g, Evidence evidence) throws IOException {
    g.writeObjectFieldStart("evidence");
    Optional<Evidence.Measure> measure = evidence.measure();
    if (measure.isPresent()) {
      g.writeStringField("figure", measure.get().figure());
      // A level without seats never syncs: its lag is infinite, written null as startupStorm writes
      // it.
      if (Double.isFinite(measure.get().value())) {
        g.writeNumberField("value", round(measure.get().value()));
      } else {
        g.writeNullField("value");
      }
      g.writeNumberField("budget", round(measure.get().budget()));
      g.writeStringField("unit", measure.get().unit());
    }
    if (evidence.priorityLevel().isPresent()) {
      g.writeStringField("priorityLevel", evidence.priorityLevel().get());
    }
    if (evidence.breakEvenNodes().isPresent()) {
      g.writeNumberField("breakEvenNodes", evidence.breakEvenNodes().getAsInt());
    }
    if (!evidence.resources().isEmpty()) {
      g.writeArrayFieldStart("resources");
      for (String resource : evidence.resources()) {
        g.writeString(resource);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void workload(JsonGenerator g, WorkloadLoad load, OptionalInt breakEven)
      throws IOException {
    g.writeStringField("ref", load.ref().toString());
    g.writeStringField("kind", load.ref().kind());
    g.writeStringField("namespace", load.ref().namespace());
    g.writeStringField("name", load.ref().name());
    location(g, "location", load.workload().location());
    g.writeNumberField("pods", load.pods());
    g.writeStringField("podsReason", load.workload().pods().reason());
    g.writeStringField("serviceAccount", load.workload().serviceAccount());
    g.writeStringField("accessBasis", load.accessSet().basis());
    g.writeArrayFieldStart("accesses");
    for (AccessLoad a : load.accesses()) {
      access(g, a);
    }
    g.writeEndArray();
    g.writeFieldName("load");
    load(g, load);
    g.writeFieldName("startupStorm");
    storm(g, load.storm());
    g.writeArrayFieldStart("writeInflation");
    for (WriteInflation i : load.inflations()) {
      g.writeStartObject();
      g.writeStringField("resource", i.resource());
      g.writeStringField("writerLevel", i.writerLevel());
      g.writeNumberField("writesPerSecond", round(i.writesPerSecond()));
      g.writeNumberField("watchersBefore", round(i.watchersBefore()));
      g.writeNumberField("watchersAfter", round(i.watchersAfter()));
      g.writeNumberField("seatsPerWriteBefore", i.seatsPerWriteBefore());
      g.writeNumberField("seatsPerWriteAfter", i.seatsPerWriteAfter());
      g.writeNumberField("extraSeatSecondsPerSecond", round(i.extraSeatSecondsPerSecond()));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("priorityLevel", load.priorityLevel());
    g.writeStringField("scalingClass", load.scalingClass().label());
    g.writeStringField("scalingReason", load.scalingReason());
    g.writeFieldName("breakEvenNodes");
    if (breakEven.isPresent()) {
      g.writeNumber(breakEven.getAsInt());
    } else {
      g.writeNull();
    }
  }

  private static void load(JsonGenerator g, WorkloadLoad load) throws IOException {
    g.writeStartObject();
    g.writeNumberField("requestsPerSecond", round(load.requestsPerSecond()));
    g.writeObjectFieldStart("requestsByVerb");
    for (var verb : new TreeMap<>(load.requestsByVerb()).entrySet()) {
      g.writeNumberField(verb.getKey(), round(verb.getValue()));
    }
    g.writeEndObject();
    g.writeNumberField("watches", round(load.watches()));
    g.writeNumberField("listBytesPerStart", round(load.listBytesPerStart()));
    g.writeNumberField("watchEventsPerSecond", round(load.watchEventsPerSecond()));
    g.writeNumberField("watchBytesPerSecond", round(load.watchBytesPerSecond()));
    g.writeNumberField("peakSeats", round(load.peakSeats()));
    g.writeNumberField("seatSecondsPerSecond", round(load.seatSecondsPerSecond()));
    g.writeEndObject();
  }

  /** The change against the baseline (docs/json-report.md#delta): present only with --baseline. */
  private static void delta(JsonGenerator g, Comparison comparison) throws IOException {
    g.writeStartObject();
    g.writeNumberField("version", DELTA_VERSION);
    g.writeStringField("gate", comparison.gatesChangeOnly() ? "change" : "all");
    g.writeNumberField("preExistingErrors", comparison.preExisting());
    g.writeArrayFieldStart("workloads");
    for (Comparison.WorkloadDelta delta : comparison.workloads()) {
      g.writeStartObject();
      g.writeStringField("ref", delta.ref().toString());
      g.writeStringField("status", delta.status().label());
      g.writeArrayFieldStart("changes");
      for (String change : delta.changes()) {
        g.writeString(change);
      }
      g.writeEndArray();
      side(g, "before", delta.before());
      side(g, "after", delta.after());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("priorityLevels");
    for (Comparison.LevelDelta level : comparison.levels()) {
      g.writeStartObject();
      g.writeStringField("name", level.name());
      g.writeNumberField("seats", round(level.seats()));
      g.writeNumberField("before", round(level.before()));
      g.writeNumberField("after", round(level.after()));
      g.writeNumberField("added", round(level.added()));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void side(JsonGenerator g, String name, Optional<WorkloadLoad> load)
      throws IOException {
    g.writeFieldName(name);
    if (load.isEmpty()) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeNumberField("pods", load.get().pods());
    g.writeStringField("priorityLevel", load.get().priorityLevel());
    g.writeStringField("scalingClass", load.get().scalingClass().label());
    g.writeFieldName("load");
    load(g, load.get());
    g.writeEndObject();
  }

  private static void access(JsonGenerator g, AccessLoad load) throws IOException {
    Access a = load.access();
    g.writeStartObject();
    g.writeStringField("resource", a.resource());
    g.writeArrayFieldStart("verbs");
    for (String verb : a.verbs().stream().sorted().toList()) {
      g.writeString(verb);
    }
    g.writeEndArray();
    g.writeStringField("scope", a.scope().label());
    if (!a.namespace().isEmpty()) {
      g.writeStringField("namespace", a.namespace());
    }
    g.writeStringField("pattern", a.pattern().label());
    if (a.pattern() == Access.Pattern.POLL) {
      g.writeNumberField("periodSeconds", round(a.periodSeconds()));
    }
    if (a.ratePerSecond().isPresent()) {
      g.writeNumberField("ratePerSecond", round(a.ratePerSecond().get()));
    }
    g.writeStringField("priorityLevel", load.priorityLevel());
    g.writeNumberField("objectsInScope", round(load.objectsInScope()));
    g.writeStringField("consistency", a.client().consistency().label());
    if (a.client().watchList().isPresent()) {
      g.writeBooleanField("watchList", a.client().watchList().get());
    }
    g.writeNumberField("clientQps", round(a.client().qps()));
    g.writeBooleanField("metadataOnly", a.client().metadataOnly());
    if (load.listsPerStart() > 0) {
      g.writeStringField("listServedFrom", load.list().served().label());
    }
    g.writeNumberField("listBytes", round(load.listBytes()));
    g.writeNumberField("listScannedBytes", round(load.list().scannedBytes()));
    g.writeNumberField("listMemoryBytes", round(load.list().memoryBytes()));
    g.writeNumberField("listSeats", load.listSeats());
    g.writeNumberField("listSeconds", round(load.listSeconds()));
    g.writeBooleanField("clientCapped", load.clientCapped());
    g.writeNumberField("requestsPerSecond", round(load.totalRequestsPerSecond()));
    g.writeNumberField("watchEventsPerSecond", round(load.watchEventsPerSecond()));
    g.writeBooleanField("profiled", load.profiled());
    g.writeObjectFieldStart("provenance");
    g.writeStringField("source", a.provenance().source().label());
    g.writeStringField("detail", a.provenance().detail());
    location(g, "location", a.provenance().location());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void storm(JsonGenerator g, StartupStorm s) throws IOException {
    g.writeStartObject();
    g.writeNumberField("pods", s.pods());
    g.writeNumberField("podsPerSecond", round(s.podsPerSecond()));
    g.writeStringField("bound", s.bound());
    g.writeNumberField("arrivalSeconds", round(s.arrivalSeconds()));
    g.writeNumberField("listsPerPod", s.listsPerPod());
    g.writeNumberField("seatSecondsPerPod", round(s.seatSecondsPerPod()));
    g.writeNumberField("seatsDemanded", round(s.seatsDemanded()));
    g.writeNumberField("seatsAvailable", round(s.seatsAvailable()));
    g.writeNumberField("rejected", round(s.rejected()));
    if (Double.isFinite(s.drainSeconds())) {
      g.writeNumberField("drainSeconds", round(s.drainSeconds()));
      g.writeNumberField("syncLagSeconds", round(s.syncLagSeconds()));
    } else {
      g.writeNullField("drainSeconds");
      g.writeNullField("syncLagSeconds");
    }
    g.writeNumberField("peakTransientBytes", round(s.peakTransientBytes()));
    g.writeEndObject();
  }

  /** The figures the charts draw: each budget's figure beside its line at every node count. */
  private static void loadCurve(JsonGenerator g, LoadCurve curve, int profileNodes)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("priorityLevel", curve.level());
    g.writeArrayFieldStart("charted");
    for (var budget : curve.charted(profileNodes)) {
      g.writeString(budget.rule().id());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("points");
    for (LoadCurve.Point p : curve.points()) {
      g.writeStartObject();
      g.writeNumberField("nodes", p.nodes());
      g.writeNumberField("steadySeats", round(p.steadySeats()));
      g.writeNumberField("peakSeats", round(p.peakSeats()));
      g.writeNumberField("budgetSeats", round(p.budgetSeats()));
      g.writeNumberField("watchBytesPerSecond", round(p.watchBytesPerSecond()));
      g.writeNumberField("budgetWatchBytesPerSecond", round(p.budgetWatchBytesPerSecond()));
      g.writeNumberField("listMemoryBytes", round(p.listMemoryBytes()));
      g.writeNumberField("budgetListMemoryBytes", round(p.budgetListMemoryBytes()));
      if (Double.isFinite(p.syncLagSeconds())) {
        g.writeNumberField("syncLagSeconds", round(p.syncLagSeconds()));
      } else {
        g.writeNullField("syncLagSeconds");
      }
      g.writeNumberField("budgetSyncLagSeconds", round(p.budgetSyncLagSeconds()));
      g.writeBooleanField("breaksBudget", p.breaksBudget());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void simulation(JsonGenerator g, SimulationResult s) throws IOException {
    g.writeStartObject();
    g.writeStringField("scenario", s.scenario().label());
    g.writeStringField("level", s.level());
    g.writeNumberField("seats", round(s.seats()));
    g.writeNumberField("horizonSeconds", round(s.horizonSeconds()));
    g.writeBooleanField("stoppedByEventBudget", s.stoppedByEventBudget());
    g.writeNumberField("pods", s.pods());
    g.writeNumberField("podsSynced", s.syncedPods());
    // The per-second column, in the place of the count of the same name (docs/json-report.md): the
    // tree
    // this report was once built as kept the first position of a key and the last value given to
    // it,
    // so the count went unseen; it is podsSynced now, and the column keeps its place.
    intColumn(g, "syncedPods", s, SimulationResult.Sample::syncedPods);
    if (s.syncedSeconds().isPresent()) {
      g.writeNumberField("syncedSeconds", round(s.syncedSeconds().getAsDouble()));
    } else {
      g.writeNullField("syncedSeconds");
    }
    g.writeNumberField("peakSeats", round(s.peakSeats()));
    g.writeNumberField("saturatedSeconds", s.saturatedSeconds());
    g.writeNumberField("rejected", s.rejected());
    g.writeNumberField("lists", s.lists());
    g.writeNumberField("peakTransientBytes", round(s.peakTransientBytes()));
    // Columns, one value per second: compact and easy to plot.
    roundedColumn(g, "seatsBusy", s, SimulationResult.Sample::seatsBusy);
    roundedColumn(g, "peakSeatsBusy", s, SimulationResult.Sample::peakSeatsBusy);
    intColumn(g, "queued", s, SimulationResult.Sample::queued);
    intColumn(g, "rejectedPerSecond", s, SimulationResult.Sample::rejected);
    g.writeEndObject();
  }

  private static void roundedColumn(
      JsonGenerator g,
      String name,
      SimulationResult s,
      ToDoubleFunction<SimulationResult.Sample> value)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (SimulationResult.Sample sample : s.series()) {
      g.writeNumber(round(value.applyAsDouble(sample)));
    }
    g.writeEndArray();
  }

  private static void intColumn(
      JsonGenerator g,
      String name,
      SimulationResult s,
      ToIntFunction<SimulationResult.Sample> value)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (SimulationResult.Sample sample : s.series()) {
      g.writeNumber(value.applyAsInt(sample));
    }
    g.writeEndArray();
  }

  private static void location(JsonGenerator g, String name, SourceLocation at) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("file", at.file());
    g.writeNumberField("line", at.line());
    g.writeStringField("template", at.template().orElse(null));
    g.writeEndObject();
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
