package io.kubeload.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A rendered stream of several megabytes, whose comments are found in ranges side by side, against
 * one pass over the whole text.
 */
class HelmSourcesRangesTest {

  private static final String[] LINES = {
    "---",
    "# Source: chart/templates/a.yaml",
    "#Source:   chart/templates/b.yaml  ",
    // Its match runs on into the next line, which is then no comment of its own.
    "# Source:",
    "kind: A # Source: chart/templates/not.yaml",
    "## note",
    "kind: X\r# Source: chart/templates/cr.yaml",
    "kind: Y\u0085#Source: chart/templates/nel.yaml",
    "",
    "kind: B"
  };

  @Test
  void everyCommentAndItsLineAreThoseOfOnePass() {
    for (long seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder();
      while (text.length() < 3_000_000) {
        text.append(LINES[random.nextInt(LINES.length)]).append('\n');
      }
      String stream = text.toString();
      Map<Integer, String> onePass = onePass(stream);
      HelmSources sources = new HelmSources(stream);
      int lines = (int) stream.chars().filter(c -> c == '\n').count() + 1;

      for (int line = 1; line <= lines; line++) {
        // Only a comment on the line before is taken when the previous document ended there.
        assertThat(sources.templateFor(line + 1, line))
            .as("line %d", line)
            .isEqualTo(Optional.ofNullable(onePass.get(line)));
      }
    }
  }

  /** The comments as one pass of the pattern over the whole text finds them. */
  private static Map<Integer, String> onePass(String text) {
    Matcher matcher = Pattern.compile("(?m)^#\\s*Source:\\s*(\\S.*?)\\s*$").matcher(text);
    TreeMap<Integer, String> byLine = new TreeMap<>();
    int line = 1;
    int counted = 0;
    while (matcher.find()) {
      for (int i = counted; i < matcher.start(); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      counted = matcher.start();
      byLine.put(line, matcher.group(1));
    }
    return byLine;
  }
}
