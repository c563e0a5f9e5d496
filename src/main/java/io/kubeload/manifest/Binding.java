package io.kubeload.manifest;

import io.kubeload.yaml.CompactTree;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Reads YAML values into typed objects, one declared field at a time, as strictly as the API server
 * decodes JSON: a string is not a number, a fraction is not a count, a mapping is not a list.
 *
 * <p>Written by hand rather than through Jackson's data binding, because Jackson introspects the whole
 * fabric8 type graph (about a thousand classes) on its first conversion: 0.3–0.4 s of every run,
 * which class-data sharing cannot keep (docs/performance.md). The price is that only the declared
 * fields are read: a field kubeload starts to read must be declared in {@link KubernetesShapes}.
 */
final class Binding {

  private Binding() {}

  /** Reads one YAML value found at {@code at}; throws {@link Mismatch} when its type is wrong. */
  @FunctionalInterface
  interface Reader<V> {
    V read(Object value, At at);
  }

  /**
   * Where a value is in its object, written out as its field path ({@code spec.containers[0].image})
   * only for an error: a path written out for every value read was a twentieth of a fleet's
   * allocation (docs/performance.md, "Sixth round").
   */
  static final class At {
    /** What {@link #index} holds for a field and for a string map's entry, not an item's index. */
    private static final int FIELD = -1;

    private static final int ENTRY = -2;

    private final At parent;
    private final String text;
    private final int index;

    private At(At parent, String text, int index) {
      this.parent = parent;
      this.text = text;
      this.index = index;
    }

    /** The path written out as it is. */
    static At of(String path) {
      return new At(null, path, FIELD);
    }

    /** A field of the mapping here: its key alone at the root. */
    At field(String key) {
      return new At(this, key, FIELD);
    }

    /** An entry of the string map here, after a dot even at the root. */
    At entry(String key) {
      return new At(this, key, ENTRY);
    }

    /** An item of the list here. */
    At item(int i) {
      return new At(this, null, i);
    }

    @Override
    public String toString() {
      if (parent == null) {
        return text;
      }
      String above = parent.toString();
      if (index >= 0) {
        return above + "[" + index + "]";
      }
      return index == FIELD && above.isEmpty() ? text : above + "." + text;
    }
  }

  /** A value of the wrong type: where it is, and what was expected there. */
  static final class Mismatch extends RuntimeException {
    private final String path;
    private final String expected;
    private final transient Object value;

    Mismatch(At at, String expected, Object value) {
      this(at.toString(), expected, value);
    }

    private Mismatch(String path, String expected, Object value) {
      super(path + ": expected " + expected, null, false, false);
      this.path = path;
      this.expected = expected;
      this.value = value;
    }

    String path() {
      return path;
    }

    String expected() {
      return expected;
    }

    Object value() {
      return value;
    }
  }

  /**
   * Scalars become text the way a JSON decoder hands them to a string field; a YAML timestamp,
   * which snakeyaml makes a date, is written back in ISO-8601.
   */
  static final Reader<String> STRING =
      (value, path) -> {
        if (value == null || value instanceof String) {
          return (String) value;
        }
        if (value instanceof Number || value instanceof Boolean) {
          return String.valueOf(value);
        }
        if (value instanceof Date date) {
          return date.toInstant().toString();
        }
        throw new Mismatch(path, "a string", value);
      };

  static final Reader<Integer> INTEGER =
      (value, path) -> {
        if (value == null || value instanceof Integer) {
          return (Integer) value;
        }
        if (value instanceof Long || value instanceof java.math.BigInteger) {
          throw new Mismatch(
              path, "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE, value);
        }
        throw new Mismatch(path, "a whole number", value);
      };

  static final Reader<Long> LONG =
      (value, path) -> {
        if (value == null || value instanceof Long) {
          return (Long) value;
        }
        if (value instanceof Integer i) {
          return i.longValue();
        }
        throw new Mismatch(path, "a whole number", value);
      };

  static final Reader<Boolean> BOOLEAN =
      (value, path) -> {
        if (value == null || value instanceof Boolean) {
          return (Boolean) value;
        }
        throw new Mismatch(path, "true or false", value);
      };

  static final Reader<List<String>> STRINGS = listOf(STRING);

  static final Reader<Map<String, String>> STRING_MAP =
      (value, path) -> {
        if (value == null) {
          return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
          throw new Mismatch(path, "a mapping", value);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach(
            (key, item) ->
                out.put(String.valueOf(key), STRING.read(item, path.entry(String.valueOf(key)))));
        // Labels and annotations of every object are kept for the whole run: a few keys are kept
        // as two arrays, not as a linked hash map and its entries.
        @SuppressWarnings("unchecked")
        Map<String, String> compact = (Map<String, String>) (Map<?, ?>) CompactTree.ofMapping(out);
        return compact;
      };

  /**
   * A list of items; a null scalar item stays null, as a JSON decoder keeps it, but a null object
   * (a container, an env entry) is one the API server rejects: the object has no name.
   */
  static <V> Reader<List<V>> listOf(Reader<V> item) {
    return (value, path) -> {
      if (value == null) {
        return null;
      }
      if (!(value instanceof List<?> list)) {
        throw new Mismatch(path, "a list", value);
      }
      List<V> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) == null && item instanceof Shape<?>) {
          throw new Mismatch(path.item(i), "a mapping", null);
        }
        out.add(item.read(list.get(i), path.item(i)));
      }
      return out;
    };
  }

  /** One declared field: its reader and the setter it feeds. */
  private record Field<T, V>(Reader<V> reader, BiConsumer<T, V> setter) {
    void set(T target, Object value, At path) {
      setter.accept(target, reader.read(value, path));
    }
  }

  /**
   * An object read from a mapping: each declared field that is present is read and set, an explicit
   * null included; undeclared fields are not read (the API server drops unknown ones too).
   */
  static final class Shape<T> implements Reader<T> {
    private final Supplier<T> create;
    private final Map<String, Field<T, ?>> fields;

    private Shape(Supplier<T> create, Map<String, Field<T, ?>> fields) {
      this.create = create;
      this.fields = fields;
    }

    static <T> Shape<T> of(Supplier<T> create) {
      return new Shape<>(create, Map.of());
    }

    <V> Shape<T> with(String name, Reader<V> reader, BiConsumer<T, V> setter) {
      Map<String, Field<T, ?>> more = new HashMap<>(fields);
      more.put(name, new Field<>(reader, setter));
      return new Shape<>(create, Map.copyOf(more));
    }

    @Override
    public T read(Object value, At path) {
      if (value == null) {
        return null;
      }
      if (!(value instanceof Map<?, ?> map)) {
        throw new Mismatch(path, "a mapping", value);
      }
      T out = create.get();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Field<T, ?> field = entry.getKey() instanceof String name ? fields.get(name) : null;
        if (field != null) {
          field.set(out, entry.getValue(), path.field((String) entry.getKey()));
        }
      }
      return SharedEmpties.in(out);
    }
  }
}
