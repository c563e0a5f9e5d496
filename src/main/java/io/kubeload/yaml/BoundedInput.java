package io.kubeload.yaml;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an input whole but never more than the byte budget allows: one byte past it is the limit
 * reached, so neither a huge file nor an endless one ({@code /dev/zero}, a pipe that never closes)
 * is held in memory.
 */
public final class BoundedInput {

  private BoundedInput() {}

  /** At most {@code budget} bytes of {@code in}, the rest of the run's input budget. */
  public static byte[] read(String name, InputStream in, long budget, InputLimits limits) {
    byte[] content;
    try {
      content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget + 1));
    } catch (IOException e) {
      throw new InputException(name, "cannot read: " + IoErrors.describe(e));
    }
    if (content.length > budget) {
      throw tooLarge(name, limits);
    }
    return content;
  }

  /** The byte limit reached by {@code name}. */
  public static InputException tooLarge(String name, InputLimits limits) {
    return new InputException(
        name,
        InputLimits.reached(
            "more bytes than one run reads", limits.maxInputBytes(), InputLimits.MAX_INPUT_BYTES));
  }
}
