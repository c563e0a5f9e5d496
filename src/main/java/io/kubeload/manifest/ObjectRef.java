package io.kubeload.manifest;

import java.util.Arrays;
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

  @Override
  public int compareTo(ObjectRef other) {
    return toString().compareTo(other.toString());
  }
}
