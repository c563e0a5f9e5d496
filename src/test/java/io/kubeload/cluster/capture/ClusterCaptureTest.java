package io.kubeload.cluster.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kubeload.cluster.ClusterFacts;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.NodePool;
import io.kubeload.cluster.ProfileDraft;
import io.kubeload.cluster.Profiles;
import io.kubeload.testing.FakeApiServer;
import io.kubeload.testing.GeneratedCluster;
import io.kubeload.yaml.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCaptureTest {

  @TempDir Path dir;

  private ClusterCapture.Capture capture(FakeApiServer server, int budget) throws Exception {
    CaptureOptions options =
        new CaptureOptions(
            Optional.of(server.kubeconfig(dir)),
            Optional.of("fake"),
            budget,
            10_000,
            "kubeload-test");
    return ClusterCapture.capture(options, Progress.NONE);
  }

  @Test
  void countsAreExactAndComeFromOneLimitedListEach() throws Exception {
    try (FakeApiServer server = GeneratedCluster.start()) {
      ClusterCapture.Capture capture = capture(server, 500);
      ClusterFacts facts = capture.facts();
      GeneratedCluster.COUNTS.forEach(
          (resource, count) ->
              assertThat(facts.objects().get(resource).value())
                  .as(resource)
                  .isEqualTo(count.longValue()));
      assertThat(facts.nodes().orElseThrow().value()).isEqualTo(GeneratedCluster.NODES);
      assertThat(facts.apiServers().orElseThrow().value()).isEqualTo(3);
      assertThat(facts.serverVersion().orElseThrow().value()).isEqualTo("v1.33.4");
      assertThat(facts.objects().get("pods").source())
          .isEqualTo(
              "captured: LIST /api/v1/pods?limit=1 (metadata only): 1 item + remainingItemCount 61,233 = 61,234 pods");
      assertThat(facts.objects())
          .as("a CRD whose group is not served")
          .doesNotContainKey("widgets.stale.example.com");
      assertThat(facts.sizeBytes().get("pods").value()).as("from /metrics").isEqualTo(12_000);
      assertThat(facts.seatDemand().get("workload-low").value()).isEqualTo(31);
    }
  }

  @Test
  void itMakesExactlyTheseReadOnlyRequestsAndNeverAFullListOfPods() throws Exception {
    try (FakeApiServer server = GeneratedCluster.start()) {
      ClusterCapture.Capture capture = capture(server, 500);
      List<String> received = server.log().stream().map(FakeApiServer.Request::toString).toList();
      assertThat(received)
          .containsExactly(
              "GET /version",
              "GET /api/v1/namespaces/default/endpoints/kubernetes",
              "GET /api/v1/nodes?limit=500",
              "GET /api/v1/nodes?limit=500&continue=NTAw",
              "GET /api/v1/nodes?limit=500&continue=MTAwMA%3D%3D",
              "GET /api/v1/nodes?limit=500&continue=MTUwMA%3D%3D",
              "GET /api/v1/nodes?limit=500&continue=MjAwMA%3D%3D",
              "GET /api/v1/nodes?limit=500&continue=MjUwMA%3D%3D",
              "GET /api/v1/pods?limit=1 [metadata]",
              "GET /api/v1/services?limit=1 [metadata]",
              "GET /apis/discovery.k8s.io/v1/endpointslices?limit=1 [metadata]",
              "GET /api/v1/configmaps?limit=1 [metadata]",
              "GET /api/v1/secrets?limit=1 [metadata]",
              "GET /api/v1/namespaces?limit=1 [metadata]",
              "GET /apis/coordination.k8s.io/v1/leases?limit=1 [metadata]",
              "GET /api/v1/events?limit=1 [metadata]",
              "GET /apis/apps/v1/deployments?limit=1 [metadata]",
              "GET /apis/apps/v1/replicasets?limit=1 [metadata]",
              "GET /apis",
              "GET /apis/apiextensions.k8s.io/v1/customresourcedefinitions?limit=500 [metadata]",
              "GET /apis/cilium.io/v2/ciliumendpoints?limit=1 [metadata]",
              "GET /apis/cert-manager.io/v1/certificates?limit=1 [metadata]",
              "GET /apis/flowcontrol.apiserver.k8s.io/v1/prioritylevelconfigurations?limit=500",
              "GET /apis/flowcontrol.apiserver.k8s.io/v1/flowschemas?limit=500",
              "GET /metrics");
      assertThat(capture.requests()).hasSize(received.size());
      assertThat(received)
          .noneMatch(r -> r.startsWith("GET /api/v1/pods") && !r.contains("limit=1"));
    }
  }

  @Test
  void nodesGroupIntoPoolsByLabelsAndTaintsLeavingOutWhatIdentifiesANode() throws Exception {
    try (FakeApiServer server = GeneratedCluster.start()) {
      List<NodePool> pools = capture(server, 500).facts().nodePools().orElseThrow().value();
      assertThat(pools)
          .extracting(NodePool::name, NodePool::count)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("general-eu-a", 900),
              org.assertj.core.groups.Tuple.tuple("general-eu-b", 900),
              org.assertj.core.groups.Tuple.tuple("general-eu-c", 900),
              org.assertj.core.groups.Tuple.tuple("gpu-eu-a", 80),
              org.assertj.core.groups.Tuple.tuple("gpu-eu-b", 80),
              org.assertj.core.groups.Tuple.tuple("gpu-eu-c", 80),
              org.assertj.core.groups.Tuple.tuple("infra", 60));
      NodePool gpu = pools.get(3);
      assertThat(gpu.labels())
          .containsEntry("accelerator", "nvidia")
          .doesNotContainKeys("kubernetes.io/hostname", "node.example.com/serial");
      assertThat(gpu.taints())
          .extracting(Object::toString)
          .containsExactly("nvidia.com/gpu=present:NoSchedule");
    }
  }

  @Test
  void theProfileReadsBackWithTheCapturedFiguresAndTheirSources() throws Exception {
    try (FakeApiServer server = GeneratedCluster.start()) {
      ClusterCapture.Capture capture = capture(server, 500);
      String yaml =
          ProfileDraft.draft(
                  "prod", capture.facts(), "production", capture.origin(), List.of("captured"))
              .yaml();
      ClusterProfile profile =
          Profiles.parse(
              "prod.yaml",
              yaml.getBytes(StandardCharsets.UTF_8),
              io.kubeload.yaml.InputLimits.DEFAULT);
      assertThat(profile.nodes()).isEqualTo(3_000);
      assertThat(profile.nodePools()).hasSize(7);
      assertThat(profile.apiServers().replicas()).isEqualTo(3);
      assertThat(profile.version().toString()).isEqualTo("1.33");
      for (Map.Entry<String, Integer> count : GeneratedCluster.COUNTS.entrySet()) {
        assertThat(profile.objects(count.getKey()))
            .as(count.getKey())
            .isCloseTo(count.getValue(), within(1e-6));
      }
      assertThat(yaml)
          .contains(
              "# captured: LIST /api/v1/secrets?limit=1 (metadata only): 1 item + remainingItemCount 3,100 =");
      assertThat(yaml).contains("# FlowSchemas in force: 13 (exempt, probes,");
    }
  }

  @Test
  void aSpentBudgetStopsTheCaptureBeforeItsNextRequest() throws Exception {
    try (FakeApiServer server = GeneratedCluster.start()) {
      assertThatThrownBy(() -> capture(server, 20))
          .isInstanceOf(InputException.class)
          .hasMessageContaining(
              "the request budget of 20 is spent after 20 requests, with counting 2 custom resources to go");
      assertThat(server.log()).hasSize(20);
    }
  }

  @Test
  void forbiddenMetricsAndEndpointsLeaveThePresetsFiguresWithANote() throws Exception {
    try (FakeApiServer server = GeneratedCluster.start()) {
      server.forbid("/metrics").forbid("/api/v1/namespaces/default/endpoints/kubernetes");
      ClusterFacts facts = capture(server, 500).facts();
      assertThat(facts.sizeBytes()).isEmpty();
      assertThat(facts.apiServers()).isEmpty();
      assertThat(facts.notes()).anyMatch(n -> n.startsWith("No access to /metrics"));
      assertThat(facts.objects().get("pods").value()).isEqualTo(61_234);
    }
  }

  @Test
  void anUnreachableServerIsAOneLineError() throws Exception {
    FakeApiServer server = GeneratedCluster.start();
    Path kubeconfig = server.kubeconfig(dir);
    server.close();
    CaptureOptions options =
        new CaptureOptions(Optional.of(kubeconfig), Optional.empty(), 10, 10_000, "kubeload-test");
    assertThatThrownBy(() -> ClusterCapture.capture(options, Progress.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("context fake (http://127.0.0.1:")
        .hasMessageContaining("cannot reach the API server");
    assertThatThrownBy(
            () ->
                ClusterCapture.capture(
                    new CaptureOptions(
                        Optional.of(kubeconfig), Optional.of("other"), 10, 10_000, "kubeload-test"),
                    Progress.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no context 'other'");
  }
}
