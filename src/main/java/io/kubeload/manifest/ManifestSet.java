package io.kubeload.manifest;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every object read from the inputs, in a stable order (by reference, then location) so that reports
 * do not depend on the order files were named in.
 *
 * @param skippedTestHooks Helm test hooks that were read but carry no load
 * @param byKind the manifests of each kind, in the same order: every stage looks objects up by kind
 *     for every workload, and a scan of all of them each time made large inputs quadratic
 */
public record ManifestSet(List<Manifest> manifests, List<Manifest> skippedTestHooks, Map<String, List<Manifest>> byKind) {

  private static final Comparator<Manifest> STABLE =
      Comparator.comparing(Manifest::ref)
          .thenComparing(m -> m.location().file())
          .thenComparingInt(m -> m.location().line());

  public ManifestSet {
    manifests = manifests.stream().sorted(STABLE).toList();
    skippedTestHooks = skippedTestHooks.stream().sorted(STABLE).toList();
    byKind = manifests.stream().collect(Collectors.groupingBy(Manifest::kind, Collectors.toUnmodifiableList()));
  }

  public ManifestSet(List<Manifest> manifests, List<Manifest> skippedTestHooks) {
    this(manifests, skippedTestHooks, Map.of());
  }

  public static ManifestSet of(List<Manifest> all) {
    return new ManifestSet(
        all.stream().filter(m -> !m.isHelmTestHook()).toList(),
        all.stream().filter(Manifest::isHelmTestHook).toList());
  }

  /** This set and another read apart (files and a rendered chart), in the same stable order. */
  public ManifestSet plus(ManifestSet other) {
    return new ManifestSet(
        Stream.concat(manifests.stream(), other.manifests.stream()).toList(),
        Stream.concat(skippedTestHooks.stream(), other.skippedTestHooks.stream()).toList());
  }

  public Stream<Manifest> ofKind(String kind) {
    return byKind.getOrDefault(kind, List.of()).stream();
  }

  public Optional<Manifest> find(String kind, String namespace, String name) {
    return ofKind(kind).filter(m -> m.namespace().equals(namespace) && m.name().equals(name)).findFirst();
  }
}
