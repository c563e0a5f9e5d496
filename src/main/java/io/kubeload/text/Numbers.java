package io.kubeload.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * The one place numbers become text, the same on every machine (no locale, no platform formatting):
 * the report's units, a profile's figures and the messages all write their digits here.
 */
public final class Numbers {

  private Numbers() {}

  /** 61,234: thousands grouped with commas. */
  public static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** 12.5 · 0.02778: {@code digits} significant digits, trailing zeros dropped, never in exponent form. */
  public static String significant(double value, int digits) {
    return new BigDecimal(value)
        .round(new MathContext(digits))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** 3 · 2.5: a whole number without a point, others to one decimal. */
  public static String oneDecimal(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  /** 30 · 0.25: a whole number without a point, others in full. */
  public static String plain(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
