package io.kubeload.yaml;

import java.util.Optional;

/**
 * Where an object (or one of its fields) was written: the file as the user named it, a 1-based
 * line, and the Helm template named by the nearest preceding {@code # Source:} comment.
 *
 * @param templateLine the line of the object's document in the template, once the template has been
 *     found on disk (the repository's path then stands in {@code template}); 0 while unknown
 */
public record SourceLocation(String file, int line, Optional<String> template, int templateLine) {

  public SourceLocation {
    if (line < 1 || templateLine < 0) {
      throw new IllegalArgumentException(
          "line must be 1-based: " + line + ", template line " + templateLine);
    }
  }

  public SourceLocation(String file, int line, Optional<String> template) {
    this(file, line, template, 0);
  }

  public SourceLocation atLine(int otherLine) {
    return new SourceLocation(file, otherLine, template, templateLine);
  }

  /** The same place, its template found at {@code path} (inside the repository) and {@code line}. */
  public SourceLocation inTemplate(String path, int lineInTemplate) {
    return new SourceLocation(file, line, Optional.of(path), lineInTemplate);
  }

  /** {@code file:line} and, where Helm rendered it, {@code (template)} or {@code (template:line)}. */
  @Override
  public String toString() {
    return file
        + ":"
        + line
        + template
            .map(t -> " (" + t + (templateLine > 0 ? ":" + templateLine : "") + ")")
            .orElse("");
  }
}
