package io.kubeload.access.catalog;

import java.util.regex.Pattern;

/** Shell-style globs: {@code *} for any characters but {@code /}, everything else literal. */
final class Globs {

  private Globs() {}

  static boolean matches(String glob, String text) {
    return regex(glob).matcher(text).matches();
  }

  /** An image repository matches a pattern it equals or ends with after a {@code /}. */
  static boolean matchesRepository(String pattern, String repository) {
    return Pattern.compile("(?:.*/)?" + regex(pattern).pattern()).matcher(repository).matches();
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
