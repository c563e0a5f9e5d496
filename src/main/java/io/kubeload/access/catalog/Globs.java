package io.kubeload.access.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
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
    return REPOSITORIES.computeIfAbsent(pattern, RepositoryPattern::of).matches(repository);
  }

  private static final Map<String, RepositoryPattern> REPOSITORIES = new ConcurrentHashMap<>();

  /**
   * A catalog entry's image pattern, ready for every container of every workload: a pattern without
   * {@code *} (most) is compared as text, and a glob is tried only where its literal end matches and
   * only from the start or after a {@code /}, where a regular expression with a leading {@code .*}
   * tried every position (docs/performance.md).
   */
  private record RepositoryPattern(String literalEnd, Optional<Pattern> glob) {

    static RepositoryPattern of(String pattern) {
      int star = pattern.lastIndexOf('*');
      return star < 0
          ? new RepositoryPattern(pattern, Optional.empty())
          : new RepositoryPattern(pattern.substring(star + 1), Optional.of(regex(pattern)));
    }

    boolean matches(String repository) {
      if (!repository.endsWith(literalEnd)) {
        return false;
      }
      if (glob.isEmpty()) {
        int start = repository.length() - literalEnd.length();
        return start == 0 || repository.charAt(start - 1) == '/';
      }
      Matcher matcher = glob.get().matcher(repository);
      int start = 0;
      while (!matcher.region(start, repository.length()).matches()) {
        int slash = repository.indexOf('/', start);
        if (slash < 0) {
          return false;
        }
        start = slash + 1;
      }
      return true;
    }
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
