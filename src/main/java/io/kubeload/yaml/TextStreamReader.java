package io.kubeload.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * snakeyaml's reader over text already in memory, in time linear in the text. snakeyaml's own reader
 * copies its whole look-ahead window for every 1,024 characters it reads, so one long token (a 20 MB
 * comment line) costs the square of its length; and its per-document character limit is checked
 * only between tokens, after such a token is read. This one reads the string in place and stops at
 * the limit while it looks ahead.
 */
final class TextStreamReader extends StreamReader {

  private static final int[] NO_SNIPPET = new int[0];

  /** The scanner looks a few code points past a token's end (`--- `, `: `) without reading them. */
  private static final int LOOK_AHEAD = 16;

  private final String text;
  private final int documentLimit;

  /** Char index and code point index of the next code point to read. */
  private int position;

  private int index;
  private int documentIndex;
  private int line;
  private int column;

  /** Code points after {@link #position} walked by the last look-ahead, and the char index they end at. */
  private int aheadCount;

  private int aheadEnd;

  /** Chars before this index were checked to be printable. */
  private int checkedTo;

  TextStreamReader(String text, int documentLimit) {
    super("");
    this.text = text;
    this.documentLimit = documentLimit;
  }

  @Override
  public Mark getMark() {
    // No snippet of the text: an error message must never quote a value (docs/limits.md, Secrets).
    return new Mark("'reader'", index, line, column, NO_SNIPPET, 0);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int length) {
    int end = charIndexAhead(length);
    while (position < end) {
      int c = text.codePointAt(position);
      position += Character.charCount(c);
      index++;
      documentIndex++;
      if (c == '\n'
          || c == '\u0085'
          || c == '\u2028'
          || c == '\u2029'
          || (c == '\r' && (position >= text.length() || text.charAt(position) != '\n'))) {
        line++;
        column = 0;
      } else if (c != '\uFEFF') {
        column++;
      }
    }
    aheadCount = 0;
    aheadEnd = position;
  }

  @Override
  public int peek() {
    return peek(0);
  }

  @Override
  public int peek(int offset) {
    int at = charIndexAhead(offset);
    return at < text.length() ? text.codePointAt(at) : 0;
  }

  @Override
  public String prefix(int length) {
    return text.substring(position, charIndexAhead(length));
  }

  @Override
  public String prefixForward(int length) {
    String prefix = prefix(length);
    forward(length);
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }

  /**
   * The char index {@code count} code points after the current one (the text's length at most). The
   * scanner looks ahead one more code point at a time, so the walk resumes where the last one ended.
   */
  private int charIndexAhead(int count) {
    if (count < aheadCount) {
      aheadCount = 0;
      aheadEnd = position;
    }
    while (aheadCount < count && aheadEnd < text.length()) {
      aheadEnd += Character.charCount(checked(aheadEnd));
      aheadCount++;
      if (documentIndex + aheadCount > documentLimit + LOOK_AHEAD) {
        // The token being scanned runs past the limit: snakeyaml would reject the document after
        // it.
        throw new YAMLException(
            "The incoming YAML document exceeds the limit: " + documentLimit + " code points.");
      }
    }
    if (aheadEnd < text.length()) {
      checked(aheadEnd);
    }
    return aheadEnd;
  }

  /** The code point at {@code at}, rejected as snakeyaml's reader rejects it when it is not printable. */
  private int checked(int at) {
    int c = text.codePointAt(at);
    if (at >= checkedTo) {
      if (!isPrintable(c)) {
        throw new ReaderException(
            "'reader'", index + aheadCount, c, "special characters are not allowed");
      }
      checkedTo = at + Character.charCount(c);
    }
    return c;
  }
}
