package io.kubeload.workload;

/**
 * Pods a workload runs in production and why: "3 replicas", "HPA maxReplicas 10", "one per node",
 * "1,200 of 5,000 nodes: pool gpu (nodeSelector accelerator=nvidia)", "ceil(nodes / 16)". A fixed
 * count, one pod on each node of a share of the cluster, or pods in proportion to the nodes: each
 * carries only what it needs to follow the node count.
 */
public sealed interface PodCount {

  int count();

  String reason();

  /** The same workload in a cluster of {@code nodes} nodes: never fewer pods in a larger cluster. */
  PodCount atNodes(int nodes);

  /** A fixed number of pods, whatever the cluster's size. */
  record Fixed(int count, String reason) implements PodCount {

    public Fixed {
      requireCount(count);
      // Alike in most workloads of a repository, and kept to the report by each
      // (docs/performance.md).
      reason = reason.intern();
    }

    @Override
    public PodCount atNodes(int nodes) {
      return this;
    }
  }

  /**
   * One pod on each node a DaemonSet lands on.
   *
   * @param share the share of the cluster's nodes it lands on (0 to 1), so that the count follows the node count
   */
  record PerNode(double share, int count, String reason) implements PodCount {

    public PerNode {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("node share must be in [0, 1]");
      }
      requireCount(count);
    }

    @Override
    public PodCount atNodes(int nodes) {
      return new PerNode(share, podsOn(share, nodes), reason);
    }

    /** Pods on a share of a cluster's nodes: rounded, so never fewer in a larger cluster. */
    static int podsOn(double share, int nodes) {
      return (int) Math.round(share * nodes);
    }
  }

  /** Pods an autoscaler or operator sizes by the node count (not one per node). */
  record Proportional(NodeRatio ratio, int count, String reason) implements PodCount {

    public Proportional {
      requireCount(count);
    }

    @Override
    public PodCount atNodes(int nodes) {
      return new Proportional(ratio, ratio.podsAt(nodes), reason);
    }
  }

  /**
   * Pods as a function of nodes: {@code clamp(round(nodes / nodesPerPod) + offset, min, max)}, the
   * quotient rounded up or down.
   */
  record NodeRatio(double nodesPerPod, boolean roundUp, int offset, int min, int max) {

    // The record's own equals and hashCode, without method handles (SpelledOutRecordsTest).
    @Override
    public boolean equals(Object other) {
      return other instanceof NodeRatio ratio
          && Double.compare(nodesPerPod, ratio.nodesPerPod) == 0
          && roundUp == ratio.roundUp
          && offset == ratio.offset
          && min == ratio.min
          && max == ratio.max;
    }

    @Override
    public int hashCode() {
      int hash = Double.hashCode(nodesPerPod);
      hash = 31 * hash + Boolean.hashCode(roundUp);
      hash = 31 * hash + Integer.hashCode(offset);
      hash = 31 * hash + Integer.hashCode(min);
      return 31 * hash + Integer.hashCode(max);
    }

    public int podsAt(int nodes) {
      double quotient = nodes / nodesPerPod;
      long pods = (long) (roundUp ? Math.ceil(quotient) : Math.floor(quotient)) + offset;
      return (int) Math.max(min, Math.min(max, pods));
    }
  }

  static PodCount fixed(int count, String reason) {
    return new Fixed(count, reason);
  }

  /** One pod on each node of a {@code share} of the cluster's {@code nodes} nodes. */
  static PodCount onNodes(double share, int nodes, String reason) {
    return new PerNode(share, PerNode.podsOn(share, nodes), reason);
  }

  /** Pods in proportion to the cluster's {@code nodes} nodes. */
  static PodCount proportional(NodeRatio ratio, int nodes, String reason) {
    return new Proportional(ratio, ratio.podsAt(nodes), reason);
  }

  /** One pod per node (a DaemonSet). */
  default boolean perNode() {
    return this instanceof PerNode;
  }

  /** Whether the count grows with the nodes: one per node, or in proportion to them. */
  default boolean growsWithNodes() {
    return !(this instanceof Fixed);
  }

  private static void requireCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("pod count must be ≥ 0");
    }
  }
}
