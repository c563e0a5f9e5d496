package io.kubeload.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as reviewers read them, the same on every machine (no locale, no platform formatting). */
public final class Units {

  private Units() {}

  /** 5,000 · 12.5 · 0.031 · 0.00022: three significant digits, grouped thousands. */
  public static String number(double value) {
    if (Double.isInfinite(value)) {
      return "∞";
    }
    if (Double.isNaN(value)) {
      return "?";
    }
    double abs = Math.abs(value);
    if (abs >= 1000 || value == Math.rint(value) && abs < 1e15) {
      return String.format(Locale.ROOT, "%,d", Math.round(value));
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
    return rounded.stripTrailingZeros().toPlainString();
  }

  /** 14 kB · 2.2 GB: decimal units, as network and memory budgets are quoted. */
  public static String bytes(double value) {
    String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
    double v = value;
    int i = 0;
    while (Math.abs(v) >= 1000 && i < units.length - 1) {
      v /= 1000;
      i++;
    }
    return (i == 0 ? number(Math.rint(v)) : number(v)) + " " + units[i];
  }

  /** 79.7% · 0.04%: one decimal, or two significant digits below one percent. */
  public static String percent(double fraction) {
    double percent = fraction * 100;
    if (percent > 0 && percent < 1) {
      return new BigDecimal(percent).round(new MathContext(2)).stripTrailingZeros().toPlainString() + "%";
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
