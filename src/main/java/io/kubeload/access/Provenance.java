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

  /**
   * An RBAC detail names its binding's role with an arrow ("RoleBinding x → Role y"): a Java string
   * holding one takes two bytes a character, one of Latin-1 characters only one, and a repository
   * of releases keeps thousands of these details through the simulations (docs/performance.md). So
   * a detail whose other characters are all Latin-1 keeps each arrow as this Latin-1 control
   * character followed by {@code >}, and the character itself, were a text to hold it, doubled:
   * {@link #detail()} gives the text back as it was written.
   */
  private static final char KEPT = '\u0085';

  private static final char ARROW = '\u2192';

  private static final String KEPT_ARROW = KEPT + ">";

  private static final String KEPT_TWICE = String.valueOf(new char[] {KEPT, KEPT});

  public Provenance {
    if ((detail.indexOf(ARROW) >= 0 || detail.indexOf(KEPT) >= 0) && latin1Else(detail)) {
      detail =
          detail
              .replace(String.valueOf(KEPT), KEPT_TWICE)
              .replace(String.valueOf(ARROW), KEPT_ARROW);
    }
  }

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

  /** What the source said, as it said it. */
  @Override
  public String detail() {
    // Kept so only when every character is Latin-1: a text that was not holds one that is not.
    if (detail.indexOf(KEPT) < 0 || !latin1Else(detail)) {
      return detail;
    }
    StringBuilder out = new StringBuilder(detail.length());
    for (int i = 0; i < detail.length(); i++) {
      char c = detail.charAt(i);
      if (c == KEPT) {
        out.append(detail.charAt(++i) == '>' ? ARROW : KEPT);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether every character of {@code text} but its arrows is Latin-1. */
  private static boolean latin1Else(String text) {
    return text.chars().allMatch(c -> c <= 0xFF || c == ARROW);
  }

  @Override
  public String toString() {
    return source.label() + ": " + detail() + " at " + location;
  }
}
