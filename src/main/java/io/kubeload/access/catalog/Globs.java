package io.kubeload.access.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Shell-style globs: {@code *} for any characters but {@code /}, everything else literal. */
final class Globs {

  /** Compiled once: every container of every workload is matched against every entry's images. */
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private Globs() {}

  static boolean matches(String glob, String text) {
    return COMPILED.computeIfAbsent(glob, g -> regex(g)).matcher(text).matches();
  }

  /** An image repository matches a pattern it equals or ends with after a {@code /}. */
  static boolean matchesRepository(String pattern, String repository) {
    return COMPILED
        .computeIfAbsent(
            "repository:" + pattern, p -> Pattern.compile("(?:.*/)?" + regex(pattern).pattern()))
        .matcher(repository)
        .matches();
  }

  private static Pattern regex(String glob) {
    String[] parts = glob.split("\\*", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append("[^/]*");
      }
      out.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(out.toString());
  }
}
