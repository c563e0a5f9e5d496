package io.kubeload.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads one document of the block-style YAML that renderers and people write for Kubernetes
 * ({@code helm template}, {@code kubectl}, kustomize) straight from the text, producing what
 * snakeyaml's composer and safe constructor produce for it: the same values, types, order, start
 * line and line per field path. Whatever it is not sure to read exactly as snakeyaml does (anchors,
 * aliases, tags, flow collections beyond one line of scalars, multi-line plain or quoted scalars,
 * tabs in the structure, duplicate keys, anything that may be an error) makes it give up on the
 * document ({@link GiveUp}) so that snakeyaml reads it and reports any error as before
 * (docs/performance.md, "A reader of our own for block YAML").
 */
final class BlockReader {

  /** The document is not one this reader is sure of: snakeyaml reads it. */
  static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      // No stack trace: giving up is an answer, not a failure to debug.
      super(null, null, false, false);
    }
  }

  /**
   * Where a stream's documents start: the index and line of each {@code ---} line at column 0, and
   * the line the stream ends on.
   */
  static final class Stream {
    final int[] starts;
    final int[] lines;
    final int lastLine;

    private Stream(int[] starts, int[] lines, int lastLine) {
      this.starts = starts;
      this.lines = lines;
      this.lastLine = lastLine;
    }

    /**
     * The stream's {@code ---} lines; null when its documents cannot be cut line by line or a
     * character could be read differently: a {@code ...} or {@code %} line (document end,
     * directive), a character snakeyaml's reader rejects, a byte-order mark, a lone surrogate, or a
     * line break other than LF and CRLF. snakeyaml then reads the whole stream.
     */
    static Stream of(String text) {
      List<Lines> ranges = LineRanges.of(text, (from, to) -> Lines.of(text, from, to));
      int count = 0;
      for (Lines range : ranges) {
        if (range.starts() == null) {
          return null;
        }
        count += range.starts().length;
      }
      int[] starts = new int[count];
      int[] lines = new int[count];
      int at = 0;
      int linesBefore = 0;
      for (Lines range : ranges) {
        System.arraycopy(range.starts(), 0, starts, at, range.starts().length);
        for (int k = 0; k < range.lines().length; k++) {
          lines[at + k] = linesBefore + range.lines()[k];
        }
        at += range.starts().length;
        linesBefore += range.newlines();
      }
      return new Stream(starts, lines, linesBefore + 1);
    }

    /**
     * The {@code ---} lines of the range {@code [from, to)}, which begins at a line's start, and
     * their lines counted from it (1: its first), with the newlines it holds; {@code starts} null
     * where {@link #of} gives no stream.
     */
    // A range's result, built once and read once by Stream.of: no one compares or changes the
    // arrays.
    @SuppressWarnings("ArrayRecordComponent")
    private record Lines(int[] starts, int[] lines, int newlines) {

      static Lines of(String text, int from, int to) {
        int n = text.length();
        for (int i = from; i < to; i++) {
          char c = text.charAt(i);
          if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t') {
            continue;
          }
          if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
            continue;
          }
          if (Character.isHighSurrogate(c)
              && i + 1 < n
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            i++;
            continue;
          }
          if (c < 0xA0
              || c == 0xFEFF
              || c == 0x2028
              || c == 0x2029
              || c >= 0xFFFE
              || Character.isSurrogate(c)) {
            return new Lines(null, null, 0);
          }
        }
        int[] starts = new int[16];
        int[] lines = new int[16];
        int count = 0;
        int line = 1;
        for (int at = from; at < to; line++) {
          char c = text.charAt(at);
          if (c == '%' || (c == '.' && marker(text, at, '.'))) {
            return new Lines(null, null, 0);
          }
          if (c == '-' && marker(text, at, '-')) {
            if (count == starts.length) {
              starts = java.util.Arrays.copyOf(starts, count * 2);
              lines = java.util.Arrays.copyOf(lines, count * 2);
            }
            starts[count] = at;
            lines[count++] = line;
          }
          int newline = text.indexOf('\n', at);
          if (newline < 0 || newline >= to) {
            return new Lines(
                java.util.Arrays.copyOf(starts, count),
                java.util.Arrays.copyOf(lines, count),
                line - 1);
          }
          at = newline + 1;
        }
        return new Lines(
            java.util.Arrays.copyOf(starts, count),
            java.util.Arrays.copyOf(lines, count),
            line - 1);
      }
    }

    /** Whether {@code at} starts {@code ---} or {@code ...} followed by a blank or the line's end. */
    private static boolean marker(String text, int at, char c) {
      if (at + 3 > text.length() || text.charAt(at + 1) != c || text.charAt(at + 2) != c) {
        return false;
      }
      if (at + 3 == text.length()) {
        return true;
      }
      char next = text.charAt(at + 3);
      return next == ' ' || next == '\t' || next == '\n' || next == '\r';
    }
  }

  /** Longer keys are not simple keys to snakeyaml (it stops at 1,024 characters). */
  private static final int MAX_KEY = 1000;

  /** Plain scalars that begin with one of these are flow, anchors, tags or errors. */
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  private final String text;
  private final int end;
  private final int maxDepth;
  private final Interner strings;

  /** Resolves and constructs a plain scalar as snakeyaml's resolver and safe constructor do. */
  private final Function<String, Object> plain;

  private final FieldLines lines = new FieldLines();

  /** Start of the current line, its number, and the column of its first character of content. */
  private int pos;

  private int line;
  private int indent;

  private BlockReader(
      String text,
      int from,
      int end,
      int firstLine,
      int maxDepth,
      Interner strings,
      Function<String, Object> plain) {
    this.text = text;
    this.pos = from;
    this.end = end;
    this.line = firstLine;
    this.maxDepth = maxDepth;
    this.strings = strings;
    this.plain = plain;
  }

  /**
   * The document between {@code from} (the start of its {@code ---} line when {@code explicit}) and
   * {@code end}, its value null when it holds no content; null for the implicit text before the
   * first {@code ---} when it holds none (no document). {@code endLine} is the line where the next
   * document or the stream ends, as snakeyaml's block end marks it.
   */
  static YamlDocuments.Document read(
      String text,
      int from,
      int end,
      int firstLine,
      int endLine,
      boolean explicit,
      int maxDepth,
      Interner strings,
      Function<String, Object> plain) {
    BlockReader reader = new BlockReader(text, from, end, firstLine, maxDepth, strings, plain);
    if (explicit) {
      reader.markerLine();
    }
    if (!reader.toContent()) {
      return explicit
          ? new YamlDocuments.Document(null, endLine, endLine, reader.lines.trim())
          : null;
    }
    int startLine = reader.line;
    Object value = reader.blockNode("", 1);
    if (reader.toContent()) {
      throw new GiveUp();
    }
    return new YamlDocuments.Document(value, startLine, endLine, reader.lines.trim());
  }

  /** A {@code ---} line holding nothing more than a comment; content after it is snakeyaml's. */
  private void markerLine() {
    int p = skipSpaces(pos + 3);
    int eol = lineEnd(pos);
    if (p < eol && (text.charAt(p) != '#' || p == pos + 3)) {
      throw new GiveUp();
    }
    nextLine();
  }

  /**
   * Moves to the next line with content (not blank, not a comment alone), setting {@link #indent};
   * false at the end of the document.
   */
  private boolean toContent() {
    while (pos < end) {
      int p = skipSpaces(pos);
      char c = p < end ? text.charAt(p) : '\n';
      if (c == '\n' || c == '#' || c == '\r') {
        nextLine();
        continue;
      }
      if (c == '\t') {
        throw new GiveUp();
      }
      indent = p - pos;
      return true;
    }
    return false;
  }

  private void nextLine() {
    int newline = text.indexOf('\n', pos);
    pos = newline < 0 || newline >= end ? end : newline + 1;
    line++;
  }

  /** The end of the line holding {@code p}, before its line break (a CRLF's too). */
  private int lineEnd(int p) {
    int newline = text.indexOf('\n', p);
    int eol = newline < 0 || newline > end ? end : newline;
    return eol > p && text.charAt(eol - 1) == '\r' ? eol - 1 : eol;
  }

  private int skipSpaces(int p) {
    while (p < end && text.charAt(p) == ' ') {
      p++;
    }
    return p;
  }

  private boolean isEntry(int p, int eol) {
    return text.charAt(p) == '-' && (p + 1 == eol || text.charAt(p + 1) == ' ');
  }

  /**
   * snakeyaml counts every node it composes against the nesting limit; a collection near it, with
   * the scalars below it, is left to snakeyaml to accept or reject.
   */
  private void checkDepth(int depth) {
    if (depth + 2 > maxDepth) {
      throw new GiveUp();
    }
  }

  private String child(String path, String key) {
    return strings.field(path, key);
  }

  /**
   * The mapping or list whose first line is the current one, at its indentation; below the root,
   * also a flow collection on a line of its own ({@code securityContext:\n  {}}, as Helm's {@code
   * toYaml} writes an empty one).
   */
  private Object blockNode(String path, int depth) {
    int at = pos + indent;
    int eol = lineEnd(at);
    char c = text.charAt(at);
    if (depth > 1 && (c == '{' || c == '[')) {
      return inline(at, eol, indent, path, depth, false);
    }
    return isEntry(at, eol) ? sequence(indent, path, depth, false) : mapping(indent, path, depth);
  }

  /**
   * A block list whose first entry is on the current line at {@code col}; {@code indentless} when it
   * is a mapping's value at the mapping's own indentation ({@code containers:\n- name: x}).
   */
  private List<Object> sequence(int col, String path, int depth, boolean indentless) {
    checkDepth(depth);
    List<Object> items = new ArrayList<>();
    while (true) {
      String itemPath = strings.item(path, items.size());
      int eol = lineEnd(pos);
      int content = skipSpaces(pos + col + 1);
      if (content >= eol || text.charAt(content) == '#') {
        int entryLine = line;
        nextLine();
        if (toContent() && indent > col) {
          lines.add(itemPath, line);
          items.add(blockNode(itemPath, depth + 1));
        } else {
          lines.add(itemPath, entryLine);
          items.add(null);
        }
      } else {
        lines.add(itemPath, line);
        items.add(inline(content, eol, col, itemPath, depth + 1, true));
      }
      if (!toContent() || indent < col) {
        return items;
      }
      if (indent == col && isEntry(pos + col, lineEnd(pos))) {
        continue;
      }
      if (indent == col && indentless) {
        return items;
      }
      throw new GiveUp();
    }
  }

  /** A block mapping whose first key is on the current line at {@code col}. */
  private Map<Object, Object> mapping(int col, String path, int depth) {
    checkDepth(depth);
    Map<Object, Object> map = new LinkedHashMap<>();
    while (true) {
      int eol = lineEnd(pos);
      int keyStart = pos + col;
      int colon = keyEnd(keyStart, eol);
      if (colon < 0) {
        throw new GiveUp();
      }
      Object key = keyValue;
      String keyPath = child(path, keyText);
      lines.add(keyPath, line);
      int value = skipSpaces(colon + 1);
      Object item;
      if (value >= eol || text.charAt(value) == '#') {
        nextLine();
        if (toContent() && indent > col) {
          item = blockNode(keyPath, depth + 1);
        } else if (pos < end && indent == col && isEntry(pos + col, lineEnd(pos))) {
          item = sequence(col, keyPath, depth + 1, true);
        } else {
          item = null;
        }
      } else {
        item = inline(value, eol, col, keyPath, depth + 1, false);
      }
      if (map.containsKey(key)) {
        throw new GiveUp();
      }
      map.put(key, item);
      if (!toContent() || indent < col) {
        return map;
      }
      if (indent > col || isEntry(pos + col, lineEnd(pos))) {
        throw new GiveUp();
      }
    }
  }

  /** The text and value of the key {@link #keyEnd} found last. */
  private String keyText;

  private Object keyValue;

  /**
   * The index of the {@code :} that ends a simple key starting at {@code p}, setting {@link
   * #keyText} and {@link #keyValue}; -1 when no key starts there.
   */
  private int keyEnd(int p, int eol) {
    char c = text.charAt(p);
    int after;
    if (c == '"' || c == '\'') {
      after = quoted(p, eol);
      keyText = scalarText;
      int colon = skipSpaces(after);
      if (colon < eol && text.charAt(colon) == ':' && separated(colon + 1, eol)) {
        checkKeyLength(p, colon);
        keyValue = strings.intern(keyText);
        return colon;
      }
      return -1;
    }
    if (INDICATORS.indexOf(c) >= 0 && !plainDash(p, eol)) {
      return -1;
    }
    int stop = plainEnd(p, eol);
    if (plainStop != Stop.COLON) {
      return -1;
    }
    checkKeyLength(p, plainColon);
    keyText = strings.text(text, p, stop);
    if (keyText.equals("<<")) {
      throw new GiveUp();
    }
    keyValue = plain.apply(keyText);
    return plainColon;
  }

  /** snakeyaml measures a simple key from its first character to its {@code :}. */
  private static void checkKeyLength(int start, int colon) {
    if (colon - start > MAX_KEY) {
      throw new GiveUp();
    }
  }

  /** Whether a plain scalar starts at {@code p} with a dash ({@code -1}, {@code --port=80}). */
  private boolean plainDash(int p, int eol) {
    return text.charAt(p) == '-'
        && p + 1 < eol
        && text.charAt(p + 1) != ' '
        && text.charAt(p + 1) != '\t';
  }

  /** Whether a {@code :} ending before {@code p} is followed by a space or the line's end. */
  private boolean separated(int p, int eol) {
    if (p < eol && text.charAt(p) == '\t') {
      throw new GiveUp();
    }
    return p >= eol || text.charAt(p) == ' ';
  }

  private enum Stop {
    END,
    COMMENT,
    COLON
  }

  private Stop plainStop;
  private int plainColon;

  /**
   * The end of a one-line plain scalar starting at {@code p} (trailing spaces dropped), and in
   * {@link #plainStop} what ended it: the line, a comment, or a {@code ": "} (at {@link
   * #plainColon}).
   */
  private int plainEnd(int p, int eol) {
    int last = p;
    for (int i = p; i < eol; i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        continue;
      }
      if (c == '\t') {
        throw new GiveUp();
      }
      if (c == ':' && separated(i + 1, eol)) {
        plainStop = Stop.COLON;
        plainColon = i;
        return last;
      }
      if (c == '#' && text.charAt(i - 1) == ' ') {
        plainStop = Stop.COMMENT;
        return last;
      }
      last = i + 1;
    }
    plainStop = Stop.END;
    return last;
  }

  /**
   * The value that starts at {@code p} on the current line, inside a collection at column {@code
   * col}; a list entry may hold a mapping that starts there ({@code - name: x}). Leaves the reader
   * on the line after the value.
   */
  private Object inline(int p, int eol, int col, String path, int depth, boolean entry) {
    char c = text.charAt(p);
    if (entry && (keyEnd(p, eol) >= 0)) {
      return mapping(p - pos, path, depth);
    }
    Object value;
    int after;
    if (c == '|' || c == '>') {
      return blockScalar(p, eol, col);
    } else if (c == '[' || c == '{') {
      checkDepth(depth);
      after = c == '[' ? flowList(p, eol, path) : emptyFlowMap(p, eol);
      value = flowValue;
    } else if (c == '"' || c == '\'') {
      after = quoted(p, eol);
      value = strings.intern(scalarText);
    } else if (INDICATORS.indexOf(c) >= 0 && !plainDash(p, eol)) {
      throw new GiveUp();
    } else {
      int stop = plainEnd(p, eol);
      if (plainStop == Stop.COLON) {
        throw new GiveUp();
      }
      String scalar = strings.text(text, p, stop);
      if (scalar.equals("<<")) {
        throw new GiveUp();
      }
      value = plain.apply(scalar);
      nextLine();
      return value;
    }
    endOfLine(after, eol);
    return value;
  }

  /** Only spaces and a comment may follow a quoted or flow value on its line. */
  private void endOfLine(int p, int eol) {
    int q = skipSpaces(p);
    if (q < eol && (text.charAt(q) != '#' || q == p)) {
      throw new GiveUp();
    }
    nextLine();
  }

  private Object flowValue;

  private int emptyFlowMap(int p, int eol) {
    int q = skipSpaces(p + 1);
    if (q >= eol || text.charAt(q) != '}') {
      throw new GiveUp();
    }
    flowValue = new LinkedHashMap<>();
    return q + 1;
  }

  /** A flow list of scalars on one line ({@code verbs: ["get", "list"]}); its end. */
  private int flowList(int p, int eol, String path) {
    List<Object> items = new ArrayList<>();
    int q = skipSpaces(p + 1);
    if (q < eol && text.charAt(q) == ']') {
      flowValue = items;
      return q + 1;
    }
    while (true) {
      if (q >= eol) {
        throw new GiveUp();
      }
      lines.add(strings.item(path, items.size()), line);
      char c = text.charAt(q);
      if (c == '"' || c == '\'') {
        q = quoted(q, eol);
        items.add(strings.intern(scalarText));
      } else {
        int start = q;
        while (q < eol && flowWordChar(text.charAt(q), q == start)) {
          q++;
        }
        if (q == start) {
          throw new GiveUp();
        }
        items.add(plain.apply(strings.text(text, start, q)));
      }
      q = skipSpaces(q);
      if (q >= eol) {
        throw new GiveUp();
      }
      if (text.charAt(q) == ']') {
        flowValue = items;
        return q + 1;
      }
      if (text.charAt(q) != ',') {
        throw new GiveUp();
      }
      q = skipSpaces(q + 1);
    }
  }

  /**
   * Characters of a plain word in a flow list that mean the same in flow and block context: no
   * flow indicator, no {@code :}, no space; a word's first character no other indicator either.
   */
  private static boolean flowWordChar(char c, boolean first) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c > 0x7F) {
      return true;
    }
    return first ? "._/+~".indexOf(c) >= 0 : "-._/+~=@%!?()<>;#'\"".indexOf(c) >= 0;
  }

  /** The value of the quoted scalar {@link #quoted} read last. */
  private String scalarText;

  /** A single- or double-quoted scalar that closes on its own line; the index after its quote. */
  private int quoted(int p, int eol) {
    char quote = text.charAt(p);
    StringBuilder out = null;
    int from = p + 1;
    for (int i = p + 1; i < eol; i++) {
      char c = text.charAt(i);
      if (quote == '\'' && c == '\'') {
        if (i + 1 < eol && text.charAt(i + 1) == '\'') {
          out = append(out, from, i + 1);
          from = i + 2;
          i++;
          continue;
        }
        scalarText = out == null ? strings.text(text, from, i) : append(out, from, i).toString();
        return i + 1;
      }
      if (quote == '"' && c == '"') {
        scalarText = out == null ? strings.text(text, from, i) : append(out, from, i).toString();
        return i + 1;
      }
      if (quote == '"' && c == '\\') {
        out = append(out, from, i);
        i = escape(i, eol, out);
        from = i + 1;
      }
    }
    throw new GiveUp();
  }

  private StringBuilder append(StringBuilder out, int from, int to) {
    StringBuilder builder = out == null ? new StringBuilder() : out;
    return builder.append(text, from, to);
  }

  /** Appends the escape whose backslash is at {@code i}; the index of its last character. */
  private int escape(int i, int eol, StringBuilder out) {
    if (i + 1 >= eol) {
      throw new GiveUp();
    }
    char c = text.charAt(i + 1);
    switch (c) {
      case '0' -> out.append('\0');
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 'v' -> out.append('\u000b');
      case 'f' -> out.append('\f');
      case 'e' -> out.append('\u001b');
      case 'n' -> out.append('\n');
      case 't' -> out.append('\t');
      case 'r' -> out.append('\r');
      case '"' -> out.append('"');
      case '\\' -> out.append('\\');
      case 'x', 'u' -> {
        int digits = c == 'x' ? 2 : 4;
        if (i + 2 + digits > eol) {
          throw new GiveUp();
        }
        int code = 0;
        for (int k = i + 2; k < i + 2 + digits; k++) {
          int digit = Character.digit(text.charAt(k), 16);
          if (digit < 0) {
            throw new GiveUp();
          }
          code = code * 16 + digit;
        }
        if (Character.isSurrogate((char) code)) {
          throw new GiveUp();
        }
        out.append((char) code);
        return i + 1 + digits;
      }
      default -> throw new GiveUp();
    }
    return i + 1;
  }

  /**
   * A literal ({@code |}) or folded ({@code >}) block scalar whose header is at {@code p}, inside a
   * collection at column {@code col}: snakeyaml's scanner's steps (indentation found or given,
   * chomping, folding) on the text. Leaves the reader on the line where the scalar ends.
   */
  private Object blockScalar(int p, int eol, int col) {
    boolean folded = text.charAt(p) == '>';
    int chomp = 0;
    int increment = -1;
    int q = p + 1;
    for (int k = 0; k < 2 && q < eol; k++) {
      char c = text.charAt(q);
      if ((c == '+' || c == '-') && chomp == 0) {
        chomp = c == '+' ? 1 : -1;
        q++;
      } else if (c >= '1' && c <= '9' && increment < 0) {
        increment = c - '0';
        q++;
      } else {
        break;
      }
    }
    endOfLine(q, eol);
    Scan scan = new Scan(pos);
    int minIndent = Math.max(1, col + 1);
    int blockIndent;
    StringBuilder breaks = new StringBuilder();
    if (increment < 0) {
      int maxIndent = 0;
      while (scan.peek() == ' ' || scan.peek() == '\n' || scan.peek() == '\r') {
        if (scan.peek() != ' ') {
          breaks.append(scan.lineBreak());
        } else {
          scan.forward();
          maxIndent = Math.max(maxIndent, scan.column);
        }
      }
      if (scan.peek() != 0 && scan.column < maxIndent) {
        // Blank lines above the first line with more spaces than it: left to snakeyaml.
        throw new GiveUp();
      }
      blockIndent = Math.max(minIndent, maxIndent);
    } else {
      blockIndent = minIndent + increment - 1;
      breaks = scan.breaks(blockIndent);
    }
    StringBuilder chunks = new StringBuilder();
    String lineBreak = "";
    while (scan.column == blockIndent && scan.peek() != 0) {
      chunks.append(breaks);
      boolean leadingNonSpace = scan.peek() != ' ' && scan.peek() != '\t';
      int start = scan.at;
      while (scan.peek() != 0 && scan.peek() != '\n' && scan.peek() != '\r') {
        scan.forward();
      }
      chunks.append(text, start, scan.at);
      lineBreak = scan.lineBreak();
      breaks = scan.breaks(blockIndent);
      if (scan.column != blockIndent || scan.peek() == 0) {
        break;
      }
      if (folded
          && lineBreak.equals("\n")
          && leadingNonSpace
          && scan.peek() != ' '
          && scan.peek() != '\t') {
        if (breaks.length() == 0) {
          chunks.append(' ');
        }
      } else {
        chunks.append(lineBreak);
      }
    }
    if (chomp >= 0) {
      chunks.append(lineBreak);
    }
    if (chomp > 0) {
      chunks.append(breaks);
    }
    pos = scan.at >= end ? end : scan.lineStart;
    return strings.intern(chunks.toString());
  }

  /** snakeyaml's reader over the text, for a block scalar: a position and its column and line. */
  private final class Scan {
    int at;
    int column;
    int lineStart;

    Scan(int at) {
      this.at = at;
      this.lineStart = at;
    }

    char peek() {
      return at < end ? text.charAt(at) : 0;
    }

    void forward() {
      at++;
      column++;
    }

    /** A line break, CRLF or LF, as "\n"; nothing when there is none. */
    String lineBreak() {
      char c = peek();
      if (c == '\r' || c == '\n') {
        at += c == '\r' && at + 1 < end && text.charAt(at + 1) == '\n' ? 2 : 1;
        column = 0;
        lineStart = at;
        line++;
        return "\n";
      }
      return "";
    }

    StringBuilder breaks(int blockIndent) {
      StringBuilder out = new StringBuilder();
      while (column < blockIndent && peek() == ' ') {
        forward();
      }
      while (peek() == '\r' || peek() == '\n') {
        out.append(lineBreak());
        while (column < blockIndent && peek() == ' ') {
          forward();
        }
      }
      return out;
    }
  }
}
