package io.kubeload.workload;

/**
 * Pods a workload runs in production and why: "3 replicas", "HPA maxReplicas 10", "one per node",
 * "1,200 of 5,000 nodes: pool gpu (nodeSelector accelerator=nvidia)".
 *
 * @param perNode true for DaemonSets: one pod on each node they land on
 * @param nodeShare for DaemonSets, the share of the cluster's nodes they land on (0 to 1), so that the
 *     count follows the node count; 0 otherwise
 */
public record PodCount(int count, boolean perNode, double nodeShare, String reason) {

  public PodCount {
    if (count < 0) {
      throw new IllegalArgumentException("pod count must be ≥ 0");
    }
    if (!(nodeShare >= 0 && nodeShare <= 1) || !perNode && nodeShare != 0) {
      throw new IllegalArgumentException("node share must be in [0, 1], and 0 unless one pod per node");
    }
  }

  /** A fixed number of pods, whatever the cluster's size. */
  public static PodCount fixed(int count, String reason) {
    return new PodCount(count, false, 0, reason);
  }

  /** One pod on each node of a {@code share} of the cluster's {@code nodes} nodes. */
  public static PodCount onNodes(double share, int nodes, String reason) {
    return new PodCount(podsOn(share, nodes), true, share, reason);
  }

  /** The same workload in a cluster of {@code nodes} nodes: never fewer pods in a larger cluster. */
  public PodCount atNodes(int nodes) {
    return perNode ? new PodCount(podsOn(nodeShare, nodes), true, nodeShare, reason) : this;
  }

  /** Pods on a share of a cluster's nodes: rounded, so never fewer in a larger cluster. */
  static int podsOn(double share, int nodes) {
    return (int) Math.round(share * nodes);
  }
}
