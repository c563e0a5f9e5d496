package io.kubeload.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The whole-text passes over an input of several megabytes, read in ranges side by side, against
 * the one-pass results they replace.
 */
class LineRangesTest {

  private static final String[] LINES = {
    "---",
    "--- ",
    "---\t# x",
    "----",
    " ---",
    "kind: A",
    "a: b\r",
    "",
    "# Source: c/t.yaml",
    "é: ü",
    "emoji: \uD83D\uDE00",
    "x: ---"
  };

  /** A stream of seeded lines, every one of them repeated across the ranges' cuts. */
  private static String stream(long seed, String last) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    while (text.length() < 3 * LineRanges.CUT_FROM) {
      text.append(LINES[random.nextInt(LINES.length)]).append('\n');
    }
    return text.append(last).toString();
  }

  @Test
  void aLongStreamsDocumentsAndLinesAreThoseOfOnePass() {
    for (long seed = 1; seed <= 3; seed++) {
      for (String last : new String[] {"", "kind: B", "---"}) {
        String text = stream(seed, last);
        BlockReader.Stream stream = BlockReader.Stream.of(text);

        List<Integer> starts = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        for (int at = 0; at <= text.length(); line++) {
          int newline = text.indexOf('\n', at);
          String content = text.substring(at, newline < 0 ? text.length() : newline);
          if (content.equals("---") || content.startsWith("--- ") || content.startsWith("---\t")) {
            starts.add(at);
            lines.add(line);
          }
          if (newline < 0) {
            break;
          }
          at = newline + 1;
        }
        assertThat(stream.starts).containsExactly(starts.stream().mapToInt(i -> i).toArray());
        assertThat(stream.lines).containsExactly(lines.stream().mapToInt(i -> i).toArray());
        assertThat(stream.lastLine).isEqualTo(text.chars().filter(c -> c == '\n').count() + 1);
      }
    }
  }

  @Test
  void aLineThatStopsCuttingFarIntoALongStreamStopsIt() {
    for (String line :
        new String[] {"%YAML 1.1", "...", "bell: \u0007", "bom: \uFEFF", "lone: \uD800"}) {
      assertThat(BlockReader.Stream.of(stream(4, "") + line + "\nkind: C\n")).isNull();
    }
  }

  @Test
  void aLongInputDecodesAsTheJdkDecodesIt() {
    String text = stream(5, "kind: D");
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    String ascii = text.replaceAll("[^\\x00-\\x7F]", "?");

    assertThat(SourceText.decode("f.yaml", utf8)).isEqualTo(text);
    assertThat(SourceText.decode("f.yaml", ascii.getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(ascii);
  }

  @Test
  void aNulFarIntoALongInputIsReportedAtItsLine() {
    String text = stream(6, "");
    byte[] bytes = (text + "a: \u0000\n" + text).getBytes(StandardCharsets.UTF_8);
    int line = (int) text.chars().filter(c -> c == '\n').count() + 1;

    assertThatThrownBy(() -> SourceText.decode("f.yaml", bytes))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("f.yaml:" + line + ":")
        .hasMessageContaining("NUL");
  }
}
