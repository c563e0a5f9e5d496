package io.kubeload.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kubeload.manifest.ManifestParser;
import io.kubeload.yaml.InputException;
import java.nio.charset.StandardCharsets;

/**
 * Size-driven fuzzing of the reader (docs/fuzzing.md): byte-level mutation alone stays near its
 * seeds' few kilobytes and never reaches the costs that grow with size (a long line, a List of
 * thousands of items, a value of braces). Here the fuzzer chooses a shape, a fragment (from YAML's
 * and Helm's tokens in the dictionary) and how many times it repeats, up to megabytes, and the reader
 * must answer with manifests or one input error, as for any bytes.
 */
class HostileSizeFuzzTest {

  private static final int MAX_REPEATS = 400_000;

  /** Up to a megabyte of repeated text: past the costs that grow with size, still many runs a minute. */
  private static final int MAX_CHARS = 1_000_000;

  @FuzzTest(maxDuration = "15s")
  @DictionaryFile(resourcePath = "yaml.dict")
  void repeatedFragmentsAreManifestsOrOneInputError(FuzzedDataProvider data) {
    int shape = data.consumeInt(0, 6);
    int repeats = data.consumeInt(0, MAX_REPEATS);
    String fragment = data.consumeString(64);
    String tail = data.consumeRemainingAsString();
    String body = fragment.repeat(Math.min(repeats, MAX_CHARS / Math.max(1, fragment.length())));
    String yaml =
        switch (shape) {
          case 0 -> "# " + body + "\n" + tail;
          case 1 ->
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \""
                  + body
                  + "\"\n"
                  + tail;
          case 2 ->
              "apiVersion: v1\nkind: List\nitems:\n"
                  + ("- apiVersion: v1\n  kind: ServiceAccount\n  metadata: {name: s"
                          + fragment
                          + "}\n")
                      .repeat(Math.min(repeats, 20_000))
                  + tail;
          case 3 ->
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nx: &a ["
                  + body
                  + "]\ny: ["
                  + "*a,".repeat(Math.min(repeats, 200))
                  + "]\n"
                  + tail;
          case 4 -> ("---\n" + fragment + "\n").repeat(Math.min(repeats, 20_000)) + tail;
          case 5 ->
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "
                  + "[".repeat(Math.min(repeats, 5_000))
                  + body
                  + tail;
          default ->
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  "
                  + body
                  + ": "
                  + tail
                  + "\n";
        };
    try {
      ManifestParser.parse("fuzz.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    } catch (InputException expected) {
      Fuzzing.checkOneLine(expected);
    }
  }
}
