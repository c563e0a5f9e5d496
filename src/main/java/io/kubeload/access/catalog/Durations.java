package io.kubeload.access.catalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Periods as components write them: seconds ({@code 300}) or Go durations ({@code 5m0s}, {@code 1h}, {@code 500ms}). */
final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

  private Durations() {}

  static Optional<Double> seconds(String text) {
    String t = text.strip();
    if (t.matches("\\d+(\\.\\d+)?")) {
      return positive(Double.parseDouble(t));
    }
    if (!t.matches("(\\d+(\\.\\d+)?(ms|h|m|s))+")) {
      return Optional.empty();
    }
    double total = 0;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      double n = Double.parseDouble(m.group(1));
      total +=
          switch (m.group(2)) {
            case "h" -> n * 3600;
            case "m" -> n * 60;
            case "ms" -> n / 1000;
            default -> n;
          };
    }
    return positive(total);
  }

  private static Optional<Double> positive(double seconds) {
    return seconds > 0 ? Optional.of(seconds) : Optional.empty();
  }
}
