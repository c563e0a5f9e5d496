package io.kubeload.gate;

import io.kubeload.yaml.InputException;
import io.kubeload.yaml.InputLimits;
import io.kubeload.yaml.YamlDocuments;
import io.kubeload.yaml.YamlObject;
import java.util.List;

/**
 * The budgets a change is judged by (docs/policy.md). The defaults are policy choices, not physics:
 * each says what it protects.
 *
 * @param levelUtilization the most of a priority level's nominal seats that steady demand may use:
 *     beyond 1, the level depends on seats others may reclaim, and queues grow
 * @param requestTimeoutSeconds how long a start-up storm may keep its priority level saturated, and one start-up
 *     LIST may take: past the request time-out, the level's other tenants time out and relist, and a LIST
 *     that outlasts it is retried for ever
 * @param transientListMemoryFraction share of an API server's memory the LISTs in flight may hold
 * @param watchBytesPerSecondPerReplica watch egress one API server may send for the change
 * @param allowIgnores whether {@code kubeload.io/ignore} may skip findings; when false each ignore is an error
 */
public record Policy(
    double levelUtilization,
    double requestTimeoutSeconds,
    double transientListMemoryFraction,
    double watchBytesPerSecondPerReplica,
    boolean allowIgnores) {

  /** Budgets with ignores allowed. */
  public Policy(
      double levelUtilization,
      double requestTimeoutSeconds,
      double transientListMemoryFraction,
      double watchBytesPerSecondPerReplica) {
    this(
        levelUtilization,
        requestTimeoutSeconds,
        transientListMemoryFraction,
        watchBytesPerSecondPerReplica,
        true);
  }

  /**
   * Defaults (docs/policy.md gives each one's derivation): the level's nominal seats; kube-apiserver's
   * default --request-timeout of 60 s; half the control plane's memory; 1 GB/s of watch egress per
   * replica, the EndpointSlice fan-out that upstream's 5,000-node test sustains on one control-plane
   * VM (45 slice writes/s × 3.6 kB × 5,313 kube-proxy and CoreDNS watchers ≈ 0.86 GB/s), rounded up.
   */
  public static final Policy DEFAULT = new Policy(1.0, 60, 0.5, 1_000_000_000);

  /** A policy file's bytes, parsed within the same limits as the manifests. */
  public static Policy parse(String file, byte[] bytes, InputLimits limits) {
    List<YamlDocuments.Document> documents = YamlDocuments.read(file, bytes, limits);
    if (documents.size() != 1) {
      throw new InputException(file, 1, "a policy file holds exactly one Policy document");
    }
    YamlObject root =
        YamlObject.root(documents.get(0), file).onlyKeys("apiVersion", "kind", "metadata", "spec");
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
      budgets.onlyKeys(
          "levelUtilization",
          "requestTimeoutSeconds",
          "transientListMemoryFraction",
          "watchBytesPerSecondPerReplica");
    }
    String allowIgnores = spec.optionalString("allowIgnores").orElse("true");
    if (!allowIgnores.equals("true") && !allowIgnores.equals("false")) {
      throw spec.error(
          "allowIgnores",
          spec.path() + ".allowIgnores must be true or false, not '" + allowIgnores + "'");
    }
    return new Policy(
        budget(budgets, "levelUtilization", DEFAULT.levelUtilization),
        budget(budgets, "requestTimeoutSeconds", DEFAULT.requestTimeoutSeconds),
        budget(budgets, "transientListMemoryFraction", DEFAULT.transientListMemoryFraction),
        budget(budgets, "watchBytesPerSecondPerReplica", DEFAULT.watchBytesPerSecondPerReplica),
        Boolean.parseBoolean(allowIgnores));
  }

  private static double budget(YamlObject budgets, String key, double fallback) {
    return budgets == null ? fallback : budgets.optionalNumber(key, 0).orElse(fallback);
  }
}
