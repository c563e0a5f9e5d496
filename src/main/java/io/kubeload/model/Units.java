package io.kubeload.model;

import io.kubeload.text.Numbers;
import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as reviewers read them, the same on every machine (no locale, no platform formatting). */
public final class Units {

  private Units() {}

  /** 5,000 · 12.5 · 0.031 · 0.00022: three significant digits, grouped thousands. */
  public static String number(double value) {
    return number(value, 3);
  }

  /** 5,000: a count, exactly (the double overload would round one above 2^53). */
  public static String number(long value) {
    return Numbers.count(value);
  }

  private static String number(double value, int digits) {
    if (Double.isInfinite(value)) {
      return "∞";
    }
    if (Double.isNaN(value)) {
      return "?";
    }
    double abs = Math.abs(value);
    if (abs >= 1000 || (value == Math.rint(value) && abs < 1e15)) {
      return Numbers.count(Math.round(value));
    }
    return Numbers.significant(value, digits);
  }

  /** 14 kB · 2.2 GB: decimal units, as network and memory budgets are quoted. */
  public static String bytes(double value) {
    return bytes(value, 3);
  }

  private static String bytes(double value, int digits) {
    String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
    double v = value;
    int i = 0;
    while (Math.abs(v) >= 1000 && i < units.length - 1) {
      v /= 1000;
      i++;
    }
    // 999.6 MB at three digits is 1 GB, not "1000 MB".
    if (i > 0
        && i < units.length - 1
        && Double.isFinite(v)
        && new BigDecimal(Math.abs(v))
                .round(new MathContext(digits))
                .compareTo(BigDecimal.valueOf(1000))
            >= 0) {
      v /= 1000;
      i++;
    }
    return (i == 0 ? number(Math.rint(v), digits) : number(v, digits)) + " " + units[i];
  }

  /** A figure and its budget, written alike. */
  public record Beside(String value, String budget) {}

  /**
   * Bytes (or bytes per second) and their budget with as many significant digits as it takes to see
   * which is larger: 1.0004 GB against 1 GB is not "1 GB (budget 1 GB)".
   */
  public static Beside bytesBeside(double value, double budget) {
    return beside(value, budget, Units::bytes);
  }

  /** A share and its budget the same way: 100.02% against 100%. */
  public static Beside percentBeside(double fraction, double budget) {
    return beside(fraction, budget, (f, digits) -> number(f * 100, digits) + "%");
  }

  private static Beside beside(
      double value, double budget, java.util.function.BiFunction<Double, Integer, String> format) {
    int digits = 3;
    while (digits < 9
        && value != budget
        && format.apply(value, digits).equals(format.apply(budget, digits))) {
      digits++;
    }
    return new Beside(format.apply(value, digits), format.apply(budget, digits));
  }

  /** 79.7% · 0.04%: one decimal, or two significant digits below one percent. */
  public static String percent(double fraction) {
    double percent = fraction * 100;
    if (percent > 0 && percent < 1) {
      return Numbers.significant(percent, 2) + "%";
    }
    return number(Math.round(percent * 10) / 10.0) + "%";
  }

  /** 45 s · 12 min · 19 h · 3.2 days. */
  public static String duration(double seconds) {
    if (Double.isInfinite(seconds)) {
      return "∞";
    }
    if (seconds < 120) {
      return number(Math.ceil(seconds)) + " s";
    }
    if (seconds < 7_200) {
      return number(Math.round(seconds / 60)) + " min";
    }
    if (seconds < 172_800) {
      return number(Math.round(seconds / 3_600)) + " h";
    }
    return number(seconds / 86_400) + " days";
  }

  public static String seconds(double value) {
    return Double.isInfinite(value) ? "∞" : number(value) + " s";
  }
}
