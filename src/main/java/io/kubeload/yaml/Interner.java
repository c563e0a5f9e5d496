package io.kubeload.yaml;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each short string a run reads: keys, field paths, label names, API versions and
 * names repeat across every document of a fleet, and were kept once per document
 * (docs/performance.md). Long strings (configuration files) are seldom repeated
 * and are kept as read. The parts of a large input are read on several threads with one interner
 * (docs/performance.md, "Reading on all cores"), so it is a concurrent map: which thread's copy is
 * kept does not matter, only that one is.
 */
final class Interner {

  /** Longer strings are not looked up: a checksum or a configuration line is rarely written twice. */
  static final int MAX_LENGTH = 96;

  private final Map<String, String> strings = new ConcurrentHashMap<>();

  /**
   * The field paths below each path met, by key and by list index: the releases of a repository
   * write the same paths, and a path looked up here is not written out again to find its copy
   * (docs/performance.md, "Sixth round").
   */
  private final Map<String, Map<String, String>> fields = new ConcurrentHashMap<>();

  private final Map<String, Map<Integer, String>> items = new ConcurrentHashMap<>();

  /**
   * The last short text met at each of its hashes: a key or plain scalar read again is found in
   * the text, not copied out of it first (a copy per key and per scalar was a tenth of a fleet's
   * reading's allocation, docs/performance.md, "Sixth round"). The threads reading parts share it
   * without a lock: a slot holds an interned {@code String} or null, and a {@code String} published
   * through a race is whole (its fields are final), so a thread reads either copy or none, and a
   * miss only copies the text as before.
   */
  private final String[] recent = new String[8192];

  /** {@code text}'s characters from {@code start} to {@code end}, interned when short. */
  String text(String text, int start, int end) {
    int length = end - start;
    if (length > MAX_LENGTH) {
      return text.substring(start, end);
    }
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + text.charAt(i);
    }
    int slot = (h ^ (h >>> 16)) & (recent.length - 1);
    String known = recent[slot];
    if (known != null && known.length() == length && text.startsWith(known, start)) {
      return known;
    }
    known = intern(text.substring(start, end));
    recent[slot] = known;
    return known;
  }

  /** The path of {@code key} below {@code path} ({@code path.key}, or the key at the root), interned. */
  String field(String path, String key) {
    if (path.isEmpty()) {
      return intern(key);
    }
    if (path.length() >= MAX_LENGTH) {
      return path + "." + key;
    }
    Map<String, String> below = fields.computeIfAbsent(path, p -> new ConcurrentHashMap<>());
    String known = below.get(key);
    if (known == null) {
      known = intern(path + "." + key);
      if (known.length() <= MAX_LENGTH) {
        below.putIfAbsent(key, known);
      }
    }
    return known;
  }

  /** The path of a list's item {@code index} below {@code path} ({@code path[index]}), interned. */
  String item(String path, int index) {
    if (path.length() >= MAX_LENGTH) {
      return path + "[" + index + "]";
    }
    Map<Integer, String> below = items.computeIfAbsent(path, p -> new ConcurrentHashMap<>());
    String known = below.get(index);
    if (known == null) {
      known = intern(path + "[" + index + "]");
      if (known.length() <= MAX_LENGTH) {
        below.putIfAbsent(index, known);
      }
    }
    return known;
  }

  String intern(String s) {
    if (s.length() > MAX_LENGTH) {
      return s;
    }
    // Most strings are met again: a lookup takes no lock, where putIfAbsent may.
    String known = strings.get(s);
    if (known == null) {
      known = strings.putIfAbsent(s, s);
    }
    return known != null ? known : s;
  }
}
