package io.kubeload.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.access.inference.AccessInference;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.Profiles;
import io.kubeload.gate.Gate;
import io.kubeload.gate.Policy;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.model.LoadModel;
import io.kubeload.model.Projection;
import io.kubeload.model.Simulations;
import io.kubeload.model.apf.ApfConfiguration;
import io.kubeload.testing.JacksonBinding;
import io.kubeload.testing.RealManifests;
import io.kubeload.workload.Workloads;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kubeload binds only the fabric8 fields it reads (manifest.KubernetesShapes). If a stage read a
 * field that is not bound, its report would differ from the one built on fabric8's full Jackson
 * binding of the same YAML: over the samples and the corpus charts, the two JSON reports are equal.
 */
class HandBindingEquivalenceTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.kubeload.testing.RealManifests#files")
  void theReportIsTheOneFabric8sFullBindingGives(Path input) {
    ManifestSet bound = RealManifests.read(input);
    ManifestSet oracle = JacksonBinding.rebound(bound);

    assertThat(report(bound)).as(input.toString()).isEqualTo(report(oracle));
  }

  private static String report(ManifestSet manifests) {
    ClusterProfile profile = Profiles.load(Profiles.DEFAULT);
    ApfConfiguration apf = ApfConfiguration.of(profile.version(), List.of(), manifests);
    Projection projection =
        LoadModel.project(
            Workloads.from(manifests, profile).stream()
                .map(w -> AccessInference.infer(w, manifests))
                .toList(),
            profile,
            apf);
    // A short horizon: the roll-outs' shapes come from the typed strategies, their length does not.
    return Reports.render(
        Gate.judge(
            projection,
            Simulations.of(projection, 30),
            Policy.DEFAULT,
            manifests.skippedTestHooks()),
        Format.JSON);
  }
}
