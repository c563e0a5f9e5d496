package io.kubeload.manifest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * 64 bits of an object's plain tree as read, so that "did this object change" and "is this the same
 * object read twice" need not keep the tree (docs/performance.md): equal trees (maps compared
 * whatever the order of their keys, as {@link Map#equals} does) give equal digests, and unequal
 * trees collide with a chance of about 2^-64.
 */
public record Digest(long value) {

  private static final long MAP = 0x9E3779B97F4A7C15L;
  private static final long LIST = 0xC2B2AE3D27D4EB4FL;
  private static final long STRING = 0x165667B19E3779F9L;
  private static final long NULL = 0x27D4EB2F165667C5L;

  // The record's own equals and hashCode, without method handles (SpelledOutRecordsTest).
  @Override
  public boolean equals(Object other) {
    return other instanceof Digest digest && value == digest.value;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(value);
  }

  static Digest of(Object tree) {
    return new Digest(hash(tree));
  }

  private static long hash(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof String s) {
      long h = STRING ^ s.length();
      for (int i = 0; i < s.length(); i++) {
        h = (h ^ s.charAt(i)) * 0x100000001B3L;
      }
      return mix(h);
    }
    if (value instanceof Map<?, ?> map) {
      // A sum of mixed entries does not depend on the order the keys were written in.
      long h = MAP + map.size();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        h += mix(hash(e.getKey()) * LIST + hash(e.getValue()));
      }
      return mix(h);
    }
    if (value instanceof List<?> list) {
      long h = LIST + list.size();
      for (Object item : list) {
        h = mix(h * MAP + hash(item));
      }
      return h;
    }
    if (value instanceof byte[] bytes) {
      return mix(hash(new String(bytes, StandardCharsets.ISO_8859_1)) * LIST);
    }
    // A scalar: its type counts as it does for equals (an integer 1 is not the float 1.0).
    return mix(hash(value.getClass().getName()) * MAP + hash(value.toString()));
  }

  /** SplitMix64's finaliser: every input bit moves about half of the output bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
