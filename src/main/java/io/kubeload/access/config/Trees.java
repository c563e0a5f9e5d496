package io.kubeload.access.config;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Plain configuration trees: maps with string keys, lists, and scalars kept as strings. */
public final class Trees {

  private static final Set<String> TRUE = Set.of("true", "on", "yes", "1");
  private static final Set<String> FALSE = Set.of("false", "off", "no", "0");

  private Trees() {}

  /**
   * A copy with string keys and string scalars; {@code lowerKeys} for case-insensitive languages.
   * A mapping or list that aliases share is copied once and stays shared: copying it per alias would
   * expand an alias bomb that the reader let through as a few composed nodes.
   */
  static Object normalise(Object value, boolean lowerKeys) {
    return normalise(value, lowerKeys, new IdentityHashMap<>());
  }

  private static Object normalise(Object value, boolean lowerKeys, Map<Object, Object> copies) {
    Object copied = copies.get(value);
    if (copied != null) {
      return copied;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      copies.put(value, out);
      map.forEach(
          (k, v) -> {
            String key = String.valueOf(k);
            out.put(
                lowerKeys ? key.toLowerCase(Locale.ROOT) : key, normalise(v, lowerKeys, copies));
          });
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      copies.put(value, out);
      list.forEach(item -> out.add(normalise(item, lowerKeys, copies)));
      return out;
    }
    return value == null ? null : scalar(value);
  }

  private static String scalar(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(value);
  }

  /** Two files of one component read as one: maps merged, lists joined, later scalars win. */
  @SuppressWarnings("unchecked")
  public static Object merge(Object first, Object second) {
    if (first instanceof Map<?, ?> a && second instanceof Map<?, ?> b) {
      Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) a);
      ((Map<String, Object>) b).forEach((k, v) -> out.merge(k, v, Trees::merge));
      return out;
    }
    if (first instanceof List<?> a && second instanceof List<?> b) {
      List<Object> out = new ArrayList<>(a);
      out.addAll(b);
      return out;
    }
    return second == null ? first : second;
  }

  public static boolean isTrue(String text) {
    return TRUE.contains(text.strip().toLowerCase(Locale.ROOT));
  }

  public static boolean isFalse(String text) {
    return FALSE.contains(text.strip().toLowerCase(Locale.ROOT));
  }
}
