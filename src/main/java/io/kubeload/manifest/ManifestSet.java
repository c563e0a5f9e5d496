package io.kubeload.manifest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every object read from the inputs, in a stable order (by reference, then location) so that reports
 * do not depend on the order files were named in.
 *
 * @param skippedTestHooks Helm test hooks that were read but carry no load
 */
public record ManifestSet(List<Manifest> manifests, List<Manifest> skippedTestHooks) {

  private static final Comparator<Manifest> STABLE =
      Comparator.comparing(Manifest::ref)
          .thenComparing(m -> m.location().file())
          .thenComparingInt(m -> m.location().line());

  public ManifestSet {
    manifests = manifests.stream().sorted(STABLE).toList();
    skippedTestHooks = skippedTestHooks.stream().sorted(STABLE).toList();
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
    return manifests.stream().filter(m -> m.kind().equals(kind));
  }

  public Optional<Manifest> find(String kind, String namespace, String name) {
    return manifests.stream()
        .filter(m -> m.kind().equals(kind) && m.namespace().equals(namespace) && m.name().equals(name))
        .findFirst();
  }
}
