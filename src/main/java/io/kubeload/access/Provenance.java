package io.kubeload.access;

import io.kubeload.manifest.SourceLocation;
import java.util.Locale;

/**
 * Why kubeload believes an access: which source produced it, what it said, and where that was
 * written. A reviewer checks a verdict by following these.
 */
public record Provenance(Source source, String detail, SourceLocation location) {

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
