package io.kubeload.yaml;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The line of each field path of one document, in the order the paths were written: two arrays and
 * an open-addressed index instead of a map entry and a boxed line per field, kept for every
 * object of the run. The first line given for a path is kept, as {@code putIfAbsent} would. Kept
 * lines share their paths and index with every other document of the run whose paths are the same
 * ({@link #sharedIn}): the releases of a repository write the same fields, line after line.
 */
public final class FieldLines extends AbstractMap<String, Integer> {

  private String[] paths;
  private int[] lines;
  private int size;

  /** Positions into {@link #paths} plus one; 0 is an empty slot. Twice the entries at most half full. */
  private int[] slots;

  FieldLines() {
    this(new String[16], new int[16], 0, new int[32]);
  }

  private FieldLines(String[] paths, int[] lines, int size, int[] slots) {
    this.paths = paths;
    this.lines = lines;
    this.size = size;
    this.slots = slots;
  }

  /** Adds {@code path} at {@code line} unless it is there already. */
  void add(String path, int line) {
    int slot = slotOf(path);
    if (slots[slot] != 0) {
      return;
    }
    if (size == paths.length) {
      paths = Arrays.copyOf(paths, size * 2);
      lines = Arrays.copyOf(lines, size * 2);
    }
    paths[size] = path;
    lines[size] = line;
    slots[slot] = ++size;
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
  }

  /** The same lines with only the paths {@code keep} accepts, its arrays no longer than it needs. */
  public FieldLines retain(Predicate<String> keep) {
    // Sized for every path, so that no add grows it; trimmed to those kept.
    FieldLines out =
        new FieldLines(new String[size], new int[size], 0, new int[slotsFor(Math.max(1, size))]);
    for (int i = 0; i < size; i++) {
      if (keep.test(paths[i])) {
        out.add(paths[i], lines[i]);
      }
    }
    out.trim();
    return out;
  }

  /**
   * These lines over the paths and index of the first lines of the run with the same paths in the
   * same order: only the line numbers are this document's own. Nothing is added to lines once read.
   */
  public FieldLines sharedIn(RunBudget run) {
    FieldLines shape = run.pathsOf(this);
    if (shape.paths == paths) {
      return this;
    }
    return new FieldLines(
        shape.paths, lines.length == size ? lines : Arrays.copyOf(lines, size), size, shape.slots);
  }

  /** The paths as a key: two lines share their paths when these are equal. */
  List<String> paths() {
    return Arrays.asList(paths).subList(0, size);
  }

  /** Drops the spare room the arrays grew by: a document's lines are kept for the whole run. */
  FieldLines trim() {
    if (paths.length != size) {
      paths = Arrays.copyOf(paths, size);
      lines = Arrays.copyOf(lines, size);
    }
    // Read after reading only: the index of the slots it has, when they are as many as it needs.
    if (slots.length != slotsFor(size)) {
      rehash(slotsFor(size));
    }
    return this;
  }

  /** The slots of {@code size} paths once trimmed: the least power of two that holds them twice. */
  private static int slotsFor(int size) {
    return Integer.highestOneBit(Math.max(2, size * 2 - 1)) * 2;
  }

  private void rehash(int capacity) {
    slots = new int[capacity];
    for (int i = 0; i < size; i++) {
      slots[slotOf(paths[i])] = i + 1;
    }
  }

  private int slotOf(Object path) {
    int mask = slots.length - 1;
    int h = path.hashCode();
    int slot = (h ^ (h >>> 16)) & mask;
    while (slots[slot] != 0 && !paths[slots[slot] - 1].equals(path)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  @Override
  public Integer get(Object path) {
    if (!(path instanceof String)) {
      return null;
    }
    int at = slots[slotOf(path)];
    return at == 0 ? null : lines[at - 1];
  }

  @Override
  public boolean containsKey(Object path) {
    return get(path) != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Entry<String, Integer>> entrySet() {
    return CompactTree.entries(size, i -> new SimpleImmutableEntry<>(paths[i], lines[i]));
  }
}
