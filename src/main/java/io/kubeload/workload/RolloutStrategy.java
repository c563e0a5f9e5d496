package io.kubeload.workload;

/**
 * How a workload replaces its pods on an update: at most {@code maxUnavailable} pods down and
 * {@code maxSurge} extra at a time, each counted ready after {@code minReadySeconds}.
 *
 * @param type RollingUpdate, OnDelete, Recreate, or none for kinds without updates (Job, Pod)
 * @param declared the strategy as written, e.g. {@code maxUnavailable=10% maxSurge=0}
 */
public record RolloutStrategy(
    String type, int maxUnavailable, int maxSurge, int minReadySeconds, String declared) {

  public RolloutStrategy {
    // Written alike by most workloads of a repository, and kept to the report by each
    // (docs/performance.md).
    declared = declared.intern();
  }

  /** Kinds that are not rolled out: Jobs, bare Pods, ReplicaSets. */
  public static final RolloutStrategy NONE = new RolloutStrategy("None", 0, 0, 0, "none");

  /** Pods replaced per wave: the larger of the two budgets, at least one. */
  public int podsPerWave() {
    return Math.max(1, Math.max(maxUnavailable, maxSurge));
  }
}
