package io.kubeload.manifest;

/** {@code Kind/namespace/name}, the key reports and baselines match objects by. */
public record ObjectRef(String kind, String namespace, String name) implements Comparable<ObjectRef> {

  /** Namespace used for namespaced objects rendered without one ({@code helm template} without -n). */
  public static final String DEFAULT_NAMESPACE = "default";

  @Override
  public String toString() {
    return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }

  /**
   * A number fixed by the reference alone: the roll-out simulations seed their random draws with it,
   * so the same manifests give the same simulated figures on every run.
   */
  public int seed() {
    return toString().hashCode();
  }

  @Override
  public int compareTo(ObjectRef other) {
    return toString().compareTo(other.toString());
  }
}
