package io.kubeload.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.access.AccessSet;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.LoadModel;
import io.kubeload.model.LoadShape;
import io.kubeload.model.Projection;
import io.kubeload.model.Simulations;
import io.kubeload.testing.TestManifests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate searches break-even and load curves once per {@link LoadShape}: a workload judged among
 * others of its shape gets exactly the figures its own search gives it alone (seeded random
 * repositories of releases, some of them the same workload under other names and namespaces).
 */
class SearchedOncePerShapeTest {

  private static final List<String> RESOURCES =
      List.of("pods", "nodes", "services", "endpointslices", "configmaps", "secrets", "leases");
  private static final List<String> SCOPES = List.of("cluster", "namespace", "own-node", "named");
  private static final List<String> PATTERNS = List.of("informer", "poll", "get-per-event");
  private static final List<String> NAMESPACES =
      List.of("kube-system", "platform", "tenant-1", "tenant-2");

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 16);
  }

  /** A workload declaring its accesses, under a name and namespace of its own. */
  static String workload(Random random, String name, String namespace) {
    StringBuilder declared = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      String pattern = PATTERNS.get(random.nextInt(PATTERNS.size()));
      declared
          .append("      - {resource: ")
          .append(RESOURCES.get(random.nextInt(RESOURCES.size())))
          .append(", scope: ")
          .append(SCOPES.get(random.nextInt(SCOPES.size())))
          .append(", pattern: ")
          .append(pattern)
          .append(pattern.equals("poll") ? ", periodSeconds: " + (5 + random.nextInt(300)) : "")
          .append("}\n");
    }
    boolean daemonSet = random.nextInt(3) == 0;
    return """
        apiVersion: apps/v1
        kind: %s
        metadata:
          name: %s
          namespace: %s
          annotations:
            kubeload.io/access: |
        %s
        spec:
        %s  selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers: [{name: c, image: example.com/%s:1}]
        ---
        """
        .formatted(
            daemonSet ? "DaemonSet" : "Deployment",
            name,
            namespace,
            declared.toString().stripTrailing(),
            daemonSet ? "" : "  replicas: " + (1 + random.nextInt(40)) + "\n",
            name,
            name,
            name);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aWorkloadAmongOthersOfItsShapeGetsTheFiguresOfItsOwnSearch(long seed) {
    Random random = new Random(seed);
    StringBuilder yaml = new StringBuilder();
    for (int release = 0; release < 4; release++) {
      long shape = random.nextLong();
      // The same workload under up to three names and namespaces: equal shapes unless the namespace
      // moves it to another level.
      for (int copy = 0, copies = 1 + random.nextInt(3); copy < copies; copy++) {
        yaml.append(
            workload(
                new Random(shape),
                "w" + release + "-" + copy,
                NAMESPACES.get(random.nextInt(NAMESPACES.size()))));
      }
    }
    ClusterProfile profile =
        TestManifests.production()
            .withNodes(List.of(20, 500, 5_000, 12_000).get(random.nextInt(4)));
    List<AccessSet> sets = TestManifests.accessSets(yaml.toString(), profile);
    Verdict together = judge(sets, profile);
    Map<String, LoadShape> byRelease = new HashMap<>();
    for (AccessSet set : sets) {
      ObjectRef ref = set.workload().ref();
      Verdict alone = judge(List.of(set), profile);
      assertThat(together.workloads()).containsKey(ref);
      assertThat(together.breakEvenNodes(ref))
          .as(ref.toString())
          .isEqualTo(alone.breakEvenNodes(ref));
      assertThat(together.loadCurve(ref)).as(ref.toString()).isEqualTo(alone.loadCurve(ref));
      // Copies outside kube-system land in the same levels: one shape, one search.
      if (!set.workload().namespace().equals("kube-system")) {
        String release = set.workload().ref().name().split("-", -1)[0];
        LoadShape shape = LoadShape.of(set, together.projection().apf());
        assertThat(byRelease.computeIfAbsent(release, r -> shape))
            .as(ref.toString())
            .isEqualTo(shape);
      }
    }
  }

  private static Verdict judge(List<AccessSet> sets, ClusterProfile profile) {
    Projection projection = LoadModel.project(sets, profile);
    return Gate.judge(projection, Simulations.of(projection, 30), Policy.DEFAULT, List.of());
  }
}
