package io.kubeload.access;

import io.kubeload.yaml.SourceLocation;
import java.util.Locale;
import java.util.Optional;

/**
 * Why kubeload believes an access: which source produced it, what it said, and where that was
 * written. A reviewer checks a verdict by following these.
 */
public record Provenance(
    Source source, String detail, SourceLocation location, Optional<String> remedy) {

  /** A provenance whose source names no remedy of its own. */
  public Provenance(Source source, String detail, SourceLocation location) {
    this(source, detail, location, Optional.empty());
  }

  /** Sources in the order they win: an explicit annotation beats everything. */
  public enum Source {
    ANNOTATION,
    CATALOG,
    POD_SPEC,
    RBAC;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  @Override
  public String toString() {
    return source.label() + ": " + detail + " at " + location;
  }
}
