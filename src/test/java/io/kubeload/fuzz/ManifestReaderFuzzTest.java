package io.kubeload.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kubeload.manifest.ManifestParser;
import io.kubeload.yaml.InputException;

/**
 * Coverage-guided fuzzing of the reader (docs/fuzzing.md): any bytes are either manifests or one
 * {@link InputException}; anything else thrown (a crash) fails the test. {@code mvn verify} runs the
 * seed corpus under {@code ManifestReaderFuzzTestInputs/} and, in the {@code fuzz} surefire
 * execution, fuzzes for a bounded time.
 */
class ManifestReaderFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void anyBytesAreManifestsOrOneInputError(byte[] input) {
    try {
      ManifestParser.parse("fuzz.yaml", input);
    } catch (InputException expected) {
      Fuzzing.checkOneLine(expected);
    }
  }
}
