package io.kubeload.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.access.AccessSet;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.LoadModel;
import io.kubeload.model.LoadShape;
import io.kubeload.model.Projection;
import io.kubeload.model.Simulations;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.model.apf.Classifier;
import io.kubeload.testing.RandomReleases;
import io.kubeload.testing.TestManifests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate searches break-even, load curves and the paced roll-out once per {@link LoadShape}: a
 * workload judged among others of its shape gets exactly the figures its own search gives it alone (seeded random
 * repositories of releases, some of them the same workload under other names and namespaces).
 */
class SearchedOncePerShapeTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 16);
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
            RandomReleases.workload(
                new Random(shape),
                "w" + release + "-" + copy,
                RandomReleases.NAMESPACES.get(random.nextInt(RandomReleases.NAMESPACES.size()))));
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
      // The paced roll-out, searched once per shape, is the one its own search finds.
      WorkloadLoad load =
          together.projection().workloads().stream()
              .filter(l -> l.ref().equals(ref))
              .findFirst()
              .orElseThrow();
      assertThat(together.workloads().get(ref).recommendation())
          .as(ref.toString())
          .isEqualTo(Recommendations.of(load, together.projection(), Policy.DEFAULT, 30));
      // Copies outside kube-system land in the same levels: one shape, one search.
      if (!set.workload().namespace().equals("kube-system")) {
        String release = set.workload().ref().name().split("-", -1)[0];
        LoadShape shape = LoadShape.of(set, new Classifier(together.projection().apf()));
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
