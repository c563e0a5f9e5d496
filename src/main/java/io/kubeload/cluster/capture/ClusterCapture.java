package io.kubeload.cluster.capture;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeload.cluster.ClusterFacts;
import io.kubeload.cluster.ClusterFacts.Fact;
import io.kubeload.cluster.Figures;
import io.kubeload.cluster.NodePool;
import io.kubeload.cluster.Taint;
import io.kubeload.cluster.metrics.ApiServerMetrics;
import io.kubeload.cluster.metrics.PrometheusText;
import io.kubeload.manifest.Resources;
import io.kubeload.yaml.InputException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Measures a live cluster with read-only requests, gently: object counts from {@code limit=1} LISTs
 * of metadata only (the server's {@code remainingItemCount}), never a full LIST of a large resource;
 * nodes in pages of 500 (their labels and taints make the pools); a request budget and rate of its
 * own. The only code in kubeload that opens a network connection.
 */
public final class ClusterCapture {

  /** What a capture found, and every request it made, in order. */
  public record Capture(ClusterFacts facts, List<String> requests, String origin) {}

  // The reflector's page size (client-go tools/pager defaultPageSize, docs/sources.md §1.1).
  static final int PAGE = 500;

  /** The resources the presets describe, plus events: key → collection path. */
  private static final Map<String, String> BUILT_INS = builtIns();

  private ClusterCapture() {}

  public static Capture capture(CaptureOptions options, Progress progress) {
    Config config = config(options);
    String origin =
        "context "
            + Optional.ofNullable(config.getCurrentContext())
                .map(c -> c.getName())
                .orElse("(in-cluster)")
            + " ("
            + config.getMasterUrl().replaceAll("/+$", "")
            + ")";
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      ApiReader api =
          new ApiReader(
              client,
              origin,
              new Pacer(origin, options.maxRequests(), options.qps(), Pacer.Clock.SYSTEM),
              progress);
      ClusterFacts facts = facts(api, origin);
      progress.done();
      return new Capture(facts, api.requests(), origin);
    } catch (KubernetesClientException e) {
      throw new InputException(origin, "the fabric8 client failed: " + e.getMessage());
    }
  }

  static ClusterFacts facts(ApiReader api, String origin) {
    List<String> notes = new ArrayList<>();
    String captured = "captured from " + origin;
    notes.add("Captured from " + origin + " with read-only requests (kubeload profile capture).");
    JsonNode version = api.json("/version", ApiReader.JSON, false).orElseThrow();
    String gitVersion = version.path("gitVersion").asText();
    Optional<Fact<Integer>> replicas = apiServers(api, notes);
    NodeList nodes = nodes(api);
    NodeGrouping.Result grouping = NodeGrouping.group(nodes.nodes());
    notes.add(
        "Nodes: "
            + Figures.count(nodes.nodes().size())
            + " in "
            + nodes.pages()
            + (nodes.pages() == 1 ? " page" : " pages")
            + " of "
            + PAGE
            + "; pools by labels and taints, leaving out "
            + String.join(", ", grouping.identityLabels())
            + " (one value per node) and passing condition taints (node.kubernetes.io/*).");
    Map<String, Fact<Long>> objects = new TreeMap<>();
    objects.put(
        "nodes",
        new Fact<>(
            (long) nodes.nodes().size(),
            "captured: LIST /api/v1/nodes in pages of "
                + PAGE
                + ": "
                + Figures.count(nodes.nodes().size())
                + " nodes"));
    for (Map.Entry<String, String> builtIn : BUILT_INS.entrySet()) {
      countOf(api, builtIn.getKey(), builtIn.getValue(), notes)
          .ifPresent(f -> objects.put(builtIn.getKey(), f));
    }
    Map<String, String> preferred = preferredVersions(api);
    List<String> customResources = customResources(api, preferred, notes);
    api.pacer()
        .require(
            customResources.size(), "counting " + customResources.size() + " custom resources");
    for (String crd : customResources) {
      int dot = crd.indexOf('.');
      String plural = crd.substring(0, dot);
      String group = crd.substring(dot + 1);
      String path = "/apis/" + group + "/" + preferred.get(group) + "/" + plural;
      countOf(api, Resources.key(group, plural), path, notes)
          .ifPresent(f -> objects.put(Resources.key(group, plural), f));
    }
    flowControl(api, preferred, notes);
    ClusterFacts fromMetrics = metrics(api, replicas, notes);
    ClusterFacts fromObjects =
        new ClusterFacts(
            notes,
            Optional.of(new Fact<>(gitVersion, captured + ": GET /version says " + gitVersion)),
            Optional.of(objects.get("nodes")),
            Optional.of(new Fact<List<NodePool>>(grouping.pools(), "captured: LIST /api/v1/nodes")),
            replicas,
            objects,
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of());
    return fromObjects.orElse(fromMetrics);
  }

  /** The kube-apiserver keeps one address per live replica in the default/kubernetes Endpoints. */
  private static Optional<Fact<Integer>> apiServers(ApiReader api, List<String> notes) {
    String path = "/api/v1/namespaces/default/endpoints/kubernetes";
    Optional<JsonNode> endpoints = api.json(path, ApiReader.JSON, true);
    if (endpoints.isEmpty()) {
      notes.add("No access to " + path + ": API server replicas are the base preset's.");
      return Optional.empty();
    }
    int addresses = 0;
    for (JsonNode subset : endpoints.get().path("subsets")) {
      addresses += subset.path("addresses").size();
    }
    return addresses == 0
        ? Optional.empty()
        : Optional.of(
            new Fact<>(
                addresses,
                "captured: GET "
                    + path
                    + ": "
                    + addresses
                    + (addresses == 1 ? " address" : " addresses")));
  }

  private record NodeList(List<NodeGrouping.Node> nodes, int pages) {}

  private static NodeList nodes(ApiReader api) {
    List<NodeGrouping.Node> nodes = new ArrayList<>();
    int pages = 0;
    String next = "";
    do {
      JsonNode page =
          api.json(
                  "/api/v1/nodes?limit="
                      + PAGE
                      + (next.isEmpty() ? "" : "&continue=" + encode(next)),
                  ApiReader.JSON,
                  false)
              .orElseThrow();
      pages++;
      for (JsonNode item : page.path("items")) {
        Map<String, String> labels = new TreeMap<>();
        item.path("metadata")
            .path("labels")
            .properties()
            .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        List<Taint> taints = new ArrayList<>();
        for (JsonNode taint : item.path("spec").path("taints")) {
          taints.add(
              Taint.of(
                  taint.path("key").asText(),
                  taint.path("value").asText(""),
                  taint.path("effect").asText()));
        }
        nodes.add(new NodeGrouping.Node(labels, taints));
      }
      next = page.path("metadata").path("continue").asText("");
    } while (!next.isEmpty());
    return new NodeList(nodes, pages);
  }

  /**
   * One LIST of one object's metadata: the items returned plus the server's remainingItemCount are the
   * collection's size. A server that gives no remainingItemCount is not asked for the rest.
   */
  private static Optional<Fact<Long>> countOf(
      ApiReader api, String key, String path, List<String> notes) {
    String request = path + "?limit=1";
    Optional<JsonNode> list = api.json(request, ApiReader.METADATA_ONLY, true);
    if (list.isEmpty()) {
      notes.add("No access to " + path + ": " + key + " not counted.");
      return Optional.empty();
    }
    int items = list.get().path("items").size();
    JsonNode metadata = list.get().path("metadata");
    boolean more = !metadata.path("continue").asText("").isEmpty();
    if (more && !metadata.hasNonNull("remainingItemCount")) {
      notes.add("The server gave no remainingItemCount for " + path + ": " + key + " not counted.");
      return Optional.empty();
    }
    long remaining = more ? metadata.path("remainingItemCount").asLong() : 0;
    long total = items + remaining;
    return Optional.of(
        new Fact<>(
            total,
            "captured: LIST "
                + request
                + " (metadata only): "
                + items
                + (items == 1 ? " item" : " items")
                + " + remainingItemCount "
                + Figures.count(remaining)
                + " = "
                + Figures.count(total)
                + " "
                + key));
  }

  /** group → preferred version, from the API group list. */
  private static Map<String, String> preferredVersions(ApiReader api) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode group : api.json("/apis", ApiReader.JSON, false).orElseThrow().path("groups")) {
      out.put(group.path("name").asText(), group.path("preferredVersion").path("version").asText());
    }
    return out;
  }

  /** CRD names are plural.group; those whose group the server serves. */
  private static List<String> customResources(
      ApiReader api, Map<String, String> served, List<String> notes) {
    List<String> out = new ArrayList<>();
    String next = "";
    String path = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    do {
      Optional<JsonNode> page =
          api.json(
              path + "?limit=" + PAGE + (next.isEmpty() ? "" : "&continue=" + encode(next)),
              ApiReader.METADATA_ONLY,
              true);
      if (page.isEmpty()) {
        notes.add("No access to " + path + ": custom resources not counted.");
        return out;
      }
      for (JsonNode item : page.get().path("items")) {
        String name = item.path("metadata").path("name").asText();
        int dot = name.indexOf('.');
        if (dot > 0 && served.containsKey(name.substring(dot + 1))) {
          out.add(name);
        }
      }
      next = page.get().path("metadata").path("continue").asText("");
    } while (!next.isEmpty());
    notes.add(
        "Custom resources: " + out.size() + " served, each counted with one LIST of limit=1.");
    return out;
  }

  /** The levels and schemas in force, for the record: the model assumes the default ones (docs/sources.md §3.3, §3.4). */
  private static void flowControl(ApiReader api, Map<String, String> versions, List<String> notes) {
    String group = "flowcontrol.apiserver.k8s.io";
    if (!versions.containsKey(group)) {
      return;
    }
    String base = "/apis/" + group + "/" + versions.get(group) + "/";
    api.json(base + "prioritylevelconfigurations?limit=" + PAGE, ApiReader.JSON, true)
        .ifPresent(
            list -> {
              List<String> levels = new ArrayList<>();
              for (JsonNode level : list.path("items")) {
                JsonNode limited = level.path("spec").path("limited");
                levels.add(
                    level.path("metadata").path("name").asText()
                        + (limited.has("nominalConcurrencyShares")
                            ? " " + limited.path("nominalConcurrencyShares").asInt()
                            : ""));
              }
              notes.add(
                  "PriorityLevelConfigurations in force (nominal shares): "
                      + String.join(", ", levels)
                      + ". The model assumes the default eight (docs/sources.md §3.3).");
            });
    api.json(base + "flowschemas?limit=" + PAGE, ApiReader.JSON, true)
        .ifPresent(
            list -> {
              List<String> schemas = new ArrayList<>();
              list.path("items")
                  .forEach(schema -> schemas.add(schema.path("metadata").path("name").asText()));
              notes.add(
                  "FlowSchemas in force: "
                      + schemas.size()
                      + " ("
                      + String.join(", ", schemas)
                      + ").");
            });
  }

  /** Sizes, seats and the levels' nominal seats, where the caller may read /metrics. */
  private static ClusterFacts metrics(
      ApiReader api, Optional<Fact<Integer>> replicas, List<String> notes) {
    Optional<String> text = api.text("/metrics", ApiReader.TEXT, true);
    if (text.isEmpty()) {
      notes.add(
          "No access to /metrics (get on the non-resource URL /metrics): object sizes and existing load are the base preset's.");
      return ClusterFacts.NONE;
    }
    String label = "GET /metrics of " + api.server();
    return ApiServerMetrics.facts(
        new ApiServerMetrics.Scrape(label, PrometheusText.parse(label, text.get())),
        Optional.empty(),
        0,
        replicas);
  }

  private static Config config(CaptureOptions options) {
    String context = options.context().orElse(null);
    Config config;
    try {
      if (options.kubeconfig().isPresent()) {
        var file = options.kubeconfig().get();
        if (!Files.isRegularFile(file)) {
          throw new InputException(file.toString(), "no such kubeconfig file");
        }
        config = Config.fromKubeconfig(context, file.toFile());
      } else {
        // Without any kubeconfig fabric8 falls back to the in-cluster address, which outside a pod
        // only fails later as an unreachable kubernetes.default.svc.
        if (noKubeconfig()) {
          throw new InputException(
              "kubeconfig",
              "none found: no --kubeconfig, KUBECONFIG unset, no ~/.kube/config and not "
                  + "inside a cluster; name one with --kubeconfig FILE");
        }
        config = Config.autoConfigure(context);
      }
    } catch (KubernetesClientException e) {
      throw new InputException(
          options.kubeconfig().map(Object::toString).orElse("kubeconfig"),
          "cannot be read: " + e.getMessage());
    }
    if (context != null
        && (config.getCurrentContext() == null
            || !context.equals(config.getCurrentContext().getName()))) {
      throw new InputException(
          options.kubeconfig().map(Object::toString).orElse("kubeconfig"),
          "no context '" + context + "'");
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
      throw new InputException(
          options.kubeconfig().map(Object::toString).orElse("kubeconfig"), "names no API server");
    }
    // Each request is sent once, so that the budget and the request log are exact.
    config.setRequestRetryBackoffLimit(0);
    config.setUserAgent(options.userAgent());
    return config;
  }

  private static boolean noKubeconfig() {
    String named = System.getenv("KUBECONFIG");
    return (named == null || named.isBlank())
        && !Files.isRegularFile(
            java.nio.file.Path.of(System.getProperty("user.home"), ".kube", "config"))
        && System.getenv("KUBERNETES_SERVICE_HOST") == null;
  }

  private static Map<String, String> builtIns() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("pods", "/api/v1/pods");
    out.put("services", "/api/v1/services");
    out.put("endpointslices", "/apis/discovery.k8s.io/v1/endpointslices");
    out.put("configmaps", "/api/v1/configmaps");
    out.put("secrets", "/api/v1/secrets");
    out.put("namespaces", "/api/v1/namespaces");
    out.put("leases", "/apis/coordination.k8s.io/v1/leases");
    out.put("events", "/api/v1/events");
    out.put("deployments", "/apis/apps/v1/deployments");
    out.put("replicasets", "/apis/apps/v1/replicasets");
    return out;
  }

  private static String encode(String token) {
    return URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
