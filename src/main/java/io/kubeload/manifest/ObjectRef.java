package io.kubeload.manifest;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** {@code Kind/namespace/name}, the key reports and baselines match objects by. */
public record ObjectRef(String kind, String namespace, String name)
    implements Comparable<ObjectRef> {

  /** Namespace used for namespaced objects rendered without one ({@code helm template} without -n). */
  public static final String DEFAULT_NAMESPACE = "default";

  /**
   * A reference as a user writes one: {@code Kind/namespace/name}, or {@code Kind/name} for the
   * object in any namespace (its namespace then empty); anything else names none.
   */
  public static Optional<ObjectRef> parse(String written) {
    String[] parts = written.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || Arrays.stream(parts).anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    return Optional.of(
        parts.length == 3
            ? new ObjectRef(parts[0], parts[1], parts[2])
            : new ObjectRef(parts[0], "", parts[1]));
  }

  /**
   * Whether {@code object} is one this reference, as a user wrote it ({@link #parse}), names: kind,
   * namespace and name alike but for case, and any namespace when this one's is empty.
   */
  public boolean matches(ObjectRef object) {
    return kind.equalsIgnoreCase(object.kind)
        && name.equalsIgnoreCase(object.name)
        && (namespace.isEmpty() || namespace.equalsIgnoreCase(object.namespace));
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }

  /**
   * The order of the printed forms ({@link #toString()}), worked out without printing them: a
   * repository's workloads and findings sorted by reference compare many pairs, and two strings per
   * comparison were most of such a sort's cost. Kinds, namespaces and names may hold characters that
   * sort before {@code /} (a {@code -} or {@code .}), so the parts are not compared one by one but
   * as the one string they print as.
   */
  @Override
  public int compareTo(ObjectRef other) {
    if (kind.equals(other.kind) && namespace.equals(other.namespace)) {
      return name.compareTo(other.name);
    }
    int parts = parts();
    int otherParts = other.parts();
    int part = 0;
    int otherPart = 0;
    String text = part(0);
    String otherText = other.part(0);
    int at = 0;
    int otherAt = 0;
    while (true) {
      if (at == text.length() && part + 1 < parts) {
        text = part(++part);
        at = 0;
      } else if (otherAt == otherText.length() && otherPart + 1 < otherParts) {
        otherText = other.part(++otherPart);
        otherAt = 0;
      } else if (at == text.length() || otherAt == otherText.length()) {
        // One printed form is a prefix of the other: the shorter sorts first, as String does.
        return Boolean.compare(at < text.length(), otherAt < otherText.length());
      } else {
        char mine = text.charAt(at++);
        char theirs = otherText.charAt(otherAt++);
        if (mine != theirs) {
          return Character.compare(mine, theirs);
        }
      }
    }
  }

  /** How many parts the printed form has: kind, slash, name, with the namespace and a slash between. */
  private int parts() {
    return namespace.isEmpty() ? 3 : 5;
  }

  private String part(int index) {
    return switch (index) {
      case 0 -> kind;
      case 1, 3 -> "/";
      case 2 -> namespace.isEmpty() ? name : namespace;
      default -> name;
    };
  }

  /** As a record's own, spelled out: records hash and compare through a method handle per call. */
  @Override
  public boolean equals(Object other) {
    return this == other
        || (other instanceof ObjectRef ref
            && Objects.equals(kind, ref.kind)
            && Objects.equals(namespace, ref.namespace)
            && Objects.equals(name, ref.name));
  }

  /** The record's own formula (31 times the sum so far plus each component's hash), spelled out. */
  @Override
  public int hashCode() {
    return (31 * Objects.hashCode(kind) + Objects.hashCode(namespace)) * 31
        + Objects.hashCode(name);
  }
}
