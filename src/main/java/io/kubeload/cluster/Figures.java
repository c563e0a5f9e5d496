package io.kubeload.cluster;

import io.kubeload.text.Numbers;

/** Numbers in the sources written beside a profile's figures: the same on every machine. */
public final class Figures {

  private Figures() {}

  /** 61,234 */
  public static String count(long value) {
    return Numbers.count(value);
  }

  /** 61,234 · 12.5 · 0.02778: whole numbers grouped, others to four significant digits. */
  public static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return count((long) value);
    }
    return Numbers.significant(value, 4);
  }
}
