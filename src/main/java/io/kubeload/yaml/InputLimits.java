package io.kubeload.yaml;

import java.util.Locale;

/**
 * Hard limits on what one run reads (docs/limits.md). Reaching one is an input error naming the
 * file, the line and the flag that raises it: kubeload never analyses part of its input and passes.
 *
 * @param maxInputBytes bytes of all manifest files and stdin together, checked before they are read
 * @param maxFiles manifest files found in the folders and files named
 * @param maxDocuments YAML documents in all inputs together, empty ones included
 * @param maxDocumentChars characters (Unicode code points) in one YAML document
 * @param maxNestingDepth mappings and lists nested in one another
 * @param maxAliases aliases to a mapping or list in one document
 */
public record InputLimits(
    long maxInputBytes,
    int maxFiles,
    int maxDocuments,
    int maxDocumentChars,
    int maxNestingDepth,
    int maxAliases) {

  public static final String MAX_INPUT_BYTES = "--max-input-bytes";
  public static final String MAX_FILES = "--max-files";
  public static final String MAX_DOCUMENTS = "--max-documents";
  public static final String MAX_DOCUMENT_CHARS = "--max-document-chars";
  public static final String MAX_NESTING_DEPTH = "--max-nesting-depth";
  public static final String MAX_ALIASES = "--max-aliases";

  /**
   * 32 MiB of input: two and a half times all of shared/corpus (12.6 MB, 54 charts, read in 17 s and
   * 356 MB at the launcher's -Xmx1g; five copies, 63 MB, needed 994 MB: docs/limits.md). 10,000
   * files: a chart renders one per template. 10,000 documents: nine times the corpus (1,096), and the
   * most that a workload-dense input reads in seconds (docs/limits.md: 9,523 took 9 s, 19,034 took
   * 81 s). 3 MiB per document: the API server's request body limit (MaxRequestBodyBytes,
   * docs/sources.md §2.5), so no bigger object can be applied. 100 levels: nearly three times
   * the deepest document in the corpus (35, argo-cd's CRD schemas). 100 aliases: twice snakeyaml's
   * own default of 50; helm output has none.
   */
  public static final InputLimits DEFAULT =
      new InputLimits(32L * 1024 * 1024, 10_000, 10_000, 3 * 1024 * 1024, 100, 100);

  public InputLimits {
    if (maxInputBytes < 1
        || maxFiles < 1
        || maxDocuments < 1
        || maxDocumentChars < 1
        || maxNestingDepth < 1
        || maxAliases < 0) {
      throw new IllegalArgumentException("input limits must be positive (aliases may be 0)");
    }
  }

  /** "more than 100 aliases ... (the limit is 100: raise it with --max-aliases)" in one place. */
  public static String reached(String what, long limit, String flag) {
    return what
        + " (the limit is "
        + String.format(Locale.ROOT, "%,d", limit)
        + ": raise it with "
        + flag
        + ")";
  }
}
