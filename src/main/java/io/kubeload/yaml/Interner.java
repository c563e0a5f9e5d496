package io.kubeload.yaml;

import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each short string a run reads: keys, field paths, label names, API versions and
 * names repeat across every document of a fleet, and were kept once per document
 * (docs/performance.md). Long strings (configuration files) are seldom repeated
 * and are kept as read.
 */
final class Interner {

  /** Longer strings are not looked up: a checksum or a configuration line is rarely written twice. */
  static final int MAX_LENGTH = 96;

  private final Map<String, String> strings = new HashMap<>();

  String intern(String s) {
    if (s.length() > MAX_LENGTH) {
      return s;
    }
    String known = strings.putIfAbsent(s, s);
    return known != null ? known : s;
  }
}
