package io.kubeload.testing;

import io.kubeload.access.AccessSet;
import io.kubeload.access.inference.AccessInference;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.Profiles;
import io.kubeload.manifest.ManifestParser;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.workload.Workloads;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Inline YAML for stage tests: {@code TestManifests.set("""...""")}. */
public final class TestManifests {

  private TestManifests() {}

  public static ManifestSet set(String yaml) {
    return ManifestSet.of(ManifestParser.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
  }

  /** A ServiceAccount's YAML: the smallest valid object, for tests of reading. */
  public static String serviceAccount(String name) {
    return """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: %s
        """
        .formatted(name);
  }

  /** 1-based line of the first line of {@code yaml} containing {@code marker}. */
  public static int lineOf(String yaml, String marker) {
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(marker)) {
        return i + 1;
      }
    }
    throw new AssertionError("marker not found: " + marker);
  }

  public static ClusterProfile production() {
    return Profiles.load("production");
  }

  /**
   * The production preset with kube-apiserver's default in-flight flags (400 + 200 = 600 seats), the
   * setting APF's published tables of nominal seats are computed for.
   */
  public static ClusterProfile productionAtDefaultFlags() {
    ClusterProfile p = production();
    ClusterProfile.ApiServers s = p.apiServers();
    return new ClusterProfile(
        p.name(),
        p.version(),
        p.nodes(),
        p.podsPerNode(),
        new ClusterProfile.ApiServers(
            s.replicas(), 400, 200, s.memoryBytes(), s.listMemoryAmplification()),
        p.latency(),
        p.rollout(),
        p.resources(),
        p.existingSeatDemand(),
        p.nodePools());
  }

  public static ClusterProfile staging() {
    return Profiles.load("staging");
  }

  /** Workloads and their inferred accesses, as the analyze pipeline builds them. */
  public static List<AccessSet> accessSets(String yaml, ClusterProfile profile) {
    ManifestSet manifests = set(yaml);
    return Workloads.from(manifests, profile).stream()
        .map(w -> AccessInference.infer(w, manifests))
        .toList();
  }
}
