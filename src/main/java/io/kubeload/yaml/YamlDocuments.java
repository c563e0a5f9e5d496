package io.kubeload.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Splits a YAML stream into documents with the safe constructor only (no arbitrary types), limited
 * aliases and nesting, and the line of every mapping key. Manifests, profiles and policies all read
 * YAML through here.
 */
public final class YamlDocuments {

  /** One YAML document: its value, where it starts and ends, and the line of each key path. */
  public record Document(Object value, int startLine, int endLine, Map<String, Integer> lines) {}

  private YamlDocuments() {}

  /** Decodes {@code bytes} as UTF-8 and reads every document; errors name {@code file} and line. */
  public static List<Document> read(String file, byte[] bytes) {
    return read(file, bytes, InputLimits.DEFAULT);
  }

  /** As {@link #read(String, byte[])}, within {@code limits} (a file of its own: a run of its own). */
  public static List<Document> read(String file, byte[] bytes, InputLimits limits) {
    return read(file, SourceText.decode(file, bytes), limits, new RunBudget(limits));
  }

  /**
   * snakeyaml names the tag or alias it cannot resolve, and in a Secret both are written by hand
   * ({@code password: !s3cr3t}, {@code token: *abc}): the message says what is wrong, not what was written.
   */
  private static String withoutValues(String problem) {
    if (problem.startsWith("could not determine a constructor for the tag")) {
      return "a tag kubeload does not read (only YAML's standard tags; quote a value that starts with '!')";
    }
    if (problem.startsWith("found undefined alias")) {
      return "an alias to no anchor (quote a value that starts with '*')";
    }
    return problem;
  }

  /**
   * A component's configuration file embedded in a manifest, within the default limits and a small
   * alias budget of its own ({@link RunBudget#MAX_CONFIG_ALIAS_NODES}).
   */
  public static List<Document> readEmbedded(String file, String text) {
    return read(
        file,
        text,
        InputLimits.DEFAULT,
        new RunBudget(InputLimits.DEFAULT, RunBudget.MAX_CONFIG_ALIAS_NODES));
  }

  /**
   * The nodes that aliases add to {@code text} read as {@link #readEmbedded} reads it; 0 where that
   * fails (not YAML, or beyond a configuration's share), as its parser then expands nothing.
   */
  public static long embeddedAliasNodes(String file, String text) {
    RunBudget share = new RunBudget(InputLimits.DEFAULT, RunBudget.MAX_CONFIG_ALIAS_NODES);
    try {
      read(file, text, InputLimits.DEFAULT, share);
    } catch (InputException e) {
      return 0;
    }
    return RunBudget.MAX_CONFIG_ALIAS_NODES - share.aliasNodesLeft();
  }

  /** Reads every document of {@code text}, counting each and its aliases against the run's {@code budget}. */
  public static List<Document> read(
      String file, String text, InputLimits limits, RunBudget budget) {
    List<Document> documents = new ArrayList<>();
    read(file, text, limits, budget, documents::add);
    return documents;
  }

  /**
   * As {@link #read(String, String, InputLimits, RunBudget)}, handing each document to {@code each}
   * as soon as it is read: a caller that keeps only part of a document never holds the whole
   * stream's trees at once. Strings repeated across the run's documents are shared.
   */
  public static void read(
      String file,
      String text,
      InputLimits limits,
      RunBudget budget,
      java.util.function.Consumer<Document> each) {
    read(file, text, limits, budget, each, () -> {});
  }

  /**
   * As {@link #read(String, String, InputLimits, RunBudget, java.util.function.Consumer)}, calling
   * {@code bySnakeyaml} each time snakeyaml reads a document or the rest of the stream instead of
   * {@link BlockReader}. Block-style documents are read by {@link BlockReader}, each cut from the
   * stream at its {@code ---} line (YAML allows no such line inside a value); a document it gives up
   * on is read by snakeyaml alone, and should snakeyaml fail on it there, it reads the rest of the
   * stream from that document on, so that every error is the one reading the whole stream gives.
   */
  static void read(
      String file,
      String text,
      InputLimits limits,
      RunBudget budget,
      java.util.function.Consumer<Document> each,
      Runnable bySnakeyaml) {
    BlockReader.Stream stream = looksLikeJson(text) ? null : BlockReader.Stream.of(text);
    if (stream == null) {
      bySnakeyaml.run();
      readWithSnakeyaml(file, text, limits, budget, each);
      return;
    }
    read(file, text, new Part(stream, -1, stream.starts.length), limits, budget, each, bySnakeyaml);
  }

