package io.kubeload.gate;

import io.kubeload.manifest.BoundedInput;
import io.kubeload.manifest.InputException;
import io.kubeload.manifest.InputLimits;
import io.kubeload.manifest.YamlDocuments;
import io.kubeload.manifest.YamlObject;
import java.util.List;

/**
 * The budgets a change is judged by (docs/policy.md). The defaults are policy choices, not physics:
 * each says what it protects.
 *
 * @param levelUtilization the most of a priority level's nominal seats that steady demand may use:
 *     beyond 1, the level depends on seats others may reclaim, and queues grow
 * @param startupRejections 429s a start-up storm may cause in its first pass
 * @param transientListMemoryFraction share of an API server's memory the LISTs in flight may hold
 * @param watchBytesPerSecondPerReplica watch egress one API server may send for the change
 * @param allowIgnores whether {@code kubeload.io/ignore} may skip findings; when false each ignore is an error
 */
public record Policy(
    double levelUtilization,
    double startupRejections,
    double transientListMemoryFraction,
    double watchBytesPerSecondPerReplica,
    boolean allowIgnores) {

  /** Budgets with ignores allowed. */
  public Policy(double levelUtilization, double startupRejections, double transientListMemoryFraction, double watchBytesPerSecondPerReplica) {
    this(levelUtilization, startupRejections, transientListMemoryFraction, watchBytesPerSecondPerReplica, true);
  }

  /**
   * Defaults: the level's nominal seats; no 429s; half the control plane's memory; 1 Gbit/s of watch
   * egress per replica (≈ 9,000 exemplar-pod events/s, a tenth of the 90,000 events/s that overwhelmed
   * a 96-core control plane in incidents.md §6).
   */
  public static final Policy DEFAULT = new Policy(1.0, 0, 0.5, 125_000_000);

  public static Policy load(String file) {
    return load(file, InputLimits.DEFAULT);
  }

  /** A policy file, read within the same limits as the manifests. */
  public static Policy load(String file, InputLimits limits) {
    List<YamlDocuments.Document> documents = YamlDocuments.read(file, BoundedInput.readFile(file, limits), limits);
    if (documents.size() != 1) {
      throw new InputException(file, 1, "a policy file holds exactly one Policy document");
    }
    YamlObject root = YamlObject.root(documents.get(0), file).onlyKeys("apiVersion", "kind", "metadata", "spec");
    if (!root.string("kind").equals("Policy")) {
      throw root.error("kind", "kind must be Policy, not " + root.string("kind"));
    }
    return fromSpec(root.object("spec"));
  }

  /** A Policy's {@code spec} (budgets and allowIgnores), as written in a policy file or in {@code .kubeload.yaml}. */
  public static Policy fromSpec(YamlObject spec) {
    spec.onlyKeys("budgets", "allowIgnores");
    YamlObject budgets = spec.optionalObject("budgets").orElse(null);
    if (budgets != null) {
      budgets.onlyKeys("levelUtilization", "startupRejections", "transientListMemoryFraction", "watchBytesPerSecondPerReplica");
    }
    String allowIgnores = spec.optionalString("allowIgnores").orElse("true");
    if (!allowIgnores.equals("true") && !allowIgnores.equals("false")) {
      throw spec.error("allowIgnores", spec.path() + ".allowIgnores must be true or false, not '" + allowIgnores + "'");
    }
    return new Policy(
        budget(budgets, "levelUtilization", DEFAULT.levelUtilization),
        budget(budgets, "startupRejections", DEFAULT.startupRejections),
        budget(budgets, "transientListMemoryFraction", DEFAULT.transientListMemoryFraction),
        budget(budgets, "watchBytesPerSecondPerReplica", DEFAULT.watchBytesPerSecondPerReplica),
        Boolean.parseBoolean(allowIgnores));
  }

  private static double budget(YamlObject budgets, String key, double fallback) {
    return budgets == null ? fallback : budgets.optionalNumber(key, 0).orElse(fallback);
  }
}
