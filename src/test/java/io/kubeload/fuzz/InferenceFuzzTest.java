package io.kubeload.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kubeload.access.AccessInference;
import io.kubeload.access.AccessSet;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.Profiles;
import io.kubeload.gate.Gate;
import io.kubeload.gate.Policy;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.InputException;
import io.kubeload.manifest.ManifestReader;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.model.LoadModel;
import io.kubeload.model.Projection;
import io.kubeload.model.Simulations;
import io.kubeload.model.apf.ApfConfiguration;
import io.kubeload.report.Format;
import io.kubeload.report.Reports;
import io.kubeload.workload.Workloads;
import java.util.List;

/**
 * Coverage-guided fuzzing of the inference (docs/fuzzing.md): manifest text through workloads,
 * accesses, load, the gate and every report format. Input the reader accepts must never make a
 * later stage throw; input it rejects must be one {@link InputException}.
 */
class InferenceFuzzTest {

  private static final ClusterProfile PROFILE = Profiles.load("staging");

  /** A short horizon keeps each execution fast; the simulations' code paths are the same. */
  private static final double SIMULATED_SECONDS = 60;

  @FuzzTest(maxDuration = "15s")
  void acceptedManifestsAlwaysGiveAVerdictAndEveryReport(byte[] input) {
    ManifestSet manifests;
    try {
      manifests = ManifestSet.of(ManifestReader.parse("fuzz.yaml", input));
    } catch (InputException expected) {
      Fuzzing.checkOneLine(expected);
      return;
    }
    try {
      List<AccessSet> accesses = Workloads.from(manifests, PROFILE).stream()
          .map(workload -> AccessInference.infer(workload, manifests))
          .toList();
      Projection projection = LoadModel.project(accesses, PROFILE, ApfConfiguration.of(PROFILE.version(), List.of(), manifests));
      Verdict verdict = Gate.judge(projection, Simulations.of(projection, SIMULATED_SECONDS), Policy.DEFAULT, manifests.skippedTestHooks());
      for (Format format : Format.values()) {
        Reports.render(verdict, format);
      }
    } catch (InputException expected) {
      // Some problems only show once objects meet (an access annotation, a catalog config): still one line.
      Fuzzing.checkOneLine(expected);
    }
  }
}
