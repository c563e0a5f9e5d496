package io.kubeload.bench;

import io.kubeload.access.AccessSet;
import io.kubeload.access.inference.AccessInference;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.Profiles;
import io.kubeload.manifest.ManifestParser;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.workload.Workloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the benchmarks start from: files written by bench/generate.py or the samples, read as analyze reads them. */
final class Inputs {

  private Inputs() {}

  static byte[] bytes(String file) {
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException("run bench/generate.py first (bench/jmh.sh does)", e);
    }
  }

  static ManifestSet manifests(String file) {
    return ManifestSet.of(ManifestParser.parse(file, bytes(file)));
  }

  static ClusterProfile production(int nodes) {
    return Profiles.load(Profiles.DEFAULT).withNodes(nodes);
  }

  static List<AccessSet> accesses(ManifestSet manifests, ClusterProfile profile) {
    return Workloads.from(manifests, profile).stream()
        .map(workload -> AccessInference.infer(workload, manifests))
        .toList();
  }
}
