package io.kubeload.manifest;

import io.kubeload.manifest.Binding.Mismatch;
import io.kubeload.manifest.Binding.Reader;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.SourceLocation;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a document's YAML tree into its fabric8 type through {@link KubernetesShapes}, and turns a
 * wrong type into an input error naming the field and its line.
 */
final class TypedConversion {

  /** Env values, and keys named like credentials: an error message does not quote even their numbers. */
  private static final Pattern MAY_HOLD_A_CREDENTIAL =
      Pattern.compile(
          "(^|\\.)env(From)?(\\[|\\.|$)|(?i)(pass|secret|token|key|credential|auth|cert)[^.]*$");

  private TypedConversion() {}

  /**
   * @param tree the value to read, found at {@code path} of the object
   * @param lines the object's field lines, by path
   * @param what what the value is meant to be, for the message ("Deployment")
   */
  static <T> T convert(
      Reader<T> reader,
      Object tree,
      String path,
      String what,
      Map<String, Integer> lines,
      SourceLocation at) {
    try {
      return reader.read(tree, Binding.At.of(path));
    } catch (Mismatch e) {
      Integer line = lines.get(e.path());
      throw new InputException(
          at.file(),
          line == null ? at.line() : line,
          (e.path().isEmpty() ? "" : e.path() + ": ")
              + "not a valid "
              + what
              + ": expected "
              + e.expected()
              + ", not "
              + shown(e.value(), e.path()));
    }
  }

  /**
   * What was written instead, by its type only for text: any string (an argument, an annotation) can
   * hold a credential, and an error message is printed in CI logs and bot comments.
   */
  private static String shown(Object value, String path) {
    if (value instanceof String) {
      return "a string";
    }
    if ((value instanceof Number || value instanceof Boolean)
        && MAY_HOLD_A_CREDENTIAL.matcher(path).find()) {
      return value instanceof Number ? "a number" : "true or false";
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (value instanceof java.util.List<?>) {
      return "a list";
    }
    if (value instanceof java.util.Date) {
      return "a date";
    }
    return String.valueOf(value);
  }
}
