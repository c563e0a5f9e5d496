package io.kubeload.access;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * An immutable set of strings iterated in their natural order, held in one array: every access keeps
 * its verbs, and a repository of releases has tens of thousands of accesses, where a tree set each
 * was about 300 bytes against 60 (docs/performance.md).
 */
final class SortedStrings extends AbstractSet<String> {

  private final String[] sorted;

  private SortedStrings(String[] sorted) {
    this.sorted = sorted;
  }

  /** {@code values} without repeats, in their natural order. */
  static SortedStrings of(Collection<String> values) {
    return new SortedStrings(new TreeSet<>(values).toArray(String[]::new));
  }

  @Override
  public Iterator<String> iterator() {
    // A fixed-size list's iterator, which refuses to remove.
    return Arrays.asList(sorted).iterator();
  }

  @Override
  public int size() {
    return sorted.length;
  }

  @Override
  public boolean contains(Object o) {
    return o instanceof String s && Arrays.binarySearch(sorted, s) >= 0;
  }
}
