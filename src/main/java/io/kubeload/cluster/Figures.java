package io.kubeload.cluster;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers in the sources written beside a profile's figures: the same on every machine. */
public final class Figures {

  private Figures() {}

  /** 61,234 */
  public static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** 61,234 · 12.5 · 0.02778: whole numbers grouped, others to four significant digits. */
  public static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return count((long) value);
    }
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
