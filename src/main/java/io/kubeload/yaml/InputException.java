package io.kubeload.yaml;

/**
 * Bad input the user can fix: malformed YAML, an unrendered template, a missing kind. Its message is
 * one line that names the file and line; the CLI prints it and exits with the usage code.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String file, int line, String problem) {
    super(file + ":" + line + ": " + oneLine(problem));
  }

  public InputException(String file, String problem) {
    super(file + ": " + oneLine(problem));
  }

  private static String oneLine(String text) {
    String flat = text == null ? "unknown problem" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    return flat.length() > 300 ? flat.substring(0, 297) + "..." : flat;
  }
}
