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
