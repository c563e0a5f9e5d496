package io.kubeload.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict, located access to one YAML mapping of a kubeload file (profile, policy, access annotation):
 * unknown keys, wrong types and out-of-range numbers are one-line errors naming file and line.
 */
public final class YamlObject {

  private final Map<?, ?> map;
  private final String path;
  private final String file;
  private final Map<String, Integer> lines;
  private final int line;

  private YamlObject(
      Map<?, ?> map, String path, String file, Map<String, Integer> lines, int line) {
    this.map = map;
    this.path = path;
    this.file = file;
    this.lines = lines;
    this.line = line;
  }

  /** The root mapping of a document; anything else is an error. */
  public static YamlObject root(YamlDocuments.Document document, String file) {
    if (!(document.value() instanceof Map<?, ?> m)) {
      throw new InputException(file, document.startLine(), "expected a mapping");
    }
    return new YamlObject(m, "", file, document.lines(), document.startLine());
  }

  /** A mapping parsed from text that sits at {@code at} (e.g. an annotation's value). */
  public static YamlObject embedded(Map<?, ?> map, String label, SourceLocation at) {
    return new YamlObject(map, label, at.file(), Map.of(), at.line());
  }

  public String path() {
    return path;
  }

  public int line() {
    return line;
  }

  public String file() {
    return file;
  }

  /** Fails on any key not in {@code allowed}, naming the first unknown one. */
  public YamlObject onlyKeys(String... allowed) {
    Set<String> known = Set.of(allowed);
    for (Object key : map.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        throw error(
            String.valueOf(key),
            "unknown key '" + key + "' (expected one of " + new TreeSet<>(known) + ")");
      }
    }
    return this;
  }

  public boolean has(String key) {
    return map.containsKey(key) && map.get(key) != null;
  }

  public Set<String> keys() {
    TreeSet<String> out = new TreeSet<>();
    map.keySet().forEach(k -> out.add(String.valueOf(k)));
    return out;
  }

  public String string(String key) {
    return optionalString(key).orElseThrow(() -> error(key, "missing " + qualified(key)));
  }

  public Optional<String> optionalString(String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return Optional.of(String.valueOf(value));
    }
    throw error(key, qualified(key) + " must be a string");
  }

  public Optional<Double> optionalNumber(String key, double min) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw error(key, qualified(key) + " must be a number, not '" + value + "'");
    }
    if (n.doubleValue() < min) {
      throw error(
          key,
          qualified(key) + " must be at least " + trim(min) + ", not " + trim(n.doubleValue()));
    }
    return Optional.of(n.doubleValue());
  }

  public double number(String key, double min) {
    return optionalNumber(key, min).orElseThrow(() -> error(key, "missing " + qualified(key)));
  }

  public int integer(String key, int min) {
    double value = number(key, min);
    if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
      throw error(key, qualified(key) + " must be a whole number, not " + trim(value));
    }
    return (int) value;
  }

  public Optional<YamlObject> optionalObject(String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw error(key, qualified(key) + " must be a mapping");
    }
    return Optional.of(new YamlObject(m, qualified(key), file, lines, lineOf(key)));
  }

  public YamlObject object(String key) {
    return optionalObject(key).orElseThrow(() -> error(key, "missing " + qualified(key)));
  }

  /** The mappings of a list, each located at its item; an absent key gives none. */
  public List<YamlObject> objectList(String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw error(key, qualified(key) + " must be a list");
    }
    List<YamlObject> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String itemPath = qualified(key) + "[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        throw new InputException(
            file, lines.getOrDefault(itemPath, lineOf(key)), itemPath + " must be a mapping");
      }
      out.add(new YamlObject(m, itemPath, file, lines, lines.getOrDefault(itemPath, lineOf(key))));
    }
    return out;
  }

  public List<String> stringList(String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    if (!(value instanceof List<?> list)) {
      throw error(key, qualified(key) + " must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String || item instanceof Number || item instanceof Boolean)) {
        throw error(key, qualified(key) + " must be a list of strings");
      }
      out.add(String.valueOf(item));
    }
    return out;
  }

  public InputException error(String key, String problem) {
    return new InputException(file, lineOf(key), problem);
  }

  private int lineOf(String key) {
    Integer keyLine = lines.get(qualified(key));
    return keyLine == null ? line : keyLine;
  }

  private String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String trim(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : String.valueOf(value);
  }
}
