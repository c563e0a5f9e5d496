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
    // By hand rather than String.format("%,d"), which parses its pattern at every call: a report
    // of a whole repository writes hundreds of thousands of figures (docs/performance.md).
    String digits = Long.toString(value);
    int sign = value < 0 ? 1 : 0;
    int length = digits.length() - sign;
    if (length <= 3) {
      return digits;
    }
    StringBuilder out = new StringBuilder(digits.length() + (length - 1) / 3);
    out.append(digits, 0, sign);
    int head = length % 3 == 0 ? 3 : length % 3;
    out.append(digits, sign, sign + head);
    for (int i = sign + head; i < digits.length(); i += 3) {
      out.append(',').append(digits, i, i + 3);
    }
    return out.toString();
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
