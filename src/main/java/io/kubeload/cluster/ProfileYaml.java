package io.kubeload.cluster;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Writes a {@link SourcedProfile} as the ClusterProfile YAML that {@link Profiles} reads, a comment
 * above every figure; and reads the comments of a preset as the sources of its figures.
 */
public final class ProfileYaml {

  private static final int WIDTH = 100;

  private static final Pattern PLAIN_KEY = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

  private ProfileYaml() {}

  /** The figure paths of a profile, in the order they are written. */
  public static List<String> figures(ClusterProfile profile) {
    List<String> out = new ArrayList<>(List.of("kubernetesVersion", "nodes"));
    profile.nodePools().forEach(pool -> out.add("nodePools." + pool.name()));
    out.addAll(
        List.of(
            "podsPerNode",
            "apiServers.replicas",
            "apiServers.maxRequestsInflight",
            "apiServers.maxMutatingRequestsInflight",
            "apiServers.memoryBytes",
            "apiServers.listMemoryAmplification",
            "latency.requestSeconds",
            "latency.listBytesPerSecond",
            "rollout.controllerQps",
            "rollout.podStartSeconds"));
    profile.resources().keySet().stream()
        .sorted()
        .forEach(
            resource -> {
              for (String field : List.of("count", "sizeBytes", "churn", "writerLevel")) {
                out.add("resources." + resource + "." + field);
              }
              if (profile.resources().get(resource).watchers().value() != 0) {
                out.add("resources." + resource + ".watchers");
              }
            });
    if (profile.existingSeatDemand().isEmpty()) {
      out.add("existingSeatDemand");
    } else {
      profile.existingSeatDemand().keySet().stream()
          .sorted()
          .forEach(level -> out.add("existingSeatDemand." + level));
    }
    return out;
  }

  /**
   * The sources of a preset's figures: "default from the production preset: " and the comment above
   * the figure in the preset, for every figure of the preset.
   */
  public static Map<String, String> presetSources(String preset) {
    String text =
        Profiles.presetText(preset)
            .orElseThrow(() -> new IllegalArgumentException("no preset " + preset));
    LoaderOptions options = new LoaderOptions();
    options.setProcessComments(true);
    Map<String, String> comments = new LinkedHashMap<>();
    Node root = new Yaml(options).compose(new StringReader(text));
    collectComments(spec(root), "", 0, comments);
    Map<String, String> out = new LinkedHashMap<>();
    for (String figure : figures(Profiles.load(preset))) {
      String comment = comments.getOrDefault(figure, "");
      out.put(
          figure,
          "default from the " + preset + " preset" + (comment.isEmpty() ? "" : ": " + comment));
    }
    return out;
  }

