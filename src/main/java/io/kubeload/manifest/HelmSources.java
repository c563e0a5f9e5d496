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
    // Every match starts with a '#' at the start of a line: trying the pattern only there, rather
    // than letting find() try it at every position of a 50 MB text, finds the same matches (the
    // bounds stay transparent to ^), and the lines between are counted by the JDK's indexOf.
    Matcher matcher = SOURCE.matcher(text).useAnchoringBounds(false);
    int line = 1;
    int scanned = 0;
    for (int hash = text.indexOf('#'); hash >= 0; ) {
      if (!(hash == 0 || endsLine(text.charAt(hash - 1)))
          || !matcher.region(hash, text.length()).lookingAt()) {
        hash = text.indexOf('#', hash + 1);
        continue;
      }
      for (int newline = text.indexOf('\n', scanned);
          newline >= 0 && newline < hash;
          newline = text.indexOf('\n', newline + 1)) {
        line++;
      }
      scanned = hash;
      byLine.put(line, matcher.group(1));
      hash = text.indexOf('#', matcher.end());
    }
  }

  /** The characters after which a multi-line {@code ^} matches (Java's line terminators). */
  private static boolean endsLine(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** The template of a document starting at {@code line}, written after the previous document. */
  Optional<String> templateFor(int line, int previousDocumentEnd) {
    var entry = byLine.lowerEntry(line);
    return entry != null && entry.getKey() >= previousDocumentEnd
        ? Optional.of(entry.getValue())
        : Optional.empty();
  }
}
