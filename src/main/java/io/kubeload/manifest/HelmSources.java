package io.kubeload.manifest;

import io.kubeload.yaml.LineRanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code # Source: chart/templates/x.yaml} comments that {@code helm template} writes. */
final class HelmSources {

  private static final Pattern SOURCE = Pattern.compile("(?m)^#\\s*Source:\\s*(\\S.*?)\\s*$");

  private final TreeMap<Integer, String> byLine = new TreeMap<>();

  HelmSources(String text) {
    // The ranges are read side by side (a comment's match may run past its range: it is matched in
    // the whole text), then taken in order as one pass would: a comment that the match before it
    // swallowed is no comment.
    int linesBefore = 0;
    int matchedTo = 0;
    for (Comments range : LineRanges.of(text, (from, to) -> Comments.of(text, from, to))) {
      for (Comment comment : range.comments()) {
        if (comment.at() >= matchedTo) {
          byLine.put(linesBefore + comment.line(), comment.template());
          matchedTo = comment.end();
        }
      }
      linesBefore += range.newlines();
    }
  }

  /** A comment's place, where its match ends, its line counted from its range's first (1), and what it names. */
  private record Comment(int at, int end, int line, String template) {}

  /** The comments that begin in a range of lines, and how many newlines the range holds. */
  private record Comments(List<Comment> comments, int newlines) {

    static Comments of(String text, int from, int to) {
      // Every match starts with a '#' at the start of a line: trying the pattern only there, rather
      // than letting find() try it at every position of a 50 MB text, finds the same matches (the
      // bounds stay transparent to ^), and the lines between are counted by the JDK's indexOf.
      Matcher matcher = SOURCE.matcher(text).useAnchoringBounds(false);
      List<Comment> comments = new ArrayList<>();
      int line = 1;
      int scanned = from;
      for (int hash = text.indexOf('#', from); hash >= 0 && hash < to; ) {
        if (!(hash == 0 || endsLine(text.charAt(hash - 1)))
            || !matcher.region(hash, text.length()).lookingAt()) {
          hash = text.indexOf('#', hash + 1);
          continue;
        }
        line += newlines(text, scanned, hash);
        scanned = hash;
        comments.add(new Comment(hash, matcher.end(), line, matcher.group(1)));
        hash = text.indexOf('#', hash + 1);
      }
      return new Comments(comments, line - 1 + newlines(text, scanned, to));
    }

    private static int newlines(String text, int from, int to) {
      int count = 0;
      for (int newline = text.indexOf('\n', from);
          newline >= 0 && newline < to;
          newline = text.indexOf('\n', newline + 1)) {
        count++;
      }
      return count;
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
