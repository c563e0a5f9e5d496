package io.kubeload.cli;

import io.kubeload.yaml.InputLimits;
import picocli.CommandLine.Option;

/** The read limits as flags (docs/limits.md); each defaults to {@link InputLimits#DEFAULT}. */
final class LimitOptions {

  @Option(
      names = InputLimits.MAX_INPUT_BYTES,
      paramLabel = "BYTES",
      description =
          "Most bytes read from all manifests and stdin together (and from a profile or policy file). Default: ${DEFAULT-VALUE}.")
  long maxInputBytes = InputLimits.DEFAULT.maxInputBytes();

  @Option(
      names = InputLimits.MAX_FILES,
      paramLabel = "N",
      description = "Most manifest files read. Default: ${DEFAULT-VALUE}.")
  int maxFiles = InputLimits.DEFAULT.maxFiles();

  @Option(
      names = InputLimits.MAX_DOCUMENTS,
      paramLabel = "N",
      description = "Most YAML documents read, empty ones included. Default: ${DEFAULT-VALUE}.")
  int maxDocuments = InputLimits.DEFAULT.maxDocuments();

  @Option(
      names = InputLimits.MAX_DOCUMENT_CHARS,
      paramLabel = "N",
      description = "Most characters in one YAML document. Default: ${DEFAULT-VALUE}.")
  int maxDocumentChars = InputLimits.DEFAULT.maxDocumentChars();

  @Option(
      names = InputLimits.MAX_NESTING_DEPTH,
      paramLabel = "N",
      description = "Deepest nesting of mappings and lists. Default: ${DEFAULT-VALUE}.")
  int maxNestingDepth = InputLimits.DEFAULT.maxNestingDepth();

  @Option(
      names = InputLimits.MAX_ALIASES,
      paramLabel = "N",
      description =
          "Most aliases to mappings and lists in one document. Default: ${DEFAULT-VALUE}.")
  int maxAliases = InputLimits.DEFAULT.maxAliases();

  InputLimits limits() {
    try {
      return new InputLimits(
          maxInputBytes, maxFiles, maxDocuments, maxDocumentChars, maxNestingDepth, maxAliases);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--max-* limits must be at least 1 (--max-aliases at least 0)");
    }
  }
}
