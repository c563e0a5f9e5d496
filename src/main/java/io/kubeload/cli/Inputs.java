package io.kubeload.cli;

import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestReader;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.manifest.ObjectRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A project's inputs read into one set: rendered paths through the reader, folders holding a
 * kustomization and {@code --kustomize} folders built, the chart rendered, and the GitOps objects
 * among them rendered as their controllers would ({@link GitOps}).
 */
final class Inputs {

  private Inputs() {}

  static ManifestSet read(Project project, Renderer renderer, ManifestReader reader) {
    List<String> plain = new ArrayList<>();
    List<String> kustomizations = new ArrayList<>(project.kustomizations());
    for (String path : project.paths()) {
      (!path.equals(ManifestReader.STDIN) && Files.isDirectory(Path.of(path)) && Kustomizations.isKustomization(Path.of(path))
          ? kustomizations : plain).add(path);
    }
    List<ManifestSet> parts = new ArrayList<>();
    if (!plain.isEmpty()) {
      parts.add(reader.read(plain));
    }
    kustomizations.forEach(dir -> parts.add(renderer.kustomize(dir)));
    project.chart().ifPresent(chart -> parts.add(renderer.helm(chart)));
    ManifestSet read = union(parts);
    return union(List.of(read, GitOps.render(read, renderer)));
  }

  /**
   * The sets as one, an object that several of them hold alike (a base shared by two overlays, or an
   * Application's chart named twice) kept once: judged twice, its load would be counted twice. Objects
   * that share a reference but differ stay, and the set refuses them as defined twice.
   */
  static ManifestSet union(List<ManifestSet> sets) {
    Map<ObjectRef, List<Manifest>> kept = new HashMap<>();
    List<Manifest> manifests = new ArrayList<>();
    List<Manifest> hooks = new ArrayList<>();
    for (ManifestSet set : sets) {
      Stream.of(set.manifests(), set.skippedTestHooks()).forEach(list -> {
        for (Manifest m : list) {
          List<Manifest> same = kept.computeIfAbsent(m.ref(), ref -> new ArrayList<>());
          if (same.stream().noneMatch(k -> k.apiVersion().equals(m.apiVersion()) && k.raw().equals(m.raw()))) {
            same.add(m);
            (list == set.manifests() ? manifests : hooks).add(m);
          }
        }
      });
    }
    return new ManifestSet(manifests, hooks);
  }
}
