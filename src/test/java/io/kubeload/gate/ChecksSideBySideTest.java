package io.kubeload.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.access.inference.AccessInference;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.model.LoadModel;
import io.kubeload.model.Projection;
import io.kubeload.model.RolloutSimulation;
import io.kubeload.model.Simulations;
import io.kubeload.parallel.SideBySide;
import io.kubeload.testing.RandomReleases;
import io.kubeload.testing.TestManifests;
import io.kubeload.workload.Workloads;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Over a repository of releases the checks run side by side, and find what they find one by one. */
class ChecksSideBySideTest {

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aRepositoryOfReleasesIsCheckedAsOneCheckAfterAnother() {
    ManifestSet manifests = TestManifests.set(RandomReleases.repository(7, SideBySide.FROM + 300));
    ClusterProfile profile = TestManifests.production();
    Projection projection =
        LoadModel.project(
            Workloads.from(manifests, profile).stream()
                .map(w -> AccessInference.infer(w, manifests))
                .toList(),
            profile);
    Check.Context context =
        new Check.Context(
            projection,
            Policy.DEFAULT,
            Optional.of(Simulations.of(projection, RolloutSimulation.DEFAULT_HORIZON_SECONDS)),
            Map.of());

    assertThat(Checks.run(Checks.ALL, context))
        .isNotEmpty()
        .isEqualTo(Checks.ALL.stream().flatMap(c -> c.findings(context).stream()).toList());
  }
}
