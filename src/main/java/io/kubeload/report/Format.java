package io.kubeload.report;

import java.util.Locale;
import java.util.Optional;

/** The report formats; several may be written in one run. */
public enum Format {
  TEXT,
  JSON;

  public static Optional<Format> parse(String text) {
    for (Format f : values()) {
      if (f.name().equalsIgnoreCase(text.strip())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Every format's label, for messages: {@code text, json}. */
  public static String names() {
    return String.join(", ", java.util.Arrays.stream(values()).map(Format::label).toList());
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
