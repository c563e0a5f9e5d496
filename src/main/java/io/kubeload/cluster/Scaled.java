package io.kubeload.cluster;

/**
 * A figure that may grow with the cluster: absolute, per node, or per pod. Per-node and per-pod
 * figures are what make a staging profile and a production profile differ in more than node count.
 */
public record Scaled(double value, Basis basis) {

  /** What the figure is counted per. */
  public enum Basis {
    ABSOLUTE,
    PER_NODE,
    PER_POD
  }

  public static final Scaled ZERO = new Scaled(0, Basis.ABSOLUTE);

  public Scaled {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("must be a finite number ≥ 0: " + value);
    }
  }

  /** The figure in a cluster of {@code nodes} nodes with {@code podsPerNode} pods each. */
  public double at(int nodes, double podsPerNode) {
    return switch (basis) {
      case ABSOLUTE -> value;
      case PER_NODE -> value * nodes;
      case PER_POD -> value * nodes * podsPerNode;
    };
  }

  /** How the figure grows with node count: 0 constant, 1 linear. */
  public int nodeDegree() {
    return basis == Basis.ABSOLUTE || value == 0 ? 0 : 1;
  }
}
