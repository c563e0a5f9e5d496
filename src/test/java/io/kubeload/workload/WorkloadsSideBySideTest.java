package io.kubeload.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.manifest.ManifestSet;
import io.kubeload.parallel.SideBySide;
import io.kubeload.testing.RandomReleases;
import io.kubeload.testing.TestManifests;
import io.kubeload.yaml.InputException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Workloads found side by side (a repository's objects) are the workloads found one by one, in the
 * objects' order, and of several objects' errors the first object's is thrown.
 */
class WorkloadsSideBySideTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aRepositoryOfReleasesGivesTheWorkloadsOneByOneGives(long seed) {
    ManifestSet manifests =
        TestManifests.set(RandomReleases.repository(seed, SideBySide.FROM + 200));
    assertThat(manifests.manifests()).hasSizeGreaterThanOrEqualTo(SideBySide.FROM);

    assertThat(Workloads.from(manifests, TestManifests.production()))
        .isEqualTo(Workloads.oneByOne(manifests, TestManifests.production()))
        .hasSizeGreaterThanOrEqualTo(SideBySide.FROM);
  }

  @Test
  void ofSeveralErrorsTheFirstObjectsIsThrown() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < SideBySide.FROM + 100; i++) {
      yaml.append(
          """
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: app-%04d
            namespace: apps
          spec:
            replicas: %d
            template:
              spec:
                containers: [{name: app, image: x}]
          """
              .formatted(i, i < 700 ? 2 : -1));
    }
    ManifestSet manifests = TestManifests.set(yaml.toString());
    int line = TestManifests.lineOf(yaml.toString(), "name: app-0700") + 3;

    assertThatThrownBy(() -> Workloads.from(manifests, TestManifests.production()))
        .isInstanceOf(InputException.class)
        .hasMessage("test.yaml:" + line + ": spec.replicas must not be negative");
  }
}
