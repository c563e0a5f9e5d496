package io.kubeload.yaml;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A document's plain tree as it is kept for the whole run: each small mapping as two arrays in the
 * order written instead of a linked hash map (whose maps and entries were the largest share of the
 * live heap after the input's own bytes, docs/performance.md), lists trimmed to their length. The kept tree is
 * read-only, as every stage treats it.
 */
public final class CompactTree {

  /** Larger mappings (a ConfigMap's many keys) keep their hash map: looked up by key, not scanned. */
  static final int MAX_SCANNED = 8;

  private CompactTree() {}

  /** {@code value} with every small mapping below it compacted; lists are compacted in place. */
  static Object of(Object value) {
    if (value instanceof SmallMap) {
      // Compact already: a part of a kept tree kept again is shared, not copied.
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      return map.size() <= MAX_SCANNED ? new SmallMap(map) : compactValues(map);
    }
    if (value instanceof ArrayList<?> list) {
      @SuppressWarnings("unchecked")
      List<Object> items = (List<Object>) list;
      items.replaceAll(CompactTree::of);
      ((ArrayList<?>) list).trimToSize();
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> ofMapping(Map<String, Object> tree) {
    return (Map<String, Object>) of(tree);
  }

  private static Map<?, ?> compactValues(Map<?, ?> map) {
    @SuppressWarnings("unchecked")
    Map<Object, Object> values = (Map<Object, Object>) map;
    values.replaceAll((key, value) -> of(value));
    return map;
  }

  /**
   * A mapping of a few keys, looked up by a scan of its keys (which are interned, so mostly the same
   * object): keys and values alternate in one array, an array header less per mapping than two.
   */
  private static final class SmallMap extends AbstractMap<Object, Object> {
    private final Object[] keysAndValues;

    SmallMap(Map<?, ?> map) {
      keysAndValues = new Object[2 * map.size()];
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        keysAndValues[i++] = e.getKey();
        keysAndValues[i++] = of(e.getValue());
      }
    }

    /** Where the key is in {@link #keysAndValues}, or -1. */
    private int indexOf(Object key) {
      for (int i = 0; i < keysAndValues.length; i += 2) {
        Object k = keysAndValues[i];
        if (k == key || (k != null && k.equals(key))) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public Object get(Object key) {
      int i = indexOf(key);
      return i < 0 ? null : keysAndValues[i + 1];
    }

    @Override
    public boolean containsKey(Object key) {
      return indexOf(key) >= 0;
    }

    @Override
    public int size() {
      return keysAndValues.length / 2;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return entries(
          size(), i -> new SimpleImmutableEntry<>(keysAndValues[2 * i], keysAndValues[2 * i + 1]));
    }
  }

  /** The entries of a map kept in arrays, {@code size} of them, the i-th made by {@code at}. */
  static <K, V> Set<Map.Entry<K, V>> entries(int size, IntFunction<Map.Entry<K, V>> at) {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<K, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<K, V> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            return at.apply(next++);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
