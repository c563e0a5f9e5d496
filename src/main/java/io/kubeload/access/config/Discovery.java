package io.kubeload.access.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One Kubernetes service-discovery configuration: a Prometheus-style {@code kubernetes_sd_configs}
 * item (Prometheus, Promtail, Grafana Agent, the collector's prometheus receiver) or an Alloy
 * {@code discovery.kubernetes} block. Two with equal fields list and watch the same objects.
 *
 * @param namespaces the namespaces it is limited to; empty for all
 * @param selectors label and field selectors by role ({@code pod}, {@code node}, ...)
 * @param attachNode whether it also watches nodes to attach their metadata
 * @param origin where it was written, for provenance ({@code job kubernetes-pods})
 */
public record Discovery(
    String role,
    List<String> namespaces,
    boolean ownNamespace,
    Map<String, Selector> selectors,
    boolean attachNode,
    String origin) {

  /** A role's selectors: server-side filters on the objects listed and watched. */
  public record Selector(String label, String field) {

    // The record's own equals and hashCode, without method handles (SpelledOutRecordsTest).
    @Override
    public boolean equals(Object other) {
      return other instanceof Selector selector
          && Objects.equals(label, selector.label)
          && Objects.equals(field, selector.field);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(label) + Objects.hashCode(field);
    }
  }

  public Discovery {
    namespaces = List.copyOf(namespaces);
    selectors = Map.copyOf(new TreeMap<>(selectors));
  }

  // The record's own equals and hashCode, without method handles (SpelledOutRecordsTest).
  @Override
  public boolean equals(Object other) {
    return other instanceof Discovery discovery
        && Objects.equals(role, discovery.role)
        && namespaces.equals(discovery.namespaces)
        && ownNamespace == discovery.ownNamespace
        && selectors.equals(discovery.selectors)
        && attachNode == discovery.attachNode
        && Objects.equals(origin, discovery.origin);
  }

  @Override
  public int hashCode() {
    int hash = Objects.hashCode(role);
    hash = 31 * hash + namespaces.hashCode();
    hash = 31 * hash + Boolean.hashCode(ownNamespace);
    hash = 31 * hash + selectors.hashCode();
    hash = 31 * hash + Boolean.hashCode(attachNode);
    return 31 * hash + Objects.hashCode(origin);
  }

  /** The same discovery wherever it was written: Prometheus runs identical configs once. */
  public Discovery withoutOrigin() {
    return new Discovery(role, namespaces, ownNamespace, selectors, attachNode, "");
  }

  /** Every {@code kubernetes_sd_configs} item anywhere in a Prometheus-style tree. */
  public static List<Discovery> prometheusStyle(Object tree) {
    List<Discovery> out = new ArrayList<>();
    collect(tree, "", out);
    return out;
  }

  private static void collect(Object node, String job, List<Discovery> out) {
    if (node instanceof Map<?, ?> map) {
      String here = map.get("job_name") instanceof String name ? "job " + name : job;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getKey().equals("kubernetes_sd_configs") && e.getValue() instanceof List<?> configs) {
          for (int i = 0; i < configs.size(); i++) {
            if (configs.get(i) instanceof Map<?, ?> config) {
              out.add(
                  prometheusItem(
                      config,
                      (here.isEmpty() ? "" : here + " ") + "kubernetes_sd_configs[" + i + "]"));
            }
          }
        } else {
          collect(e.getValue(), here, out);
        }
      }
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collect(item, job, out));
    }
  }

  private static Discovery prometheusItem(Map<?, ?> config, String origin) {
    List<String> names = new ArrayList<>();
    boolean own = false;
    if (config.get("namespaces") instanceof Map<?, ?> namespaces) {
      strings(namespaces.get("names"), names);
      own = namespaces.get("own_namespace") instanceof String s && Trees.isTrue(s);
    }
    Map<String, Selector> selectors = new TreeMap<>();
    if (config.get("selectors") instanceof List<?> list) {
      list.forEach(item -> selector(item, selectors));
    }
    boolean attachNode =
        config.get("attach_metadata") instanceof Map<?, ?> attach
            && attach.get("node") instanceof String node
            && Trees.isTrue(node);
    return new Discovery(role(config.get("role")), names, own, selectors, attachNode, origin);
  }

  /** Every {@code discovery.kubernetes} block of an Alloy tree. */
  public static List<Discovery> alloy(Object tree) {
    List<Discovery> out = new ArrayList<>();
    if (!(tree instanceof Map<?, ?> root) || !(root.get("blocks") instanceof List<?> blocks)) {
      return out;
    }
    for (Object item : blocks) {
      if (!(item instanceof Map<?, ?> block) || !"discovery.kubernetes".equals(block.get("type"))) {
        continue;
      }
      List<String> names = new ArrayList<>();
      boolean own = false;
      if (block.get("namespaces") instanceof List<?> namespaceBlocks) {
        for (Object n : namespaceBlocks) {
          if (n instanceof Map<?, ?> namespaces) {
            strings(namespaces.get("names"), names);
            own |= namespaces.get("own_namespace") instanceof String s && Trees.isTrue(s);
          }
        }
      }
      Map<String, Selector> selectors = new TreeMap<>();
      if (block.get("selectors") instanceof List<?> list) {
        list.forEach(s -> selector(s, selectors));
      }
      boolean attachNode =
          block.get("attach_metadata") instanceof List<?> attach
              && attach.stream()
                  .anyMatch(
                      a ->
                          a instanceof Map<?, ?> m
                              && m.get("node") instanceof String node
                              && Trees.isTrue(node));
      String label = block.get("label") instanceof String l ? " \"" + l + "\"" : "";
      out.add(
          new Discovery(
              role(block.get("role")),
              names,
              own,
              selectors,
              attachNode,
              "discovery.kubernetes" + label));
    }
    return out;
  }

  private static String role(Object value) {
    return value == null ? "" : String.valueOf(value).strip().toLowerCase(Locale.ROOT);
  }

  private static void strings(Object value, List<String> out) {
    if (value instanceof List<?> list) {
      list.forEach(v -> out.add(String.valueOf(v)));
    } else if (value instanceof String s && !s.isBlank()) {
      out.add(s);
    }
  }

  private static void selector(Object item, Map<String, Selector> out) {
    if (item instanceof Map<?, ?> s && s.get("role") != null) {
      out.put(role(s.get("role")), new Selector(text(s.get("label")), text(s.get("field"))));
    }
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