  static String write(SourcedProfile sourced) {
    ClusterProfile p = sourced.profile();
    Writer w = new Writer(sourced.sources());
    sourced.header().forEach(line -> w.comment(0, line));
    w.line(0, "apiVersion: kubeload.io/v1alpha1");
    w.line(0, "kind: ClusterProfile");
    w.line(0, "metadata:");
    w.line(1, "name: " + key(p.name()));
    w.line(0, "spec:");
    w.figure(1, "kubernetesVersion", "kubernetesVersion", quote(p.version().toString()));
    w.figure(1, "nodes", "nodes", number(p.nodes()));
    if (!p.nodePools().isEmpty()) {
      w.line(1, "nodePools:");
      for (NodePool pool : p.nodePools()) {
        w.comment(2, sourced.sources().get("nodePools." + pool.name()));
        w.line(2, key(pool.name()) + ":");
        w.line(3, "count: " + pool.count());
        if (pool.labels().isEmpty()) {
          w.line(3, "labels: {}");
        } else {
          w.line(3, "labels:");
          pool.labels().forEach((k, v) -> w.line(4, quote(k) + ": " + quote(v)));
        }
        w.line(
            3,
            "taints: ["
                + String.join(", ", pool.taints().stream().map(t -> quote(t.toString())).toList())
                + "]");
      }
    }
    w.figure(1, "podsPerNode", "podsPerNode", number(p.podsPerNode()));
    w.line(1, "apiServers:");
    w.figure(2, "apiServers.replicas", "replicas", number(p.apiServers().replicas()));
    w.figure(
        2,
        "apiServers.maxRequestsInflight",
        "maxRequestsInflight",
        number(p.apiServers().maxRequestsInflight()));
    w.figure(
        2,
        "apiServers.maxMutatingRequestsInflight",
        "maxMutatingRequestsInflight",
        number(p.apiServers().maxMutatingRequestsInflight()));
    w.figure(2, "apiServers.memoryBytes", "memoryBytes", number(p.apiServers().memoryBytes()));
    w.figure(
        2,
        "apiServers.listMemoryAmplification",
        "listMemoryAmplification",
        number(p.apiServers().listMemoryAmplification()));
    w.line(1, "latency:");
    w.figure(2, "latency.requestSeconds", "requestSeconds", number(p.latency().requestSeconds()));
    w.figure(
        2,
        "latency.listBytesPerSecond",
        "listBytesPerSecond",
        number(p.latency().listBytesPerSecond()));
    w.line(1, "rollout:");
    w.figure(2, "rollout.controllerQps", "controllerQps", number(p.rollout().controllerQps()));
    w.figure(
        2, "rollout.podStartSeconds", "podStartSeconds", number(p.rollout().podStartSeconds()));
    w.line(1, "resources:");
    p.resources().keySet().stream()
        .sorted()
        .forEach(
            name -> {
              ResourceProfile r = p.resources().get(name);
              String at = "resources." + name + ".";
              w.line(2, key(name) + ":");
              w.figure(3, at + "count", scaledKey("count", r.count()), number(r.count().value()));
              w.figure(3, at + "sizeBytes", "sizeBytes", number(r.sizeBytes()));
              w.figure(3, at + "churn", scaledKey("churn", r.churn()), number(r.churn().value()));
              w.figure(3, at + "writerLevel", "writerLevel", key(r.writerLevel()));
              if (r.watchers().value() != 0) {
                w.figure(
                    3,
                    at + "watchers",
                    scaledKey("watchers", r.watchers()),
                    number(r.watchers().value()));
              }
            });
    if (p.existingSeatDemand().isEmpty()) {
      w.figure(1, "existingSeatDemand", "existingSeatDemand", "{}");
    } else {
      w.line(1, "existingSeatDemand:");
      p.existingSeatDemand().keySet().stream()
          .sorted()
          .forEach(
              level ->
                  w.figure(
                      2,
                      "existingSeatDemand." + level,
                      key(level),
                      number(p.existingSeatDemand().get(level))));
    }
    return w.text();
  }

  /** Exact and plain: 0.00333, 14474, 256000000000, 14.043333333333333 (reads back to the same double). */
  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String scaledKey(String key, Scaled scaled) {
    return key
        + switch (scaled.basis()) {
          case ABSOLUTE -> "";
          case PER_NODE -> "PerNode";
          case PER_POD -> "PerPod";
        };
  }

  private static String key(String name) {
    return PLAIN_KEY.matcher(name).matches()
            && !name.matches("[0-9.eE+-]+|true|false|null|yes|no|on|off|y|n")
        ? name
        : quote(name);
  }

  /** A double-quoted YAML scalar (JSON escapes are valid in it). */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static Node spec(Node root) {
    if (root instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals("spec")) {
          return tuple.getValueNode();
        }
      }
    }
    throw new IllegalStateException("a preset without spec");
  }

  /** The block comment above each key, keyed as {@link #figures} keys them (count variants as count, ...). */
  private static void collectComments(Node node, String path, int depth, Map<String, String> out) {
    if (!(node instanceof MappingNode mapping)) {
      return;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      String name = ((ScalarNode) tuple.getKeyNode()).getValue();
      String figure =
          depth == 2 && path.startsWith("resources.")
              ? path + name.replaceAll("(PerNode|PerPod)$", "")
              : path + name;
      List<CommentLine> comments = tuple.getKeyNode().getBlockComments();
      if (comments != null && !comments.isEmpty()) {
        out.put(
            figure, String.join(" ", comments.stream().map(c -> c.getValue().strip()).toList()));
      }
      collectComments(tuple.getValueNode(), figure + ".", depth + 1, out);
    }
  }

  /** Lines at two spaces per level, each figure after its source comment. */
  private static final class Writer {
    private final StringBuilder out = new StringBuilder();
    private final Map<String, String> sources;

    Writer(Map<String, String> sources) {
      this.sources = sources;
    }

    void line(int level, String text) {
      out.append("  ".repeat(level)).append(text).append('\n');
    }

    void figure(int level, String path, String key, String value) {
      comment(level, sources.get(path));
      line(level, key + ": " + value);
    }

    void comment(int level, String text) {
      String indent = "  ".repeat(level) + "# ";
      StringBuilder current = new StringBuilder();
      for (String word : text.strip().split("\\s+", -1)) {
        if (current.length() > 0
            && indent.length() + current.length() + 1 + word.length() > WIDTH) {
          out.append(indent).append(current).append('\n');
          current.setLength(0);
        }
        current.append(current.length() > 0 ? " " : "").append(word);
      }
      out.append(indent).append(current).append('\n');
    }

    String text() {
      return out.toString();
    }
  }
}
