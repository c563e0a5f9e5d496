package io.kubeload.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an input whole but never more than the byte budget allows: one byte past it is the limit
 * reached, so neither a huge file nor an endless one ({@code /dev/zero}, a pipe that never closes)
 * is held in memory.
 */
public final class BoundedInput {

  private BoundedInput() {}

  /** A kubeload file of its own (profile, policy), within {@link InputLimits#maxInputBytes()}. */
  public static byte[] readFile(String file, InputLimits limits) {
    return readFile(Path.of(file), limits.maxInputBytes(), limits);
  }

  /** At most {@code budget} bytes of {@code file}; a regular file's size is checked before reading. */
  public static byte[] readFile(Path file, long budget, InputLimits limits) {
    try (InputStream in = Files.newInputStream(file)) {
      if (Files.isRegularFile(file) && Files.size(file) > budget) {
        throw tooLarge(file.toString(), limits);
      }
      return read(file.toString(), in, budget, limits);
    } catch (IOException e) {
      throw new InputException(file.toString(), "cannot read: " + IoErrors.describe(e));
    }
  }

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

  private static InputException tooLarge(String name, InputLimits limits) {
    return new InputException(name, InputLimits.reached(
        "more bytes than one run reads", limits.maxInputBytes(), InputLimits.MAX_INPUT_BYTES));
  }
}
