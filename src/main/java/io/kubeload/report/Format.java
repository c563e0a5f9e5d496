package io.kubeload.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report formats; several may be written in one run. */
public enum Format {
  TEXT("txt"),
  JSON("json"),
  MARKDOWN("md"),
  HTML("html"),
  SARIF("sarif"),
  JUNIT("xml"),
  GITHUB("github.txt"),
  FINDINGS("findings.txt");

  private final String extension;

  Format(String extension) {
    this.extension = extension;
  }

  public static Optional<Format> parse(String text) {
    for (Format f : values()) {
      if (f.name().equalsIgnoreCase(text.strip())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Every format's label, as usage messages list them. */
  public static String labels() {
    return Arrays.stream(values()).map(Format::label).collect(Collectors.joining(", "));
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The file extension a report of this format usually has, without the dot. */
  public String extension() {
    return extension;
  }
}
