package io.kubeload.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an input whole but never more than the byte budget allows: one byte past it is the limit
 * reached, so neither a huge file nor an endless one ({@code /dev/zero}, a pipe that never closes)
 * is held in memory.
 */
public final class BoundedInput {

  private BoundedInput() {}

  /** At most {@code budget} bytes of {@code in}, the rest of the run's input budget. */
  public static byte[] read(String name, InputStream in, long budget, InputLimits limits) {
    return read(name, in, budget, limits, 0);
  }

  /**
   * As {@link #read(String, InputStream, long, InputLimits)}, of an input expected to hold {@code
   * size} bytes (a file's size when it was opened): read into one array of that size, where reading
   * to the end collects the input in chunks and copies them into the array it returns (a 50 MB
   * repository's chunks, alive until that copy, were copied by the collector too). An input that
   * turns out longer or shorter is read whole all the same.
   */
  public static byte[] read(
      String name, InputStream in, long budget, InputLimits limits, long size) {
    int most = (int) Math.min(Integer.MAX_VALUE - 8, budget + 1);
    byte[] content;
    try {
      byte[] expected = new byte[(int) Math.min(most, Math.max(0, size))];
      int read = in.readNBytes(expected, 0, expected.length);
      if (read < expected.length) {
        content = Arrays.copyOf(expected, read);
      } else {
        byte[] rest = in.readNBytes(most - read);
        content = rest.length == 0 ? expected : concatenated(expected, rest);
      }
    } catch (IOException e) {
      throw new InputException(name, "cannot read: " + IoErrors.describe(e));
    }
    if (content.length > budget) {
      throw tooLarge(name, limits);
    }
    return content;
  }

  private static byte[] concatenated(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** The byte limit reached by {@code name}. */
  public static InputException tooLarge(String name, InputLimits limits) {
    return new InputException(
        name,
        InputLimits.reached(
            "more bytes than one run reads", limits.maxInputBytes(), InputLimits.MAX_INPUT_BYTES));
  }
}