  /**
   * Documents of a stream that may be read apart from one another, each part to be handed on in
   * stream order: {@code text} cut at the {@code ---} lines that begin a part of at least {@code
   * chars} characters. Empty when the stream cannot be cut (JSON, or a stream that snakeyaml reads
   * whole), one part when it is too short to cut.
   */
  public static List<Part> parts(String text, int chars) {
    BlockReader.Stream stream = looksLikeJson(text) ? null : BlockReader.Stream.of(text);
    if (stream == null) {
      return List.of();
    }
    List<Part> parts = new ArrayList<>();
    int first = -1;
    int from = 0;
    for (int k = 0; k < stream.starts.length; k++) {
      if (stream.starts[k] - from >= chars) {
        parts.add(new Part(stream, first, k));
        first = k;
        from = stream.starts[k];
      }
    }
    parts.add(new Part(stream, first, stream.starts.length));
    return parts;
  }

  /**
   * Consecutive documents of a stream, by their index among its {@code ---} lines (-1: the text
   * before the first).
   */
  public static final class Part {
    private final BlockReader.Stream stream;
    private final int first;
    private final int end;

    private Part(BlockReader.Stream stream, int first, int end) {
      this.stream = stream;
      this.first = first;
      this.end = end;
    }

    /**
     * The line of the {@code ---} the part begins at (0 for the stream's first part): where the
     * document before it ends when {@link BlockReader} reads that one.
     */
    public int firstLine() {
      return first < 0 ? 0 : stream.lines[first];
    }

    /** The documents from this part's first to the end of the stream. */
    public Part rest() {
      return new Part(stream, first, stream.starts.length);
    }
  }

  /**
   * The documents of {@code part} read apart from the rest of the stream, as the whole stream's read
   * reads them. Any failure is unchecked, a document that only reading on past the part could decide
   * (snakeyaml fails on it alone) included: the caller then reads {@link Part#rest}, which gives the
   * error the whole stream's read gives.
   */
  public static void read(
      String file,
      String text,
      Part part,
      InputLimits limits,
      RunBudget budget,
      java.util.function.Consumer<Document> each) {
    read(file, text, part, limits, budget, each, () -> {});
  }

  /**
   * Block-style documents are read by {@link BlockReader}; a document it gives up on is read by
   * snakeyaml alone, and should snakeyaml fail on it there, it reads the rest of the stream from
   * that document on (or, in a part that ends before the stream does, the part fails), so that
   * every error is the one reading the whole stream gives.
   */
  private static void read(
      String file,
      String text,
      Part part,
      InputLimits limits,
      RunBudget budget,
      java.util.function.Consumer<Document> each,
      Runnable bySnakeyaml) {
    BlockReader.Stream stream = part.stream;
    PlainScalars plain = new PlainScalars(limits, budget.strings());
    int[] starts = stream.starts;
    for (int k = part.first; k < part.end; k++) {
      boolean explicit = k >= 0;
      int from = explicit ? starts[k] : 0;
      int to = k + 1 < starts.length ? starts[k + 1] : text.length();
      int firstLine = explicit ? stream.lines[k] : 1;
      int endLine = k + 1 < starts.length ? stream.lines[k + 1] : stream.lastLine;
      if (!explicit && from == to) {
        continue;
      }
      Document document;
      try {
        if (to - from + DOCUMENT_MARGIN > limits.maxDocumentChars()) {
          throw new BlockReader.GiveUp();
        }
        document =
            BlockReader.read(
                text,
                from,
                to,
                firstLine,
                endLine,
                explicit,
                limits.maxNestingDepth(),
                budget.strings(),
                plain);
      } catch (BlockReader.GiveUp e) {
        bySnakeyaml.run();
        try {
          readWithSnakeyaml(file, text, from, to, firstLine, limits, budget, each, true);
        } catch (RetryTheRest retry) {
          if (part.end < starts.length) {
            throw retry;
          }
          readWithSnakeyaml(
              file, text, from, text.length(), firstLine, limits, budget, each, false);
          return;
        }
        continue;
      }
      if (document != null) {
        budget.countDocument(file, document.startLine());
        each.accept(document);
      }
    }
  }

