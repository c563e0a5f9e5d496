package io.kubeload.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Work over a repository's many items on the machine's cores, giving what one thread would give: the
 * results in the items' order, and of several items' errors the first item's. Each stage that
 * takes its items one at a time (finding workloads, inference, the projection, the gate's shapes and
 * checks) goes side by side from the same size.
 */
public final class SideBySide {

  private SideBySide() {}

  /**
   * From how many items a stage works side by side: a repository of releases, where the stages ran
   * on one thread while the second core idled (docs/performance.md, "Fifth round"); a release's few
   * workloads, or the break-even search's one, would only pay for the threads.
   */
  public static final int FROM = 1_000;

  /**
   * {@code each} of every item, in the items' order, computed side by side; when several items fail,
   * the first item's error is thrown, as computing them one by one would throw it. {@code each} must
   * be a pure function of its item (what it shares, it reads, or builds under a concurrent map).
   */
  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> each) {
    List<Outcome<R>> outcomes =
        items.parallelStream().map(item -> Outcome.<T, R>of(item, each)).toList();
    List<R> out = new ArrayList<>(outcomes.size());
    for (Outcome<R> outcome : outcomes) {
      if (outcome.failure() != null) {
        throw outcome.failure();
      }
      out.add(outcome.value());
    }
    return out;
  }

  /** One item's result, or the error it threw, held until every item's is known. */
  private record Outcome<R>(R value, RuntimeException failure) {
    static <T, R> Outcome<R> of(T item, Function<? super T, ? extends R> each) {
      try {
        return new Outcome<>(each.apply(item), null);
      } catch (RuntimeException e) {
        return new Outcome<>(null, e);
      }
    }
  }
}
