package io.kubeload.manifest;

import java.util.Optional;

/**
 * Where an object (or one of its fields) was written: the file as the user named it, a 1-based
 * line, and the Helm template named by the nearest preceding {@code # Source:} comment.
 */
public record SourceLocation(String file, int line, Optional<String> template) {

  public SourceLocation {
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1-based: " + line);
    }
  }

  public SourceLocation atLine(int otherLine) {
    return new SourceLocation(file, otherLine, template);
  }

  /** {@code file:line} and, where Helm rendered it, {@code (template)}. */
  @Override
  public String toString() {
    return file + ":" + line + template.map(t -> " (" + t + ")").orElse("");
  }
}