  /** The whole stream read by snakeyaml alone, as every stream was before {@link BlockReader}. */
  static void readWithSnakeyaml(
      String file,
      String text,
      InputLimits limits,
      RunBudget budget,
      java.util.function.Consumer<Document> each) {
    // JSON allows tabs between tokens, YAML does not; a raw tab inside a JSON string is invalid
    // anyway.
    String source = looksLikeJson(text) ? text.replace('\t', ' ') : text;
    readWithSnakeyaml(file, source, 0, source.length(), 1, limits, budget, each, false);
  }

  /**
   * Characters a document may hold below the per-document limit and still be read by {@link
   * BlockReader}: snakeyaml counts from a little after the {@code ---} and looks a few characters
   * ahead, so a document this close to the limit is left to it.
   */
  private static final int DOCUMENT_MARGIN = 64;

  /**
   * Plain scalars as snakeyaml's YAML 1.1 resolver and the safe constructor make them; the tags
   * {@link BlockReader} does not construct ({@code <<}, and none other resolves) leave the document
   * to snakeyaml. The resolver and the constructor are made at the first scalar that needs them: the
   * constructor's first use sets up {@code java.util.logging} (snakeyaml logs through it), about
   * 15 ms of CPU at the start of every run, and the scalars a manifest or a profile is made of
   * rarely need either (docs/performance.md, "A typical release" in the fourth round).
   */
  private static final class PlainScalars implements java.util.function.Function<String, Object> {
    /** What {@link #common} returns for a scalar it leaves to snakeyaml ({@code null} is a value). */
    private static final Object UNCOMMON = new Object();

    private final InputLimits limits;
    private final Interner strings;
    private Resolver resolver;
    private Constructor constructor;

    PlainScalars(InputLimits limits, Interner strings) {
      this.limits = limits;
      this.strings = strings;
    }

    @Override
    public Object apply(String scalar) {
      if (plainWord(scalar)) {
        return strings.intern(scalar);
      }
      Object common = common(scalar);
      if (common != UNCOMMON) {
        return common;
      }
      if (surelyString(scalar)) {
        return strings.intern(scalar);
      }
      if (resolver == null) {
        resolver = new Resolver();
      }
      Tag tag = resolver.resolve(NodeId.scalar, scalar, true);
      if (Tag.STR.equals(tag)) {
        return strings.intern(scalar);
      }
      if (Tag.NULL.equals(tag)) {
        return null;
      }
      if (Tag.BOOL.equals(tag)
          || Tag.INT.equals(tag)
          || Tag.FLOAT.equals(tag)
          || Tag.TIMESTAMP.equals(tag)) {
        if (constructor == null) {
          constructor = new Constructor(options(limits), strings);
        }
        try {
          return constructor.scalar(tag, scalar);
        } catch (RuntimeException e) {
          throw new BlockReader.GiveUp();
        }
      }
      throw new BlockReader.GiveUp();
    }

    /**
     * The value of a scalar of the few forms whose tag and value are certain without snakeyaml's
     * patterns: the YAML 1.1 booleans and nulls, the empty scalar (null), a decimal integer of at
     * most 18 digits (an {@code Integer} where one holds it, else a {@code Long}, as the constructor
     * makes them) and a decimal fraction such as {@code 0.01} (a {@code Double}); {@link #UNCOMMON}
     * for every other scalar.
     */
    private static Object common(String scalar) {
      Object word =
          switch (scalar) {
            case "", "~", "null", "Null", "NULL" -> null;
            case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON" -> true;
            case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF" -> false;
            default -> UNCOMMON;
          };
      if (word != UNCOMMON) {
        return word;
      }
      int sign = scalar.startsWith("-") ? 1 : 0;
      int digits = digitsFrom(scalar, sign);
      if (digits == 0 || (scalar.charAt(sign) == '0' && digits > 1)) {
        return UNCOMMON;
      }
      int end = sign + digits;
      if (end == scalar.length()) {
        if (digits > 18) {
          return UNCOMMON;
        }
        long value = Long.parseLong(scalar);
        if (value == (int) value) {
          return Integer.valueOf((int) value);
        }
        return Long.valueOf(value);
      }
      if (sign == 0
          && scalar.length() <= 32
          && scalar.charAt(end) == '.'
          && digitsFrom(scalar, end + 1) == scalar.length() - end - 1
          && end + 1 < scalar.length()) {
        return Double.valueOf(scalar);
      }
      return UNCOMMON;
    }

