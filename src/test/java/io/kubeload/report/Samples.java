package io.kubeload.report;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.gate.Gate;
import io.kubeload.gate.Policy;
import io.kubeload.gate.Verdict;
import io.kubeload.model.LoadModel;
import io.kubeload.testing.TestManifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The verdicts of every sample in samples/manifests at staging and production, for the format tests. */
final class Samples {

  record Judged(String name, Verdict verdict) {
    @Override
    public String toString() {
      return name;
    }
  }

  private Samples() {}

  static Stream<Judged> verdicts() {
    List<Judged> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("samples/manifests"))) {
      for (Path sample : files.sorted().toList()) {
        String yaml = Files.readString(sample);
        out.add(
            new Judged(sample.getFileName() + " @staging", judge(yaml, TestManifests.staging())));
        out.add(
            new Judged(
                sample.getFileName() + " @production", judge(yaml, TestManifests.production())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.stream();
  }

  static Verdict judge(String yaml, ClusterProfile profile) {
    return Gate.judge(
        LoadModel.project(TestManifests.accessSets(yaml, profile), profile),
        Policy.DEFAULT,
        List.of());
  }

  /** The telemetry sample with {@code kubeload.io/ignore} on its DaemonSet. */
  static String telemetryIgnoring(String ignore) throws IOException {
    String yaml = Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml"));
    return yaml.replaceFirst(
        "kind: DaemonSet\nmetadata:\n",
        "kind: DaemonSet\nmetadata:\n  annotations:\n    kubeload.io/ignore: \"" + ignore + "\"\n");
  }
}
