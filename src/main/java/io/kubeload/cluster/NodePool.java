package io.kubeload.cluster;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nodes that share labels and taints: what decides which DaemonSets run on them.
 *
 * @param labels the labels every node of the pool carries, in key order
 * @param taints the taints every node of the pool carries
 */
public record NodePool(String name, int count, Map<String, String> labels, List<Taint> taints) {

  public NodePool {
    if (count < 0) {
      throw new IllegalArgumentException("node pool " + name + ": count must be at least 0");
    }
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    taints = taints.stream().sorted(Comparator.comparing(Taint::toString)).toList();
  }

  public NodePool withCount(int otherCount) {
    return new NodePool(name, otherCount, labels, taints);
  }
}
