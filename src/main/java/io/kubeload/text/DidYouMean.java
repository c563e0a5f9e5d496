package io.kubeload.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name closest to a mistyped one, for the "did you mean" of an error: ignore rules (gate),
 * catalog entries and commands (cli). Close means a few edits away for the name's length, so that
 * an unrelated word gets no suggestion.
 */
public final class DidYouMean {

  private DidYouMean() {}

  public static Optional<String> closest(String typed, Collection<String> known) {
    String wanted = typed.toLowerCase(Locale.ROOT);
    int allowed = Math.max(2, wanted.length() / 3);
    return known.stream()
        .filter(k -> distance(wanted, k.toLowerCase(Locale.ROOT)) <= allowed)
        .min(
            Comparator.comparingInt((String k) -> distance(wanted, k.toLowerCase(Locale.ROOT)))
                .thenComparing(k -> k));
  }

  /** {@code " (did you mean X?)"}, or nothing. */
  public static String hint(String typed, Collection<String> known) {
    return closest(typed, known).map(k -> " (did you mean " + k + "?)").orElse("");
  }

  /**
   * {@code " (did you mean X?); rules: a, b, c"}: the hint, then every name there is, for a list short enough to
   * print whole.
   */
  public static String hintAndAll(String typed, Collection<String> known, String noun) {
    return hint(typed, known) + "; " + noun + ": " + String.join(", ", known);
  }

  /** Levenshtein distance, with a swap of neighbours counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
