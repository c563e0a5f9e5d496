package io.kubeload.fuzz;

import io.kubeload.manifest.InputException;

/** What every fuzz target demands of a rejected input. */
final class Fuzzing {

  private Fuzzing() {}

  /** The message the CLI prints: one line that starts with the file's name. */
  static void checkOneLine(InputException e) {
    String message = e.getMessage();
    if (message == null || !message.startsWith("fuzz.yaml") || message.contains("\n") || message.contains("\r")) {
      throw new AssertionError("an input error must be one line naming the file, not: " + message, e);
    }
  }
}
