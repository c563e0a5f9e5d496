package io.kubeload.access.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fluent Bit configuration, classic or YAML, as one tree: {@code service} (a map) and the lists
 * {@code inputs}, {@code filters}, {@code outputs}, {@code parsers}, each item a map of lowercase
 * keys ({@code name}, {@code use_kubelet}, ...) to string values. Keys are case-insensitive in
 * Fluent Bit, so they are lowercased.
 */
final class FluentBitConfig {

  private FluentBitConfig() {}

  static Object parse(String fileName, String text) throws ConfigException {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml") ? yaml(fileName, text) : classic(text);
  }

  /** The classic format: {@code [SECTION]} headers, then {@code Key Value} lines. */
  static Object classic(String text) throws ConfigException {
    Map<String, Object> tree = new LinkedHashMap<>();
    Map<String, Object> section = null;
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("@")) {
        continue; // @INCLUDE and @SET: included files are read from the same ConfigMap anyway
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]") || line.length() < 3) {
          throw ConfigException.atLine(i + 1, "a section header must look like [INPUT]");
        }
        section = new LinkedHashMap<>();
        addSection(
            tree, line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT), section);
        continue;
      }
      if (section == null) {
        throw ConfigException.atLine(i + 1, "a setting outside any [SECTION]");
      }
      String[] keyValue = line.split("\\s+", 2);
      section.put(
          keyValue[0].toLowerCase(Locale.ROOT), keyValue.length > 1 ? keyValue[1].strip() : "");
    }
    return tree;
  }

  @SuppressWarnings("unchecked")
  private static void addSection(
      Map<String, Object> tree, String name, Map<String, Object> section) {
    if (name.equals("service")) {
      tree.put("service", section);
      return;
    }
    String plural = name.endsWith("s") ? name : name + "s";
    ((List<Object>) tree.computeIfAbsent(plural, k -> new ArrayList<>())).add(section);
  }

  /** The YAML format: {@code service}, and {@code pipeline} holding inputs, filters and outputs. */
  @SuppressWarnings("unchecked")
  private static Object yaml(String fileName, String text) throws ConfigException {
    Map<?, ?> map =
        YamlText.mapping(fileName, text, true, "a Fluent Bit YAML file must be a mapping");
    Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) map);
    if (out.remove("pipeline") instanceof Map<?, ?> pipeline) {
      ((Map<String, Object>) pipeline).forEach((k, v) -> out.merge(k, v, Trees::merge));
    }
    return out;
  }
}
