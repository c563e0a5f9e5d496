package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.access.AccessSet;
import io.kubeload.access.inference.AccessInference;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.model.apf.Classifier;
import io.kubeload.parallel.SideBySide;
import io.kubeload.testing.RandomReleases;
import io.kubeload.testing.TestManifests;
import io.kubeload.workload.Workloads;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A repository of releases projected side by side, in batches with a classifier each, gives every
 * workload the load projecting them one by one with one classifier gives, in their order.
 */
class ProjectedSideBySideTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2})
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aRepositoryOfReleasesIsProjectedAsOneByOne(long seed) {
    ManifestSet manifests =
        TestManifests.set(RandomReleases.repository(seed, SideBySide.FROM + 700));
    ClusterProfile profile = TestManifests.production();
    List<AccessSet> sets =
        Workloads.from(manifests, profile).stream()
            .map(w -> AccessInference.infer(w, manifests))
            .toList();

    Projection projection = LoadModel.project(sets, profile);
    Classifier classifier = new Classifier(projection.apf());

    assertThat(projection.workloads())
        .isEqualTo(
            sets.stream()
                .map(s -> LoadModel.workload(s, profile, classifier, projection.levels()))
                .toList());
  }
}
