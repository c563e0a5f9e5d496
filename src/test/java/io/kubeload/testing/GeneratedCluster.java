package io.kubeload.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated cluster of thousands of objects behind a {@link FakeApiServer}: 3,000 nodes in a general
 * pool (three zones), a tainted GPU pool (three zones) and a tainted infra pool, some nodes NotReady;
 * about 150,000 other objects including two custom resources; the default APF objects; and /metrics.
 */
public final class GeneratedCluster {

  public static final int NODES = 3_000;

  /** The exact counts the capture must find, by profile key. */
  public static final Map<String, Integer> COUNTS = counts();

  /** Where each built-in resource's collection is served. */
  private static final Map<String, String> PATHS =
      Map.of(
          "pods",
          "/api/v1/pods",
          "services",
          "/api/v1/services",
          "endpointslices",
          "/apis/discovery.k8s.io/v1/endpointslices",
          "configmaps",
          "/api/v1/configmaps",
          "secrets",
          "/api/v1/secrets",
          "namespaces",
          "/api/v1/namespaces",
          "leases",
          "/apis/coordination.k8s.io/v1/leases",
          "events",
          "/api/v1/events",
          "deployments",
          "/apis/apps/v1/deployments",
          "replicasets",
          "/apis/apps/v1/replicasets");

  private static final List<String> LEVELS =
      List.of(
          "exempt",
          "catch-all",
          "system",
          "node-high",
          "leader-election",
          "workload-high",
          "workload-low",
          "global-default");

  private static final List<String> SCHEMAS =
      List.of(
          "exempt",
          "probes",
          "system-leader-election",
          "endpoint-controller",
          "workload-leader-election",
          "system-node-high",
          "system-nodes",
          "kube-controller-manager",
          "kube-scheduler",
          "kube-system-service-accounts",
          "service-accounts",
          "global-default",
          "catch-all");

  private GeneratedCluster() {}

  private static Map<String, Integer> counts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("nodes", NODES);
    out.put("pods", 61_234);
    out.put("services", 913);
    out.put("endpointslices", 1_207);
    out.put("configmaps", 2_455);
    out.put("secrets", 3_101);
    out.put("namespaces", 121);
    out.put("leases", 3_011);
    out.put("events", 9_876);
    out.put("deployments", 1_503);
    out.put("replicasets", 4_511);
    out.put("ciliumendpoints.cilium.io", 60_100);
    out.put("certificates.cert-manager.io", 42);
    return Map.copyOf(out);
  }

  public static FakeApiServer start() throws IOException {
    FakeApiServer server =
        new FakeApiServer()
            .document(
                "/version",
                "{\"major\":\"1\",\"minor\":\"33\",\"gitVersion\":\"v1.33.4\",\"platform\":\"linux/amd64\"}")
            .document(
                "/api/v1/namespaces/default/endpoints/kubernetes",
                """
            {"kind":"Endpoints","apiVersion":"v1","metadata":{"name":"kubernetes","namespace":"default"},
             "subsets":[{"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"},{"ip":"10.0.0.3"}],"ports":[{"name":"https","port":6443}]}]}
            """)
            .document("/apis", apis())
            .document("/metrics", metrics())
            .collection("/api/v1/nodes", NODES, GeneratedCluster::node)
            .collection(
                "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
                3,
                i ->
                    FakeApiServer.object(
                        List.of(
                                "ciliumendpoints.cilium.io",
                                "certificates.cert-manager.io",
                                "widgets.stale.example.com")
                            .get(i)))
            .objects(
                "/apis/cilium.io/v2/ciliumendpoints",
                COUNTS.get("ciliumendpoints.cilium.io"),
                "cep")
            .objects(
                "/apis/cert-manager.io/v1/certificates",
                COUNTS.get("certificates.cert-manager.io"),
                "cert")
            .collection(
                "/apis/flowcontrol.apiserver.k8s.io/v1/prioritylevelconfigurations",
                LEVELS.size(),
                i -> {
                  ObjectNode level = FakeApiServer.object(LEVELS.get(i));
                  level
                      .putObject("spec")
                      .put("type", i == 0 ? "Exempt" : "Limited")
                      .putObject("limited")
                      .put(
                          "nominalConcurrencyShares", new int[] {0, 5, 30, 40, 10, 40, 100, 20}[i]);
                  return level;
                })
            .collection(
                "/apis/flowcontrol.apiserver.k8s.io/v1/flowschemas",
                SCHEMAS.size(),
                i -> FakeApiServer.object(SCHEMAS.get(i)));
    PATHS.forEach((resource, path) -> server.objects(path, COUNTS.get(resource), resource));
    return server;
  }

  /**
   * Nodes 0-2,699: pool general, zones eu-a/b/c in turn; 2,700-2,939: gpu, tainted; 2,940-2,999: infra,
   * tainted, zone eu-a. Every 600th node is NotReady (a passing taint). Each has a hostname and a
   * serial number, both unique.
   */
  static ObjectNode node(int i) {
    String pool = i < 2_700 ? "general" : i < 2_940 ? "gpu" : "infra";
    String zone = pool.equals("infra") ? "eu-a" : List.of("eu-a", "eu-b", "eu-c").get(i % 3);
    ObjectNode node = FakeApiServer.object("node-" + i);
    ((ObjectNode) node.get("metadata")).remove("namespace");
    ObjectNode labels = ((ObjectNode) node.get("metadata")).putObject("labels");
    labels
        .put("kubernetes.io/hostname", "node-" + i)
        .put("kubernetes.io/os", "linux")
        .put("kubernetes.io/arch", "amd64")
        .put("topology.kubernetes.io/zone", zone)
        .put("cloud.google.com/gke-nodepool", pool)
        .put("node.example.com/serial", "SN" + (100_000 + i));
    var taints = node.putObject("spec").putArray("taints");
    if (pool.equals("gpu")) {
      labels.put("accelerator", "nvidia");
      taints
          .addObject()
          .put("key", "nvidia.com/gpu")
          .put("value", "present")
          .put("effect", "NoSchedule");
    }
    if (pool.equals("infra")) {
      labels.put("node-role.kubernetes.io/infra", "");
      taints.addObject().put("key", "dedicated").put("value", "infra").put("effect", "NoSchedule");
    }
    if (i % 600 == 0) {
      taints.addObject().put("key", "node.kubernetes.io/not-ready").put("effect", "NoExecute");
    }
    return node;
  }

  private static String apis() {
    StringBuilder groups = new StringBuilder();
    Map<String, String> preferred = new LinkedHashMap<>();
    preferred.put("apps", "v1");
    preferred.put("discovery.k8s.io", "v1");
    preferred.put("coordination.k8s.io", "v1");
    preferred.put("apiextensions.k8s.io", "v1");
    preferred.put("flowcontrol.apiserver.k8s.io", "v1");
    preferred.put("cilium.io", "v2");
    preferred.put("cert-manager.io", "v1");
    preferred.forEach(
        (group, version) ->
            groups
                .append(groups.length() == 0 ? "" : ",")
                .append(
                    """
        {"name":"%1$s","versions":[{"groupVersion":"%1$s/%2$s","version":"%2$s"}],"preferredVersion":{"groupVersion":"%1$s/%2$s","version":"%2$s"}}"""
                        .formatted(group, version)));
    return "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[" + groups + "]}";
  }

  /** The API server's /metrics: one of the project's own metrics texts, with this cluster's pods. */
  private static String metrics() throws IOException {
    return Files.readString(Path.of("src/test/resources/metrics/apiserver-1.34.txt"));
  }
}
