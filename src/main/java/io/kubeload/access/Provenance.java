package io.kubeload.access;

import io.kubeload.yaml.SourceLocation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why kubeload believes an access: which source produced it, what it said, and where that was
 * written. A reviewer checks a verdict by following these.
 *
 * @param detailParts what it said, in the pieces it was written from, which {@link #detail} joins:
 *     an RBAC grant's names the binding, its role and the rule, shared by every access the binding
 *     grants, and its arrow, which in one string would make every character of it take two bytes
 *     (at fleet-20000 ten thousand such details were 3.25 MB of the projection, docs/performance.md)
 */
public record Provenance(
    Source source, List<String> detailParts, SourceLocation location, Optional<String> remedy) {

  public Provenance {
    detailParts = List.copyOf(detailParts);
  }

  public Provenance(
      Source source, String detail, SourceLocation location, Optional<String> remedy) {
    this(source, List.of(detail), location, remedy);
  }

  /** A provenance whose source names no remedy of its own. */
  public Provenance(Source source, String detail, SourceLocation location) {
    this(source, detail, location, Optional.empty());
  }

  /** A provenance whose source names no remedy of its own, said in pieces. */
  public Provenance(Source source, List<String> detailParts, SourceLocation location) {
    this(source, detailParts, location, Optional.empty());
  }

  /** What the source said. */
  public String detail() {
    return String.join("", detailParts);
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
    return source.label() + ": " + detail() + " at " + location;
  }
}
