package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.Profiles;
import io.kubeload.testing.FakeApiServer;
import io.kubeload.testing.GeneratedCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandsTest {

  private static final String METRICS = "src/test/resources/metrics/apiserver-1.34.txt";
  private static final String EARLIER = "src/test/resources/metrics/apiserver-1.34-earlier.txt";

  @TempDir Path dir;

  @Test
  void validateSaysWhatAValidProfileHoldsAndRejectsABadOneWithOneLine() throws IOException {
    CliRun ok = CliRun.of("profile", "validate", "samples/profiles/gpu-pools.yaml");
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.stdout())
        .isEqualTo(
            "samples/profiles/gpu-pools.yaml: valid ClusterProfile 'gpu-pools': 5,000 nodes in 3 pools, "
                + "Kubernetes 1.37, 61 resources, 1 API server\n");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        Profiles.presetText("staging")
            .orElseThrow()
            .replaceFirst("      countPerPod: 1", "      countPerPod: -1"));
    CliRun rejected = CliRun.of("profile", "validate", bad.toString());
    assertThat(rejected.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(rejected.stdout()).isEmpty();
    assertThat(rejected.stderr())
        .matches(
            "kubeload: .*bad.yaml:\\d+: spec.resources.pods.countPerPod must be at least 0, not -1\n");
  }

  @Test
  void fromMetricsWritesAProfileThatValidatesAndAnalyzeUses() throws IOException {
    Path out = dir.resolve("prod.yaml");
    CliRun run =
        CliRun.of(
            "profile",
            "from-metrics",
            METRICS,
            "--earlier",
            EARLIER,
            "--interval",
            "300",
            "--api-servers",
            "3",
            "--name",
            "prod-eu",
            "--output",
            out.toString());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    String yaml = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(yaml).contains("name: prod-eu", "nodes: 1200", "replicas: 3", "workload-low: 31");
    ClusterProfile profile =
        Profiles.parse(
            out.toString(), Files.readAllBytes(out), io.kubeload.yaml.InputLimits.DEFAULT);
    assertThat(profile.existingSeatDemand()).containsEntry("workload-low", 31.0);
    assertThat(CliRun.of("profile", "validate", out.toString()).exitCode()).isZero();
    CliRun analyzed =
        CliRun.of(
            "analyze",
            "samples/manifests/telemetry-daemonset.yaml",
            "--profile",
            out.toString(),
            "--format",
            "json");
    assertThat(compact(analyzed.stdout()))
        .contains("\"name\": \"prod-eu\"", "\"nodes\": 1200", "\"existing\": 93");
  }

  @Test
  void fromMetricsIsDeterministicAndNeedsBothEarlierAndInterval() {
    CliRun first = CliRun.of("profile", "from-metrics", METRICS);
    assertThat(first.exitCode()).isZero();
    assertThat(first.stdout())
        .contains(
            "# Write rates (churn) need two scrapes of one API server: --earlier FILE --interval SECONDS.");
    assertThat(CliRun.of("profile", "from-metrics", METRICS).stdout()).isEqualTo(first.stdout());
    CliRun half = CliRun.of("profile", "from-metrics", METRICS, "--earlier", EARLIER);
    assertThat(half.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(half.stderr()).contains("--earlier and --interval go together");
  }

  @Test
  void malformedMetricsAreOneLineErrorsAndNothingIsWritten() throws IOException {
    Path metrics = dir.resolve("metrics.txt");
    Files.writeString(
        metrics,
        "# TYPE apiserver_storage_objects gauge\napiserver_storage_objects{resource=\"pods\" 3\n");
    Path out = dir.resolve("never.yaml");
    CliRun run =
        CliRun.of("profile", "from-metrics", metrics.toString(), "--output", out.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .isEqualTo(
            "kubeload: "
                + metrics
                + ":2: not Prometheus text format: expected , or } after label resource\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void aPooledProfilePutsTheGpuDaemonSetOnItsPoolOnly() {
    CliRun pooled =
        CliRun.of(
            "analyze",
            "samples/manifests/gpu-exporter-daemonset.yaml",
            "--profile",
            "samples/profiles/gpu-pools.yaml",
            "--format",
            "json");
    assertThat(compact(pooled.stdout()))
        .contains(
            "\"pods\": 250",
            "\"podsReason\": \"250 of 5,000 nodes: pool gpu (nodeSelector "
                + "accelerator=nvidia, 1 toleration); not pools general, infra: nodeSelector accelerator=nvidia does not match\"");
    CliRun scaled =
        CliRun.of(
            "analyze",
            "samples/manifests/gpu-exporter-daemonset.yaml",
            "--profile",
            "samples/profiles/gpu-pools.yaml",
            "--nodes",
            "10000",
            "--format",
            "json");
    assertThat(compact(scaled.stdout()))
        .as("the pools keep their shares")
        .contains("\"pods\": 500", "\"podsReason\": \"500 of 10,000 nodes");
  }

  @Test
  void captureWritesAProfileOfTheClusterAndNothingWhenItsBudgetIsSpent() throws Exception {
    try (FakeApiServer server = GeneratedCluster.start()) {
      Path kubeconfig = server.kubeconfig(dir);
      Path out = dir.resolve("captured.yaml");
      CliRun run =
          CliRun.of(
              "profile",
              "capture",
              "--kubeconfig",
              kubeconfig.toString(),
              "--qps",
              "1000",
              "--name",
              "prod-eu",
              "--output",
              out.toString());
      assertThat(run.exitCode()).as(run.stderr()).isZero();
      assertThat(run.stderr()).as("stderr is no terminal here: no progress line").isEmpty();
      ClusterProfile profile =
          Profiles.parse(
              out.toString(), Files.readAllBytes(out), io.kubeload.yaml.InputLimits.DEFAULT);
      assertThat(profile.name()).isEqualTo("prod-eu");
      assertThat(profile.nodes()).isEqualTo(GeneratedCluster.NODES);
      assertThat(Files.readString(out))
          .startsWith(
              "# kubeload ClusterProfile captured from a live cluster (kubeload profile capture), "
                  + "25 read-only\n# requests.\n");
      CliRun analyzed =
          CliRun.of(
              "analyze",
              "samples/manifests/gpu-exporter-daemonset.yaml",
              "--profile",
              out.toString(),
              "--format",
              "json");
      assertThat(compact(analyzed.stdout()))
          .contains(
              "\"pods\": 240",
              "\"podsReason\": \"240 of 3,000 nodes: pools gpu-eu-a, gpu-eu-b, gpu-eu-c");

      Path never = dir.resolve("never.yaml");
      CliRun spent =
          CliRun.of(
              "profile",
              "capture",
              "--kubeconfig",
              kubeconfig.toString(),
              "--qps",
              "1000",
              "--max-requests",
              "5",
              "--output",
              never.toString());
      assertThat(spent.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(spent.stderr())
          .startsWith("kubeload: context fake (")
          .contains("the request budget of 5 is spent")
          .endsWith("\n")
          .hasLineCount(1);
      assertThat(never).doesNotExist();
    }
  }

  @Test
  void theProgressLineRedrawsOneLineAndClearsIt() {
    java.io.StringWriter text = new java.io.StringWriter();
    var line = new ProfileCapture.ProgressLine(new java.io.PrintWriter(text));
    line.request(3, 500, "/api/v1/pods?limit=1");
    line.done();
    assertThat(text.toString())
        .startsWith("\rkubeload: capture 3/500 requests  GET /api/v1/pods?limit=1   ")
        .endsWith("\r" + " ".repeat(79) + "\r")
        .doesNotContain("\n");
  }

  /** The JSON report writes "key" : value; the assertions read better as "key": value. */
  private static String compact(String json) {
    return json.replace("\" : ", "\": ");
  }
}
