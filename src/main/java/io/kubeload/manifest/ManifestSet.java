package io.kubeload.manifest;

import io.kubeload.yaml.InputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every object read from the inputs, in a stable order (by reference, then location) so that reports
 * do not depend on the order files were named in. Indexed by kind and by reference: every workload
 * looks up its ServiceAccount, bindings, roles and ConfigMaps, and a scan per lookup made a release
 * of 20,000 objects quadratic (docs/performance.md).
 */
public final class ManifestSet {

  /**
   * An object with its reference printed once: the set's order is the printed forms' (as {@link
   * ObjectRef#compareTo}'s), and comparing two strings the JDK's way cost a fraction of walking two
   * references' parts a character at a time, millions of times over a repository (docs/performance.md,
   * "Fifth round").
   */
  private record Printed(String ref, Manifest manifest) {}

  private static final Comparator<Printed> STABLE =
      Comparator.comparing(Printed::ref)
          .thenComparing(p -> p.manifest().location().file())
          .thenComparingInt(p -> p.manifest().location().line());

  private final List<Manifest> manifests;
  private final List<Manifest> skippedTestHooks;
  private final Map<String, List<Manifest>> byKind;
  private final Map<ObjectRef, Manifest> byRef;
  private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>();

  /**
   * @param skippedTestHooks Helm test hooks that were read but carry no load
   * @throws InputException when two objects of the same group have the same kind, namespace and name
   */
  public ManifestSet(List<Manifest> manifests, List<Manifest> skippedTestHooks) {
    this.manifests = sorted(manifests);
    this.skippedTestHooks = sorted(skippedTestHooks);
    byKind = new HashMap<>();
    // Sized for every object at the default load factor: a fleet's index is never rehashed.
    byRef = new HashMap<>(this.manifests.size() * 4 / 3 + 1);
    for (Manifest m : this.manifests) {
      byKind.computeIfAbsent(m.kind(), kind -> new ArrayList<>()).add(m);
      Manifest first = byRef.putIfAbsent(m.ref(), m);
      if (first != null && first.group().equals(m.group())) {
        // The API server keeps one object per name: counted twice, its load would be doubled.
        throw new InputException(
            m.location().file(),
            m.location().line(),
            m.kind()
                + " "
                + m.ref().namespace()
                + (m.ref().namespace().isEmpty() ? "" : "/")
                + m.name()
                + " is defined twice: also at "
                + first.location().file()
                + ":"
                + first.location().line());
      }
    }
  }

  /**
   * Sets from this size on are sorted on all cores: a stable sort, so the order is the one-thread
   * sort's; a repository of 100,000 objects spent a tenth of its reading sorting.
   */
  private static final int SORTED_IN_PARALLEL = 10_000;

  private static List<Manifest> sorted(List<Manifest> manifests) {
    return (manifests.size() >= SORTED_IN_PARALLEL
            ? manifests.parallelStream()
            : manifests.stream())
        .map(m -> new Printed(m.ref().toString(), m))
        .sorted(STABLE)
        .map(Printed::manifest)
        .toList();
  }

  public static ManifestSet of(List<Manifest> all) {
    List<Manifest> manifests = new ArrayList<>(all.size());
    List<Manifest> hooks = new ArrayList<>();
    for (Manifest m : all) {
      (m.isHelmTestHook() ? hooks : manifests).add(m);
    }
    return new ManifestSet(manifests, hooks);
  }

  /**
   * The set as installed into {@code namespace} ({@code helm install -n}, {@code kubectl apply -n}):
   * namespaced objects written without a namespace move there.
   */
  public ManifestSet placedIn(String namespace) {
    return new ManifestSet(
        manifests.stream().map(m -> m.placedIn(namespace)).toList(),
        skippedTestHooks.stream().map(m -> m.placedIn(namespace)).toList());
  }

  /** The set with each object's location replaced (its template found on disk). */
  public ManifestSet relocated(java.util.function.UnaryOperator<Manifest> move) {
    return new ManifestSet(
        manifests.stream().map(move).toList(), skippedTestHooks.stream().map(move).toList());
  }

  /** This set and another read apart (files and a rendered chart), in the same stable order. */
  public ManifestSet plus(ManifestSet other) {
    return new ManifestSet(
        Stream.concat(manifests.stream(), other.manifests.stream()).toList(),
        Stream.concat(skippedTestHooks.stream(), other.skippedTestHooks.stream()).toList());
  }

  public List<Manifest> manifests() {
    return manifests;
  }

  public List<Manifest> skippedTestHooks() {
    return skippedTestHooks;
  }

  public Stream<Manifest> ofKind(String kind) {
    return byKind.getOrDefault(kind, List.of()).stream();
  }

  /** The first object with this reference in the stable order. */
  public Optional<Manifest> find(String kind, String namespace, String name) {
    return Optional.ofNullable(byRef.get(new ObjectRef(kind, namespace, name)));
  }

  /**
   * An index over this set that a later stage builds once rather than scanning every object for every
   * workload: computed on first use by {@code build}, a pure function of the set, and kept by its type.
   */
  public <T> T derived(Class<T> type, Function<ManifestSet, T> build) {
    Object known = derived.get(type);
    if (known == null) {
      // Built outside the map, so that one index may be built from another.
      T built = build.apply(this);
      Object first = derived.putIfAbsent(type, built);
      known = first != null ? first : built;
    }
    return type.cast(known);
  }

  /** Two sets are equal when they hold the same objects; the indexes follow from the lists. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ManifestSet set
        && manifests.equals(set.manifests)
        && skippedTestHooks.equals(set.skippedTestHooks);
  }

  @Override
  public int hashCode() {
    return 31 * manifests.hashCode() + skippedTestHooks.hashCode();
  }

  @Override
  public String toString() {
    return "ManifestSet[manifests=" + manifests + ", skippedTestHooks=" + skippedTestHooks + "]";
  }
}
