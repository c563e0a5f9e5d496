package io.kubeload.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.access.inference.AccessInference;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.parallel.SideBySide;
import io.kubeload.testing.RandomReleases;
import io.kubeload.testing.TestManifests;
import io.kubeload.workload.Workload;
import io.kubeload.workload.Workloads;
import io.kubeload.yaml.InputException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inference side by side (a repository of releases) gives each workload the access set inferring
 * them one by one gives, in the workloads' order, and the first workload's error when several fail.
 */
class InferredSideBySideTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aRepositoryOfReleasesIsInferredAsOneByOne(long seed) {
    ManifestSet manifests =
        TestManifests.set(RandomReleases.repository(seed, SideBySide.FROM + 200));
    List<Workload> workloads = Workloads.from(manifests, TestManifests.production());

    assertThat(Analyzer.sideBySide(workloads, manifests))
        .isEqualTo(workloads.stream().map(w -> AccessInference.infer(w, manifests)).toList());
  }

  @Test
  void ofSeveralErrorsTheFirstWorkloadsIsThrown() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      yaml.append(
          """
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: app-%03d
            namespace: apps
            annotations:
              kubeload.io/access: %s
          spec:
            template:
              spec:
                containers: [{name: app, image: x}]
          """
              .formatted(i, i < 40 ? "'[]'" : "pods"));
    }
    ManifestSet manifests = TestManifests.set(yaml.toString());
    List<Workload> workloads = Workloads.from(manifests, TestManifests.production());
    int line = TestManifests.lineOf(yaml.toString(), "name: app-040") + 3;

    assertThatThrownBy(() -> Analyzer.sideBySide(workloads, manifests))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("test.yaml:" + line + ": ")
        .hasMessageContaining("must be a YAML list");
  }
}
