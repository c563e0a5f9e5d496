package io.kubeload.workload;

/**
 * Pods a workload runs in production and why: "3 replicas", "HPA maxReplicas 10", "one per node".
 *
 * @param perNode true when the count grows with the profile's node count (DaemonSets, and
 *     workloads an autoscaler or operator sizes by the nodes)
 * @param ratio how the count follows the nodes when {@code perNode}
 */
public record PodCount(int count, boolean perNode, String reason, NodeRatio ratio) {

  public PodCount {
    if (count < 0) {
      throw new IllegalArgumentException("pod count must be ≥ 0");
    }
  }

  /** A fixed count, or one pod per node. */
  public PodCount(int count, boolean perNode, String reason) {
    this(count, perNode, reason, NodeRatio.ONE_PER_NODE);
  }

  /**
   * Pods as a function of nodes: {@code clamp(round(nodes / nodesPerPod) + offset, min, max)}, the
   * quotient rounded up or down.
   */
  public record NodeRatio(double nodesPerPod, boolean roundUp, int offset, int min, int max) {

    public static final NodeRatio ONE_PER_NODE = new NodeRatio(1, true, 0, 0, Integer.MAX_VALUE);

    public int podsAt(int nodes) {
      double quotient = nodes / nodesPerPod;
      long pods = (long) (roundUp ? Math.ceil(quotient) : Math.floor(quotient)) + offset;
      return (int) Math.max(min, Math.min(max, pods));
    }
  }

  /** The same workload in a cluster of {@code nodes} nodes. */
  public PodCount atNodes(int nodes) {
    return perNode ? new PodCount(ratio.podsAt(nodes), true, reason, ratio) : this;
  }

  /** One pod on every node: a DaemonSet. */
  public boolean onePerNode() {
    return perNode && ratio.equals(NodeRatio.ONE_PER_NODE);
  }
}
