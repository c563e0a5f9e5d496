package io.kubeload.cli;

import static io.kubeload.cli.CommandSpecs.option;

import io.kubeload.yaml.InputLimits;
import picocli.CommandLine.Model.CommandSpec;

/** The read limits as flags (docs/limits.md); each defaults to {@link InputLimits#DEFAULT}. */
final class LimitOptions {

  private long maxInputBytes = InputLimits.DEFAULT.maxInputBytes();
  private int maxFiles = InputLimits.DEFAULT.maxFiles();
  private int maxDocuments = InputLimits.DEFAULT.maxDocuments();
  private int maxDocumentChars = InputLimits.DEFAULT.maxDocumentChars();
  private int maxNestingDepth = InputLimits.DEFAULT.maxNestingDepth();
  private int maxAliases = InputLimits.DEFAULT.maxAliases();

  void addTo(CommandSpec spec) {
    spec.addOption(
        option(long.class, () -> maxInputBytes, v -> maxInputBytes = v, InputLimits.MAX_INPUT_BYTES)
            .paramLabel("BYTES")
            .description(
                "Most bytes read from all manifests and stdin together (and from a profile or policy file). Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        option(int.class, () -> maxFiles, v -> maxFiles = v, InputLimits.MAX_FILES)
            .paramLabel("N")
            .description("Most manifest files read. Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        option(int.class, () -> maxDocuments, v -> maxDocuments = v, InputLimits.MAX_DOCUMENTS)
            .paramLabel("N")
            .description(
                "Most YAML documents read, empty ones included. Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        option(
                int.class,
                () -> maxDocumentChars,
                v -> maxDocumentChars = v,
                InputLimits.MAX_DOCUMENT_CHARS)
            .paramLabel("N")
            .description("Most characters in one YAML document. Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        option(
                int.class,
                () -> maxNestingDepth,
                v -> maxNestingDepth = v,
                InputLimits.MAX_NESTING_DEPTH)
            .paramLabel("N")
            .description("Deepest nesting of mappings and lists. Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        option(int.class, () -> maxAliases, v -> maxAliases = v, InputLimits.MAX_ALIASES)
            .paramLabel("N")
            .description(
                "Most aliases to mappings and lists in one document. Default: ${DEFAULT-VALUE}.")
            .build());
  }

  InputLimits limits() {
    try {
      return new InputLimits(
          maxInputBytes, maxFiles, maxDocuments, maxDocumentChars, maxNestingDepth, maxAliases);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--max-* limits must be at least 1 (--max-aliases at least 0)");
    }
  }
}
