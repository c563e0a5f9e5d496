package io.kubeload.cluster;

import io.kubeload.yaml.InputException;
import io.kubeload.yaml.InputLimits;
import io.kubeload.yaml.YamlDocuments;
import io.kubeload.yaml.YamlObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Cluster profiles: the built-in presets by name, or a {@code ClusterProfile} file's bytes parsed. */
public final class Profiles {

  /** The preset used when no profile is named: production-like, at the supported maximum. */
  public static final String DEFAULT = "production";

  public static final List<String> PRESETS =
      List.of("production", "large", "medium", "staging", "eks");

  private Profiles() {}

  // Parsed once a process. A run's warm-up thread (cli.Warmup) parses the default while the
  // command line is built; computeIfAbsent has the main thread wait for that rather than parse it
  // again, and parse it itself when the warm-up failed.
  private static final Map<String, ClusterProfile> LOADED = new ConcurrentHashMap<>();

  /** A built-in preset by name ({@link #PRESETS}). */
  public static ClusterProfile load(String preset) {
    return LOADED.computeIfAbsent(preset, Profiles::parsePreset);
  }

  private static ClusterProfile parsePreset(String preset) {
    return parse(
        "preset:" + preset,
        presetBytes(preset)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no preset " + preset + " (presets: " + String.join(", ", PRESETS) + ")")));
  }

  /** The preset's YAML as shipped, comments and sources included. */
  public static Optional<String> presetText(String name) {
    return presetBytes(name).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Optional<byte[]> presetBytes(String name) {
    if (!PRESETS.contains(name)) {
      return Optional.empty();
    }
    try (InputStream in = Profiles.class.getResourceAsStream(name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("preset " + name + " is missing from the jar");
      }
      return Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ClusterProfile parse(String file, byte[] bytes) {
    return parse(file, bytes, InputLimits.DEFAULT);
  }

  /**
   * A profile file's first document, the ClusterProfile, within {@code limits}. Further documents
   * (the cluster's FlowSchemas and PriorityLevelConfigurations) are the analysis's to read.
   */
  public static ClusterProfile parse(String file, byte[] bytes, InputLimits limits) {
    List<YamlDocuments.Document> documents = YamlDocuments.read(file, bytes, limits);
    if (documents.isEmpty()) {
      throw new InputException(file, 1, "a profile file starts with a ClusterProfile document");
    }
    YamlObject root =
        YamlObject.root(documents.get(0), file).onlyKeys("apiVersion", "kind", "metadata", "spec");
    if (!root.string("kind").equals("ClusterProfile")) {
      throw root.error("kind", "kind must be ClusterProfile, not " + root.string("kind"));
    }
    String name = root.object("metadata").onlyKeys("name").string("name");
    YamlObject spec =
        root.object("spec")
            .onlyKeys(
                "kubernetesVersion",
                "nodes",
                "nodePools",
                "podsPerNode",
                "apiServers",
                "latency",
                "rollout",
                "resources",
                "existingSeatDemand");
    KubernetesVersion version;
    try {
      version = KubernetesVersion.parse(spec.string("kubernetesVersion"));
    } catch (IllegalArgumentException e) {
      throw spec.error("kubernetesVersion", e.getMessage());
    }
    YamlObject servers =
        spec.object("apiServers")
            .onlyKeys(
                "replicas",
                "maxRequestsInflight",
                "maxMutatingRequestsInflight",
                "memoryBytes",
                "listMemoryAmplification");
    YamlObject latency = spec.object("latency").onlyKeys("requestSeconds", "listBytesPerSecond");
    YamlObject rollout = spec.object("rollout").onlyKeys("controllerQps", "podStartSeconds");
    Map<String, ResourceProfile> resources = new LinkedHashMap<>();
    YamlObject resourcesYaml = spec.object("resources");
    for (String resource : resourcesYaml.keys()) {
      resources.put(resource, resource(resource, resourcesYaml.object(resource)));
    }
    Map<String, Double> existing = new LinkedHashMap<>();
    spec.optionalObject("existingSeatDemand")
        .ifPresent(
            levels -> levels.keys().forEach(level -> existing.put(level, levels.number(level, 0))));
    int nodes = spec.integer("nodes", 1);
    List<NodePool> pools =
        spec.optionalObject("nodePools").map(Profiles::nodePools).orElse(List.of());
    int pooled = pools.stream().mapToInt(NodePool::count).sum();
    if (!pools.isEmpty() && pooled != nodes) {
      throw spec.error(
          "nodes",
          "spec.nodes is "
              + nodes
              + " but spec.nodePools add up to "
              + pooled
              + " ("
              + String.join(" + ", pools.stream().map(p -> p.name() + " " + p.count()).toList())
              + "): nodes is the total, so make them equal");
    }
    return new ClusterProfile(
        name,
        version,
        nodes,
        spec.number("podsPerNode", 0),
        new ClusterProfile.ApiServers(
            servers.integer("replicas", 1),
            servers.integer("maxRequestsInflight", 1),
            servers.integer("maxMutatingRequestsInflight", 0),
            servers.number("memoryBytes", 1),
            servers.number("listMemoryAmplification", 0)),
        new ClusterProfile.Latency(
            positive(latency, "requestSeconds"), positive(latency, "listBytesPerSecond")),
        new ClusterProfile.Rollout(
            positive(rollout, "controllerQps"), rollout.number("podStartSeconds", 0)),
        resources,
        existing,
        pools);
  }

  private static List<NodePool> nodePools(YamlObject yaml) {
    List<NodePool> pools = new ArrayList<>();
    for (String name : yaml.keys()) {
      YamlObject pool = yaml.object(name).onlyKeys("count", "labels", "taints");
      Map<String, String> labels = new TreeMap<>();
      pool.optionalObject("labels")
          .ifPresent(l -> l.keys().forEach(key -> labels.put(key, l.string(key))));
      List<Taint> taints = new ArrayList<>();
      for (String taint : pool.stringList("taints")) {
        try {
          taints.add(Taint.parse(taint));
        } catch (IllegalArgumentException e) {
          throw pool.error("taints", pool.path() + ".taints: " + e.getMessage());
        }
      }
      pools.add(new NodePool(name, pool.integer("count", 0), labels, taints));
    }
    return pools;
  }

  private static double positive(YamlObject yaml, String key) {
    double value = yaml.number(key, 0);
    if (value <= 0) {
      throw yaml.error(key, yaml.path() + "." + key + " must be greater than 0");
    }
    return value;
  }

  private static ResourceProfile resource(String name, YamlObject yaml) {
    yaml.onlyKeys(
        "count",
        "countPerNode",
        "countPerPod",
        "sizeBytes",
        "churn",
        "churnPerNode",
        "churnPerPod",
        "writerLevel",
        "watchers",
        "watchersPerNode");
    return new ResourceProfile(
        name,
        scaled(yaml, "count"),
        yaml.number("sizeBytes", 0),
        scaled(yaml, "churn"),
        yaml.optionalString("writerLevel").orElse("workload-high"),
        scaled(yaml, "watchers"));
  }

  /** {@code x}, {@code xPerNode} or {@code xPerPod}: at most one of them. */
  private static Scaled scaled(YamlObject yaml, String key) {
    Scaled found = Scaled.ZERO;
    int given = 0;
    for (Scaled.Basis basis : Scaled.Basis.values()) {
      String variant =
          key
              + switch (basis) {
                case ABSOLUTE -> "";
                case PER_NODE -> "PerNode";
                case PER_POD -> "PerPod";
              };
      Optional<Double> value = yaml.optionalNumber(variant, 0);
      if (value.isPresent()) {
        found = new Scaled(value.get(), basis);
        given++;
      }
    }
    if (given > 1) {
      throw yaml.error(
          key,
          yaml.path() + ": give only one of " + key + ", " + key + "PerNode, " + key + "PerPod");
    }
    return found;
  }
}
