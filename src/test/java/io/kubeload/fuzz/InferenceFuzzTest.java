package io.kubeload.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kubeload.manifest.ManifestParser;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.yaml.InputException;

/**
 * Coverage-guided fuzzing of the inference (docs/fuzzing.md): manifest text through workloads,
 * accesses, load, the gate and every report format. Input the reader accepts must never make a
 * later stage throw; input it rejects must be one {@link InputException}.
 */
class InferenceFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void acceptedManifestsAlwaysGiveAVerdictAndEveryReport(byte[] input) {
    ManifestSet manifests;
    try {
      manifests = ManifestSet.of(ManifestParser.parse("fuzz.yaml", input));
    } catch (InputException expected) {
      Fuzzing.checkOneLine(expected);
      return;
    }
    try {
      Fuzzing.reports(manifests);
    } catch (InputException expected) {
      // Some problems only show once objects meet (an access annotation, a catalog config): still
      // one line.
      Fuzzing.checkOneLine(expected);
    }
  }
}
