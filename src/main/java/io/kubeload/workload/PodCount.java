package io.kubeload.workload;

import java.util.Optional;

/**
 * Pods a workload runs in production and why: "3 replicas", "HPA maxReplicas 10", "one per node",
 * "1,200 of 5,000 nodes: pool gpu (nodeSelector accelerator=nvidia)", "ceil(nodes / 16)".
 *
 * @param perNode true for DaemonSets: one pod on each node they land on
 * @param nodeShare for DaemonSets, the share of the cluster's nodes they land on (0 to 1), so that the
 *     count follows the node count; 0 otherwise
 * @param ratio for workloads an autoscaler or operator sizes by the node count (not one per node):
 *     how their pods follow the nodes
 */
public record PodCount(int count, boolean perNode, double nodeShare, String reason, Optional<NodeRatio> ratio) {

  public PodCount {
    if (count < 0) {
      throw new IllegalArgumentException("pod count must be ≥ 0");
    }
    if (!(nodeShare >= 0 && nodeShare <= 1) || !perNode && nodeShare != 0) {
      throw new IllegalArgumentException("node share must be in [0, 1], and 0 unless one pod per node");
    }
    if (perNode && ratio.isPresent()) {
      throw new IllegalArgumentException("one pod per node or a ratio of the nodes, not both");
    }
  }

  /**
   * Pods as a function of nodes: {@code clamp(round(nodes / nodesPerPod) + offset, min, max)}, the
   * quotient rounded up or down.
   */
  public record NodeRatio(double nodesPerPod, boolean roundUp, int offset, int min, int max) {

    public int podsAt(int nodes) {
      double quotient = nodes / nodesPerPod;
      long pods = (long) (roundUp ? Math.ceil(quotient) : Math.floor(quotient)) + offset;
      return (int) Math.max(min, Math.min(max, pods));
    }
  }

  /** A fixed number of pods, whatever the cluster's size. */
  public static PodCount fixed(int count, String reason) {
    return new PodCount(count, false, 0, reason, Optional.empty());
  }

  /** One pod on each node of a {@code share} of the cluster's {@code nodes} nodes. */
  public static PodCount onNodes(double share, int nodes, String reason) {
    return new PodCount(podsOn(share, nodes), true, share, reason, Optional.empty());
  }

  /** Pods in proportion to the cluster's {@code nodes} nodes. */
  public static PodCount proportional(NodeRatio ratio, int nodes, String reason) {
    return new PodCount(ratio.podsAt(nodes), false, 0, reason, Optional.of(ratio));
  }

  /** The same workload in a cluster of {@code nodes} nodes: never fewer pods in a larger cluster. */
  public PodCount atNodes(int nodes) {
    if (perNode) {
      return new PodCount(podsOn(nodeShare, nodes), true, nodeShare, reason, ratio);
    }
    return ratio.map(r -> new PodCount(r.podsAt(nodes), false, 0, reason, ratio)).orElse(this);
  }

  /** Whether the count grows with the nodes: one per node, or in proportion to them. */
  public boolean growsWithNodes() {
    return perNode || ratio.isPresent();
  }

  /** Pods on a share of a cluster's nodes: rounded, so never fewer in a larger cluster. */
  static int podsOn(double share, int nodes) {
    return (int) Math.round(share * nodes);
  }
}
