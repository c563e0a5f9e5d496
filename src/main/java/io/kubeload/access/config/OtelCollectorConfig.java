package io.kubeload.access.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OpenTelemetry Collector configuration as one tree: {@code components}, a list with one map per
 * receiver, processor, exporter, connector and extension: its {@code kind} ({@code receiver}), its
 * {@code type} without the {@code /name} suffix and without underscores ({@code k8s_attributes/x}
 * gives {@code k8sattributes}: the collector accepts both spellings), its {@code id}, {@code used}
 * ({@code true} when a pipeline, or {@code service.extensions}, names it: the collector builds only
 * those), and its {@code config}.
 */
final class OtelCollectorConfig {

  private static final List<String> KINDS =
      List.of("receivers", "processors", "exporters", "connectors", "extensions");

  private OtelCollectorConfig() {}

  static Object parse(String fileName, String text) throws ConfigException {
    Map<?, ?> root =
        YamlText.mapping(
            fileName, text, false, "an OpenTelemetry Collector configuration must be a mapping");
    Set<String> used = usedIds(root);
    List<Object> components = new ArrayList<>();
    for (String kind : KINDS) {
      if (root.get(kind) instanceof Map<?, ?> section) {
        for (Map.Entry<?, ?> e : section.entrySet()) {
          String id = String.valueOf(e.getKey());
          Map<String, Object> component = new LinkedHashMap<>();
          component.put("kind", kind.substring(0, kind.length() - 1));
          component.put("type", type(id));
          component.put("id", id);
          component.put("used", String.valueOf(used.contains(kind + ":" + id)));
          component.put("config", e.getValue() == null ? new LinkedHashMap<>() : e.getValue());
          components.add(component);
        }
      }
    }
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("components", components);
    return tree;
  }

  static String type(String id) {
    int slash = id.indexOf('/');
    return (slash < 0 ? id : id.substring(0, slash)).replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** {@code receivers:otlp}, ... for every component a pipeline or the service's extensions name. */
  private static Set<String> usedIds(Map<?, ?> root) {
    Set<String> used = new LinkedHashSet<>();
    if (!(root.get("service") instanceof Map<?, ?> service)) {
      return used;
    }
    if (service.get("extensions") instanceof List<?> extensions) {
      extensions.forEach(id -> used.add("extensions:" + id));
    }
    if (service.get("pipelines") instanceof Map<?, ?> pipelines) {
      for (Object pipeline : pipelines.values()) {
        if (pipeline instanceof Map<?, ?> p) {
          for (String kind : KINDS) {
            if (p.get(kind) instanceof List<?> ids) {
              ids.forEach(id -> used.add(kind + ":" + id));
            }
          }
        }
      }
    }
    return used;
  }
}
