package io.kubeload.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link BlockReader} behind {@link YamlDocuments#read} against snakeyaml reading the same whole
 * stream: the same documents (values with their Java types and order, start and end lines, the line
 * of every field path) or the same error, on every YAML file the project ships, on streams a seeded
 * generator writes, and on those streams broken at random.
 */
class BlockReaderDifferentialTest {

  private static final InputLimits LIMITS = InputLimits.DEFAULT;

  /** What a read gives: each document written out with its types, or the error's message. */
  static String outcome(String text, InputLimits limits, boolean snakeyamlOnly, int[] fallbacks) {
    StringBuilder out = new StringBuilder();
    RunBudget budget = new RunBudget(limits);
    try {
      if (snakeyamlOnly) {
        YamlDocuments.readWithSnakeyaml("doc.yaml", text, limits, budget, d -> write(d, out));
      } else {
        YamlDocuments.read(
            "doc.yaml", text, limits, budget, d -> write(d, out), () -> fallbacks[0]++);
      }
    } catch (InputException e) {
      out.append("error: ").append(e.getMessage());
    }
    return out.toString();
  }

  private static void write(YamlDocuments.Document document, StringBuilder out) {
    out.append("document ")
        .append(document.startLine())
        .append('-')
        .append(document.endLine())
        .append(": ");
    value(document.value(), out);
    out.append("\n  lines ").append(document.lines().getClass().getSimpleName());
    for (Map.Entry<String, Integer> e : document.lines().entrySet()) {
      out.append(' ').append(e.getKey()).append('@').append(e.getValue());
    }
    out.append('\n');
  }

  // snakeyaml's safe constructor builds timestamps as java.util.Date: the comparison reads them so.
  @SuppressWarnings("JavaUtilDate")
  private static void value(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append(value.getClass().getSimpleName());
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      for (Map.Entry<?, ?> e : map.entrySet()) {
        value(e.getKey(), out);
        out.append('=');
        value(e.getValue(), out);
        out.append(", ");
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (Object item : list) {
        value(item, out);
        out.append(", ");
      }
      out.append(']');
    } else if (value instanceof Date date) {
      out.append('(').append(date.getTime()).append(')');
    } else {
      out.append('(').append(value.toString().replace("\n", "\\n")).append(')');
    }
  }

  static void assertSame(String text, InputLimits limits) {
    String expected = outcome(text, limits, true, new int[1]);
    String actual = outcome(text, limits, false, new int[1]);
    assertThat(actual).as("read of:\n%s", text).isEqualTo(expected);
  }

  static Stream<Path> projectFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String root : new String[] {"samples", "src/test/resources", "src/main/resources"}) {
      try (Stream<Path> walk = Files.walk(Path.of(root))) {
        walk.filter(Files::isRegularFile)
            .filter(
                p -> {
                  String name = p.getFileName().toString();
                  return name.endsWith(".yaml")
                      || name.endsWith(".yml")
                      || p.toString().contains("/fuzz/");
                })
            .sorted()
            .forEach(files::add);
      }
    }
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("projectFiles")
  @Timeout(60)
  void everyYamlFileOfTheProjectReadsAsSnakeyamlReadsIt(Path file) throws IOException {
    String text;
    try {
      text = SourceText.decode("doc.yaml", Files.readAllBytes(file));
    } catch (InputException notText) {
      return;
    }
    assertSame(text, LIMITS);
  }

  /** Third-party charts as `helm template` renders them, beside the clone in CI; never copied here. */
  @Test
  @Timeout(600)
  void renderedChartsBesideTheCloneReadAsSnakeyamlReadsThem() throws IOException {
    Path corpus = Path.of("../shared/corpus");
    Assumptions.assumeTrue(Files.isDirectory(corpus), "no ../shared/corpus beside the clone");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files =
          walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      String text;
      try {
        text = SourceText.decode("doc.yaml", Files.readAllBytes(file));
      } catch (InputException notText) {
        continue;
      }
      String expected = outcome(text, LIMITS, true, new int[1]);
      String actual = outcome(text, LIMITS, false, new int[1]);
      assertThat(actual).as(file.toString()).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "# only a comment\n",
        "---\n",
        "---",
        "--- # a comment\na: 1\n",
        "a: 1\n---",
        "a: 1\n---\n---\nb: 2",
        "\n\n---\n\n# c\n\nkind: x\n\n\n",
        "a: 1\r\nb:\r\n  - x\r\n  - 'y'\r\nc: |\r\n  one\r\n  two\r\n",
        "a: 1\rb: 2\n",
        "a:\n- x\n- y\nb: 2\n",
        "a:\n  - x\n  -\n  - - z\n",
        "- a\n- b: 1\n  c: 2\n-\n  d: 3\n- # c\n  e: 4\n-\n",
        "a: b: c\n",
        "a: b\n  c\n",
        "a: 'x''y'\nb: \"q\\\"\\\\\\n\\t\\u00e9\\x41\"\nc: \"\\/\"\n",
        "a: 'open\n  b: 2\n",
        "a: \"open\n---\nb: 1\n",
        "a: [x, 'y', \"z\", 1, true]\nb: []\nc: {}\nd: { }\ne: [a, [b]]\nf: {x: 1}\n",
        "a: [x,\n  y]\n---\nb: 1\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "? a\n: b\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        "\"a\": 1\n'b c': 2\n\"d\" : 3\n",
        "a:\tb\n",
        "\ta: 1\n",
        "a: x # comment\nb: x#y\nc: 'q' # c\nd: \"q\"#c\n",
        "a: 1\n  b: 2\n",
        "a:\n  b: 1\n c: 2\n",
        "y: yes\nn: No\no: on\nf: OFF\nt: True\n",
        "i: 012\nh: 0x1F\nb: 0b101\ns: 1:20\nu: 1_000\nl: 9999999999\nbig: 99999999999999999999\n",
        "f: 1.5\ng: -.inf\nh: .NaN\ni: 6.8523015e+5\nj: 1e3\nk: 1.0e+3\n",
        "t: 2001-12-14t21:59:43.10-05:00\nd: 2002-12-14\nbad: 2002-13-45\n",
        "n: ~\nm: null\no: Null\np:\nq: ''\n",
        // The forms the reader builds without snakeyaml, at the edges of each.
        """
        a: 2147483647
        b: 2147483648
        c: -2147483648
        d: -2147483649
        e: 999999999999999999
        f: 9999999999999999999
        g: 0
        h: -0
        i: 00
        j: 0.5
        k: 00.5
        l: 1.
        m: 10.25
        n: -0.5
        o: 1234567890123456789012345678.5
        p: FALSE
        q: Yes
        r: oN
        s: NULL
        t: - 5
        u: 5-
        v: 1.5.
        w: .5
        2: x
        0.5: y
        """,
        "=: 1\nv: =\n",
        "1: a\ntrue: b\n~: c\n2001-01-01: d\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: 1\n...\n---\nb: 2\n",
        "\uFEFFa: 1\n",
        "a: caf\u00e9 \u2603 \uD83D\uDE00\n",
        "a: x\u2028y\n",
        "a: {{ .Values.x }}\n",
        "{{- if .Values.enabled }}\na: 1\n",
        "a: 1\n---\n{{- if x }}\nb: 2\n",
        "[1, 2]\n",
        "{\"a\": 1,\t\"b\": [1, 2]}\n",
        "just a scalar\n",
        "--- |\n  text\n",
        "--- a: 1\n",
        "a:\n  b:\n    c:\n      - d:\n          e: |+\n            x\n\n",
        "- - a\n  - b\n",
        "a: - b\n",
        "a: -1\nb: -x\nc: --port=80\nd: - \n",
        "a: ? b\n",
        "a: @b\n",
        "a: `b`\n",
        "a: %b\n",
        "a: ,b\n",
        "key with spaces: v\nk2:   spaced   value   \n",
        "a: 'x' y\n",
        "a: \"x\" : y\n",
        "- 'a': 1\n- \"b\": 2\n",
        "a:\n  - b\n  c: 1\n",
        "- a\nb: 1\n",
      })
  void edgeCasesReadAsSnakeyamlReadsThem(String text) {
    assertSame(text, LIMITS);
  }

  static Stream<String> blockScalars() {
    List<String> out = new ArrayList<>();
    String[] headers = {
      "|", "|-", "|+", ">", ">-", ">+", "|2", "|1-", "|+2", ">2", ">-1", "|0", "|#c", "| # c", "|x"
    };
    String[] bodies = {
      "  one\n  two\n",
      "  one\n\n  two\n\n\n",
      "  one\n    indented\n  two\n",
      "\n\n  after blanks\n",
      "    \n  fewer\n",
      "  a\n  b\n\n  c\n   d\n  e\n",
      "  # not a comment\n  x\n",
      "  trailing  \n",
      "",
      "  last",
      "  x\n \n  y\n",
      "   three\n  two\n",
    };
    for (String header : headers) {
      for (String body : bodies) {
        out.add("k: " + header + "\n" + body + "next: 1\n");
        out.add("k: " + header + "\n" + body);
        out.add("- " + header + "\n" + body);
        out.add("a:\n  - " + header + "\n  " + body.replace("\n", "\n  ") + "\nz: 1\n");
        out.add("k: " + header + "\n" + body + "---\nb: 2\n");
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("blockScalars")
  void blockScalarsReadAsSnakeyamlReadsThem(String text) {
    assertSame(text, LIMITS);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  @Timeout(120)
  void generatedStreamsAndTheirBreakagesReadAsSnakeyamlReadsThem(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 150; i++) {
      String stream = new Generator(random).stream();
      assertSame(stream, LIMITS);
      assertSame(Generator.mutate(stream, random), LIMITS);
      assertSame(Generator.mutate(Generator.mutate(stream, random), random), LIMITS);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {900, 1000, 1030, 1100, 2000})
  void longKeysReadAsSnakeyamlReadsThem(int length) {
    String key = "k".repeat(length);
    assertSame(key + ": 1\n", LIMITS);
    assertSame("a" + " ".repeat(length) + ": 1\n", LIMITS);
    assertSame("\"" + key + "\": 1\n", LIMITS);
    assertSame("- '" + key + "' : 1\n", LIMITS);
  }

  @Test
  void eachLimitIsReachedAsSnakeyamlReachesIt() {
    String stream = new Generator(new Random(42)).helmRelease(3);
    for (InputLimits limits :
        List.of(
            new InputLimits(1 << 30, 100, 2, 1 << 20, 100, 100),
            new InputLimits(1 << 30, 100, 100, 120, 100, 100),
            new InputLimits(1 << 30, 100, 100, 400, 100, 100),
            new InputLimits(1 << 30, 100, 100, 1 << 20, 2, 100),
            new InputLimits(1 << 30, 100, 100, 1 << 20, 3, 100),
            new InputLimits(1 << 30, 100, 100, 1 << 20, 4, 100),
            new InputLimits(1 << 30, 100, 100, 1 << 20, 5, 0))) {
      assertSame(stream, limits);
      assertSame(YamlDocumentsTest.nested(6), limits);
      assertSame("a: &x [1]\nb: *x\n---\nc: 1\n", limits);
    }
  }

  @Test
  void helmOutputIsReadWithoutSnakeyaml() {
    String stream = new Generator(new Random(7)).helmRelease(40);
    int[] fallbacks = new int[1];

    String actual = outcome(stream, LIMITS, false, fallbacks);

    assertThat(fallbacks[0]).isZero();
    assertThat(actual).isEqualTo(outcome(stream, LIMITS, true, new int[1])).contains("Deployment");
  }

  @Test
  void aDocumentTheReaderGivesUpOnIsReadBySnakeyamlAndTheOthersAreNot() {
    String stream = "a: 1\n---\nb: &x [1]\nc: *x\n---\nd: 2\n";
    int[] fallbacks = new int[1];

    String actual = outcome(stream, LIMITS, false, fallbacks);

    assertThat(fallbacks[0]).isOne();
    assertThat(actual).isEqualTo(outcome(stream, LIMITS, true, new int[1]));
  }
}