    /** How many decimal digits {@code text} has from {@code from} on. */
    private static int digitsFrom(String text, int from) {
      int at = from;
      while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
        at++;
      }
      return at - from;
    }
  }

  /**
   * Whether the resolver is sure to find {@code scalar} a string without trying its patterns: it
   * starts with a letter, and is longer than every boolean and null ({@code false}) or starts with
   * a letter none of them starts with. Most plain scalars of a manifest are such words.
   */
  private static boolean plainWord(String scalar) {
    if (scalar.isEmpty()) {
      return false;
    }
    char first = scalar.charAt(0);
    boolean letter = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
    return letter && (scalar.length() > 5 || "yYnNtTfFoO".indexOf(first) < 0);
  }

  /**
   * The first characters for which snakeyaml's YAML 1.1 resolver tries a pattern other than the
   * boolean and null words, which {@link PlainScalars#common} knows: numbers and timestamps, the
   * merge key, the null {@code ~}, the {@code !}, {@code &} and {@code *} of its "yaml" tag, and a
   * space (a null word's pattern is tried on every first character it has no patterns for).
   */
  private static final String PATTERNED_FIRST = "+-.0123456789<~!&* ";

  /** Every character the resolver's integer, float and timestamp patterns accept. */
  private static final String NUMERIC_CHARS = "0123456789_+-.:abcdefABCDEFxTtZinINaf \t";

  /**
   * Whether snakeyaml's resolver finds {@code scalar}, which {@link PlainScalars#common} has not
   * valued (it is no boolean or null word), a string: its first character starts no pattern but the boolean and null words', or a
   * number's first character is followed by a character no number or timestamp holds ({@code 10m},
   * {@code 128Mi}, {@code 25%}). The patterns it would try allocate a matcher each, about a tenth of
   * a fleet's reading (docs/performance.md, "Sixth round").
   */
  static boolean surelyString(String scalar) {
    if (scalar.isEmpty()) {
      return false;
    }
    char first = scalar.charAt(0);
    if (PATTERNED_FIRST.indexOf(first) < 0) {
      return true;
    }
    if ("+-.0123456789".indexOf(first) < 0) {
      return false;
    }
    for (int i = 1; i < scalar.length(); i++) {
      if (NUMERIC_CHARS.indexOf(scalar.charAt(i)) < 0) {
        return true;
      }
    }
    return false;
  }

  /** snakeyaml failed on a document read apart from its stream: the stream's reading decides. */
  private static final class RetryTheRest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetryTheRest() {
      super(null, null, false, false);
    }
  }

  private static LoaderOptions options(InputLimits limits) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxNestingDepth());
    options.setCodePointLimit(limits.maxDocumentChars());
    options.setAllowRecursiveKeys(false);
    return options;
  }

  /**
   * snakeyaml reads {@code text} from {@code from} on ({@code firstLine} of the file) to {@code to}. On
   * {@code trial} (a document cut from its stream), a failure to compose it, or a second document
   * in it, is {@link RetryTheRest}: nothing of it was counted or handed on.
   */
  private static void readWithSnakeyaml(
      String file,
      String text,
      int from,
      int to,
      int firstLine,
      InputLimits limits,
      RunBudget budget,
      java.util.function.Consumer<Document> each,
      boolean trial) {
    String source = from == 0 && to == text.length() ? text : text.substring(from, to);
    LineMap lineMap = new LineMap(source, firstLine);
    LoaderOptions options = options(limits);
    Constructor constructor = new Constructor(options, budget.strings());
    constructor.setAllowDuplicateKeys(false);
    StreamReader reader = new TextStreamReader(source, limits.maxDocumentChars());
    AliasWatch parser = new AliasWatch(new ParserImpl(reader, options));
    Composer composer = new Composer(parser, new Resolver(), options);
    boolean composing = true;
    try {
      while (composer.checkNode()) {
        parser.aliased = false;
        Node node = composer.getNode();
        if (trial && composer.checkNode()) {
          // The text cut out as one document is more (a scalar then a mapping, which the stream
          // rejects): nothing of it is counted or handed on before the stream's reading decides.
          throw new RetryTheRest();
        }
        composing = false;
        budget.countDocument(file, lineOf(node.getStartMark(), lineMap));
        // Without an alias the nodes form a tree: nothing to expand, nothing met twice.
        java.util.Set<Node> seen = null;
        if (parser.aliased) {
          checkExpansion(file, node, lineMap, budget);
          seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        }
        Object value = constructor.construct(node);
        FieldLines lines = new FieldLines();
        indexLines(node, "", lines, lineMap, budget.strings(), seen);
        each.accept(
            new Document(
                value,
                lineOf(node.getStartMark(), lineMap),
                lineOf(node.getEndMark(), lineMap),
                lines.trim()));
        composing = true;
      }
    } catch (MarkedYAMLException e) {
      if (trial && composing) {
        throw new RetryTheRest();
      }
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      // A scalar left open runs to the end of the stream: the line where it opened is the one to
      // fix.
      if (e.getContextMark() != null && String.valueOf(e.getProblem()).contains("end of stream")) {
        mark = e.getContextMark();
      }
      int line = mark == null ? firstLine : lineOf(mark, lineMap);
      throw describe(file, e, text, line);
    } catch (IllegalArgumentException e) {
      if (trial && composing) {
        throw new RetryTheRest();
      }
      // Found by fuzzing (docs/fuzzing.md): a tag whose %-escape decodes to a space or control
      // character (`!x%0b`) fails in snakeyaml's Tag constructor, outside its own exceptions.
      throw new InputException(
          file,
          lineOf(reader.getMark(), lineMap),
          "invalid YAML tag (a %-escape that decodes to a space or control character)");
    } catch (YAMLException e) {
      if (trial && composing) {
        throw new RetryTheRest();
      }
      // Limits (aliases, nesting, size) are reported without a mark: the reader stopped where it
      // hit them.
      throw new InputException(
          file,
          lineOf(reader.getMark(), lineMap),
          limitReached(String.valueOf(e.getMessage()), limits));
    }
  }

  /** snakeyaml's words for the limits it enforces, as the flag that raises each. */
  private static String limitReached(String message, InputLimits limits) {
    if (message.startsWith("Number of aliases")) {
      return InputLimits.reached(
          "more aliases to mappings and lists than one document may hold",
          limits.maxAliases(),
          InputLimits.MAX_ALIASES);
    }
    if (message.startsWith("Nesting Depth")) {
      return InputLimits.reached(
          "mappings and lists nested too deeply",
          limits.maxNestingDepth(),
          InputLimits.MAX_NESTING_DEPTH);
    }
    if (message.startsWith("The incoming YAML document exceeds")) {
      return InputLimits.reached(
          "a YAML document with too many characters",
          limits.maxDocumentChars(),
          InputLimits.MAX_DOCUMENT_CHARS);
    }
    return "invalid YAML: " + message;
  }

  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  private static int lineOf(Mark mark, LineMap lineMap) {
    return lineMap.lineAt(mark.getIndex());
  }

  private static InputException describe(
      String file, MarkedYAMLException e, String text, int line) {
    String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
    for (int candidate : new int[] {line, line - 1}) {
      if (lineText(text, candidate).contains("{{")) {
        return new InputException(
            file,
            candidate,
            "unrendered Helm template: run `helm template` first (" + problem + ")");
      }
    }
    String context = e.getContext() != null ? e.getContext() + ", " : "";
    return new InputException(file, line, "invalid YAML: " + context + withoutValues(problem));
  }

  /**
   * Spends the nodes {@code root}'s aliases add when expanded from the run's budget, or rejects the
   * document at the deepest node whose expansion alone is more than the budget has left.
   */
  private static void checkExpansion(String file, Node root, LineMap lineMap, RunBudget budget) {
    java.util.IdentityHashMap<Node, Long> sizes = new java.util.IdentityHashMap<>();
    long added = expandedSize(root, sizes, file, lineMap) - sizes.size();
    if (budget.fitsAliasNodes(added)) {
      budget.spendAliasNodes(added);
      return;
    }
    Node node = root;
    for (boolean deeper = true; deeper; ) {
      deeper = false;
      for (Node child : children(node)) {
        if (sizes.get(child) > budget.aliasNodesLeft()) {
          node = child;
          deeper = true;
          break;
        }
      }
    }
    throw new InputException(file, lineOf(node.getStartMark(), lineMap), budget.aliasBomb());
  }

  /** Marks a node whose size is being counted: meeting it again below itself is a cycle. */
  private static final long COUNTING = -1;

  private static long expandedSize(
      Node node, java.util.Map<Node, Long> sizes, String file, LineMap lineMap) {
    Long known = sizes.get(node);
    if (known != null && known == COUNTING) {
      // Found by fuzzing (docs/fuzzing.md): `&a [*a]` composes to a list that holds itself.
      throw new InputException(
          file,
          lineOf(node.getStartMark(), lineMap),
          "the mapping or list anchored here holds an alias to itself: no Kubernetes object is recursive");
    }
    if (known != null) {
      return known;
    }
    sizes.put(node, COUNTING);
    long size = 1;
    for (Node child : children(node)) {
      size = Math.min(Long.MAX_VALUE / 2, size + expandedSize(child, sizes, file, lineMap));
    }
    sizes.put(node, size);
    return size;
  }

  private static List<Node> children(Node node) {
    if (node instanceof MappingNode mapping) {
      List<Node> out = new ArrayList<>();
      for (NodeTuple tuple : mapping.getValue()) {
        out.add(tuple.getKeyNode());
        out.add(tuple.getValueNode());
      }
      return out;
    }
    return node instanceof SequenceNode sequence ? sequence.getValue() : List.of();
  }

  static String lineText(String text, int line) {
    if (line < 1) {
      return "";
    }
    int start = 0;
    for (int i = 1; i < line; i++) {
      start = text.indexOf('\n', start);
      if (start < 0) {
        return "";
      }
      start++;
    }
    int end = text.indexOf('\n', start);
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }

  /**
   * Lines of every key path; an aliased subtree is indexed once, where its anchor is ({@code seen}
   * the nodes met so far; null in a document without aliases, where no node is met twice).
   */
  private static void indexLines(
      Node node,
      String path,
      FieldLines lines,
      LineMap lineMap,
      Interner strings,
      java.util.Set<Node> seen) {
    if (seen != null && !seen.add(node)) {
      return;
    }
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          String child = strings.field(path, key.getValue());
          lines.add(child, lineOf(key.getStartMark(), lineMap));
          indexLines(tuple.getValueNode(), child, lines, lineMap, strings, seen);
        }
      }
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        String child = strings.item(path, i);
        lines.add(child, lineOf(items.get(i).getStartMark(), lineMap));
        indexLines(items.get(i), child, lines, lineMap, strings, seen);
      }
    }
  }

  /** snakeyaml's parser, noting whether the document being composed holds an alias. */
  private static final class AliasWatch implements Parser {
    private final Parser parser;
    boolean aliased;

    AliasWatch(Parser parser) {
      this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
      return parser.peekEvent();
    }

    @Override
    public Event getEvent() {
      Event event = parser.getEvent();
      aliased |= event instanceof AliasEvent;
      return event;
    }
  }

  /** The safe constructor, opened up to build one composed node at a time, its strings shared across the run. */
  private static final class Constructor extends SafeConstructor {
    Constructor(LoaderOptions options, Interner strings) {
      super(options);
      yamlConstructors.put(
          Tag.STR,
          new ConstructYamlStr() {
            @Override
            public Object construct(Node node) {
              return strings.intern((String) super.construct(node));
            }
          });
    }

    Object construct(Node node) {
      return constructDocument(node);
    }

    /** A plain scalar of a resolved {@code tag}, as a document's scalar of that tag is built. */
    Object scalar(Tag tag, String value) {
      return yamlConstructors
          .get(tag)
          .construct(new ScalarNode(tag, value, null, null, DumperOptions.ScalarStyle.PLAIN));
    }
  }
}
