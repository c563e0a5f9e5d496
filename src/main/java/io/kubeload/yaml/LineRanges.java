package io.kubeload.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * A large input's passes run side by side over consecutive ranges that each begin at a line's
 * start, their results taken in the input's order. A repository's whole-text passes (decoding,
 * finding its documents and its {@code # Source:} comments) ran on one thread while the second
 * core idled, about a fifth of a 50 MB read (docs/performance.md, "Fifth round").
 */
public final class LineRanges {

  private LineRanges() {}

  /**
   * From this length on an input is cut: a release's fraction of a megabyte is done before the
   * pool's threads would have started.
   */
  static final int CUT_FROM = 1_000_000;

  /** What a pass does with the range {@code [from, to)}. */
  @FunctionalInterface
  public interface Pass<T> {
    T over(int from, int to);
  }

  /**
   * {@code pass} over ranges covering {@code text}, each beginning at the start of a line (after a
   * {@code \n}, so no CRLF or surrogate pair is cut), the results in the text's order; one range
   * where the text is short or there is one core.
   */
  public static <T> List<T> of(String text, Pass<T> pass) {
    return over(
        text.length(),
        at -> {
          int newline = text.indexOf('\n', at);
          return newline < 0 ? text.length() : newline + 1;
        },
        pass);
  }

  /**
   * {@code pass} over ranges of {@code bytes} from {@code from} on, cut at any byte where {@link
   * #of(String, Pass)} cuts a text at line starts.
   */
  public static <T> List<T> of(byte[] bytes, int from, Pass<T> pass) {
    return over(bytes.length - from, at -> at, (a, b) -> pass.over(from + a, from + b));
  }

  private static <T> List<T> over(int length, IntUnaryOperator cutAfter, Pass<T> pass) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (length < CUT_FROM || cores < 2) {
      return List.of(pass.over(0, length));
    }
    // A few ranges a core, so that a core slowed by other work does not hold up the rest.
    int count = cores * 4;
    List<int[]> ranges = new ArrayList<>(count);
    int from = 0;
    for (int k = 1; k < count && from < length; k++) {
      int to = Math.min(length, cutAfter.applyAsInt((int) ((long) length * k / count)));
      if (to > from) {
        ranges.add(new int[] {from, to});
        from = to;
      }
    }
    if (from < length) {
      ranges.add(new int[] {from, length});
    }
    return ranges.parallelStream().map(r -> pass.over(r[0], r[1])).toList();
  }
}
