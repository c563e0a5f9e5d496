package io.kubeload.workload;

/**
 * Pods a workload runs in production and why: "3 replicas", "HPA maxReplicas 10", "one per node".
 *
 * @param perNode true for DaemonSets: the count is the profile's node count
 */
public record PodCount(int count, boolean perNode, String reason) {

  public PodCount {
    if (count < 0) {
      throw new IllegalArgumentException("pod count must be ≥ 0");
    }
  }

  /** The same workload in a cluster of {@code nodes} nodes. */
  public PodCount atNodes(int nodes) {
    return perNode ? new PodCount(nodes, true, reason) : this;
  }
}
