package io.kubeload.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.kubeload.cli.CliRun;
import io.kubeload.cli.ExitCode;
import io.kubeload.testing.GoldenFile;
import io.kubeload.testing.RealManifests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration suite (docs/calibration.md): every reference under src/test/resources/calibration
 * holds its verdict at its scale, and the real-chart corpus gives no unknown-resource warning for a
 * built-in kind. docs/calibration.md is generated from the same run; after an intended change,
 * regenerate it with {@code mvn -q test -Dtest=CalibrationTest -Dcalibration.update=true}: that run fails, and the
 * next one passes once the diff is reviewed.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class CalibrationTest {

  static final Path DOC = Path.of("docs/calibration.md");

  /** API groups served by kube-apiserver itself: a resource of one of them is never a custom resource. */
  static final Set<String> BUILT_IN_GROUPS =
      Set.of(
          "apps",
          "batch",
          "autoscaling",
          "policy",
          "extensions",
          "networking.k8s.io",
          "rbac.authorization.k8s.io",
          "storage.k8s.io",
          "admissionregistration.k8s.io",
          "coordination.k8s.io",
          "discovery.k8s.io",
          "apiextensions.k8s.io",
          "apiregistration.k8s.io",
          "certificates.k8s.io",
          "scheduling.k8s.io",
          "node.k8s.io",
          "events.k8s.io",
          "flowcontrol.apiserver.k8s.io",
          "authentication.k8s.io",
          "authorization.k8s.io",
          "resource.k8s.io",
          "storagemigration.k8s.io",
          "internal.apiserver.k8s.io");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one check asks of a reference. */
  enum Check {
    /** at its scale, in its scenario: pass if known-good, fail if known-bad */
    VERDICT,
    /** a known-good reference judged against itself as the running release, every error gated */
    GATE_ALL,
    /** a known-bad reference on the staging preset, where it is harmless */
    STAGING
  }

  record Judged(
      CalibrationCase reference,
      Check check,
      int expectedExit,
      int exit,
      String stderr,
      String figure) {
    boolean holds() {
      return exit == expectedExit && stderr.isEmpty();
    }
  }

  record ChartJudged(
      String chart,
      int nodes,
      int exit,
      String stderr,
      String reason,
      List<String> builtInUnknown) {}

  private static List<CalibrationCase> cases;
  private static List<Judged> judged;
  private static List<ChartJudged> corpus;

  @TempDir static Path profiles;

  @BeforeAll
  static void runEverything() throws InterruptedException, ExecutionException {
    cases = CalibrationCase.all();
    List<Callable<Judged>> caseRuns = new ArrayList<>();
    for (CalibrationCase c : cases) {
      caseRuns.add(() -> judge(c, Check.VERDICT));
      caseRuns.add(() -> judge(c, c.expectPass() ? Check.GATE_ALL : Check.STAGING));
    }
    List<Callable<ChartJudged>> chartRuns = new ArrayList<>();
    for (Path chart : RealManifests.corpusCharts()) {
      for (int nodes : List.of(1_000, 5_000)) {
        chartRuns.add(() -> judgeChart(chart, nodes));
      }
    }
    // In-process runs share nothing mutable; two at a time is what the build machine has.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      judged = collect(pool.invokeAll(caseRuns));
      corpus = collect(pool.invokeAll(chartRuns));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSuiteHoldsEnoughSourcedReferences() {
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(cases.stream().filter(CalibrationCase::expectPass).count())
        .as("known-good references")
        .isGreaterThanOrEqualTo(15);
    soft.assertThat(cases.stream().filter(c -> !c.expectPass()).count())
        .as("known-bad references")
        .isGreaterThanOrEqualTo(10);
    for (CalibrationCase c : cases) {
      soft.assertThat(c.sources())
          .as(c.id() + " sources: upstream URLs")
          .isNotEmpty()
          .allMatch(s -> s.startsWith("https://"));
      soft.assertThat(c.title()).as(c.id() + " title").isNotBlank();
      soft.assertThat(c.why()).as(c.id() + " why").isNotBlank();
      soft.assertThat(Files.isDirectory(c.manifests())).as(c.id() + " manifests/").isTrue();
      soft.assertThat(Files.isDirectory(c.baseline()))
          .as(c.id() + " baseline/ (only for an update)")
          .isEqualTo(c.scenario() == CalibrationCase.Scenario.UPDATE);
    }
    // A knob separates good from bad only if both sides are there.
    cases.stream()
        .flatMap(c -> c.knob().stream())
        .distinct()
        .forEach(
            knob ->
                soft.assertThat(
                        cases.stream()
                            .filter(c -> c.knob().equals(Optional.of(knob)))
                            .map(CalibrationCase::expectPass)
                            .distinct()
                            .count())
                    .as("knob " + knob + " has a known-good and a known-bad side")
                    .isEqualTo(2L));
    soft.assertAll();
  }

  @TestFactory
  Stream<DynamicTest> everyReferenceHoldsItsVerdict() {
    return judged.stream()
        .map(
            j ->
                DynamicTest.dynamicTest(
                    j.reference().id() + " " + j.check(),
                    () -> {
                      assertThat(j.stderr()).as(j.reference().id()).isEmpty();
                      assertThat(j.exit())
                          .as(
                              "%s (%s, expected %s at %d nodes): %s",
                              j.reference().id(),
                              j.check(),
                              j.reference().expectPass() ? "pass" : "fail",
                              j.reference().nodes(),
                              j.figure())
                          .isEqualTo(j.expectedExit());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> theCorpusDescribesEveryBuiltInKind() {
    if (corpus.isEmpty()) {
      return Stream.of(
          DynamicTest.dynamicTest(
              "corpus",
              () ->
                  assumeTrue(
                      false,
                      RealManifests.CORPUS
                          + " is absent: the corpus checks need ../shared beside the clone (or -Dkubeload.corpus=DIR)")));
    }
    return corpus.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.chart() + " at " + c.nodes(),
                    () -> {
                      assertThat(c.stderr()).as(c.chart()).isEmpty();
                      assertThat(c.builtInUnknown())
                          .as(
                              "%s at %d nodes: unknown-resource for built-in kinds",
                              c.chart(), c.nodes())
                          .isEmpty();
                    }));
  }

  @Test
  void theDocumentIsGeneratedFromThisRun() throws IOException {
    String existing = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
    String corpusSection =
        corpus.isEmpty()
            ? CalibrationDoc.corpusSectionOf(existing)
            : CalibrationDoc.corpusSection(corpus);
    String generated = CalibrationDoc.render(cases, judged) + corpusSection;
    GoldenFile.assertMatches(generated, DOC, "calibration.update");
  }

  private static Judged judge(CalibrationCase c, Check check) throws JsonProcessingException {
    String preset = check == Check.STAGING ? "staging" : c.profile();
    Map<String, Object> tree = c.profileTree(preset);
    // A folder per check: a case's two checks run side by side, and one writing the file the other
    // was reading made that one read a truncated profile.
    String profile =
        c.overrides().isEmpty()
            ? preset
            : c.writeProfile(preset, profiles.resolve(check.name())).toString();
    List<String> args =
        new ArrayList<>(
            List.of("analyze", c.manifests().toString(), "--profile", profile, "--format", "json"));
    if (check != Check.STAGING) {
      args.addAll(List.of("--nodes", String.valueOf(c.nodes())));
    }
    args.addAll(check == Check.GATE_ALL ? c.ownBaselineGateAll() : c.verdictFlags());
    CliRun run = CliRun.of(args.toArray(String[]::new));
    int expected = check == Check.VERDICT && !c.expectPass() ? ExitCode.FAIL : ExitCode.PASS;
    JsonNode report =
        run.stdout().isBlank() ? MissingNode.getInstance() : JSON.readTree(run.stdout());
    String figure = report.isMissingNode() ? run.stderr().strip() : DecidingFigure.of(report, tree);
    return new Judged(c, check, expected, run.exitCode(), run.stderr(), figure);
  }

  private static ChartJudged judgeChart(Path chart, int nodes) throws JsonProcessingException {
    CliRun run =
        CliRun.of(
            "analyze", chart.toString(), "--nodes", String.valueOf(nodes), "--format", "json");
    String name = RealManifests.CORPUS.relativize(chart).toString().replace('\\', '/');
    if (run.stdout().isBlank()) {
      return new ChartJudged(
          name, nodes, run.exitCode(), run.stderr(), run.stderr().strip(), List.of());
    }
    JsonNode report = JSON.readTree(run.stdout());
    List<String> builtIn =
        DecidingFigure.stream(report.path("workloads"))
            .flatMap(
                w ->
                    DecidingFigure.stream(w.path("accesses"))
                        .filter(
                            a ->
                                !a.path("profiled").asBoolean(true)
                                    && isBuiltIn(a.path("resource").asText()))
                        .map(a -> w.path("ref").asText() + ": " + a.path("resource").asText()))
            .distinct()
            .toList();
    return new ChartJudged(
        name,
        nodes,
        run.exitCode(),
        run.stderr(),
        DecidingFigure.of(report, CalibrationCase.presetTree("production", Map.of())),
        builtIn);
  }

  /** A resource keyed without a group (core, apps, ...) or with a group kube-apiserver serves itself. */
  static boolean isBuiltIn(String resource) {
    int dot = resource.indexOf('.');
    return dot < 0 || BUILT_IN_GROUPS.contains(resource.substring(dot + 1));
  }

  private static <T> List<T> collect(List<Future<T>> futures)
      throws InterruptedException, ExecutionException {
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get());
    }
    return out;
  }
}
