package io.kubeload.yaml;

import java.util.Arrays;

/**
 * Maps a position in the text (in code points, as the YAML parser counts them) to the 1-based line
 * a user sees in an editor: only '\n' ends a line, although YAML 1.1 also breaks lines at U+0085,
 * U+2028 and U+2029 inside values.
 */
final class LineMap {

  private final int[] lineStarts;

  /** The line of the text's first character: a document read apart from its stream starts below 1. */
  private final int firstLine;

  LineMap(String text, int firstLine) {
    this.firstLine = firstLine;
    int[] starts = new int[16];
    int count = 1;
    int codePoint = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      codePoint++;
      if (c == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = codePoint;
      }
    }
    lineStarts = Arrays.copyOf(starts, count);
  }

  /** The line of the code point at {@code index}. */
  int lineAt(int index) {
    int found = Arrays.binarySearch(lineStarts, index);
    return (found >= 0 ? found + 1 : -found - 1) + firstLine - 1;
  }
}
