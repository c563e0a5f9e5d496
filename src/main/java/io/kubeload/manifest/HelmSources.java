package io.kubeload.manifest;

import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code # Source: chart/templates/x.yaml} comments that {@code helm template} writes. */
final class HelmSources {

  private static final Pattern SOURCE = Pattern.compile("(?m)^#\\s*Source:\\s*(\\S.*?)\\s*$");

  private final TreeMap<Integer, String> byLine = new TreeMap<>();

  HelmSources(String text) {
    Matcher matcher = SOURCE.matcher(text);
    int line = 1;
    int scanned = 0;
    while (matcher.find()) {
      for (int i = scanned; i < matcher.start(); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      scanned = matcher.start();
      byLine.put(line, matcher.group(1));
    }
  }

  /** The template of a document starting at {@code line}, written after the previous document. */
  Optional<String> templateFor(int line, int previousDocumentEnd) {
    var entry = byLine.lowerEntry(line);
    return entry != null && entry.getKey() >= previousDocumentEnd
        ? Optional.of(entry.getValue())
        : Optional.empty();
  }
}
