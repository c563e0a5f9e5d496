package io.kubeload.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cluster a change is judged against: what cannot be known from manifests (sizes, counts, churn,
 * API server replicas, latency, existing load), with defaults from published figures.
 *
 * @param nodePools the nodes by labels and taints; empty when unknown, and then every DaemonSet runs on
 *     every node. Their counts add up to {@code nodes} as a profile is written (Profiles checks it);
 *     in a resized profile ({@link #withNodes}) they are the shares of its nodes.
 */
public record ClusterProfile(
    String name,
    KubernetesVersion version,
    int nodes,
    double podsPerNode,
    ApiServers apiServers,
    Latency latency,
    Rollout rollout,
    Map<String, ResourceProfile> resources,
    Map<String, Double> existingSeatDemand,
    List<NodePool> nodePools) {

  /** The API servers: replicas and the two in-flight flags whose sum is the APF concurrency. */
  public record ApiServers(
      int replicas,
      int maxRequestsInflight,
      int maxMutatingRequestsInflight,
      double memoryBytes,
      double listMemoryAmplification) {

    /** APF's server concurrency limit per replica (docs/sources.md §3.1: the sum of the two flags). */
    public int concurrencyLimit() {
      return maxRequestsInflight + maxMutatingRequestsInflight;
    }
  }

  /** How long requests hold their seats: inputs, since nothing upstream publishes them. */
  public record Latency(double requestSeconds, double listBytesPerSecond) {

    /** Seconds a LIST returning {@code bytes} holds its seats. */
    public double listSeconds(double bytes) {
      return requestSeconds + bytes / listBytesPerSecond;
    }
  }

  /** How fast pods of a roll-out appear. */
  public record Rollout(double controllerQps, double podStartSeconds) {}

  public ClusterProfile {
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes must be at least 1");
    }
    // copyOf keeps a map or list that is already immutable: the break-even search resizes the
    // profile some twenty times a workload shape (withNodes), and copied the maps each time.
    resources = Map.copyOf(resources);
    existingSeatDemand = Map.copyOf(existingSeatDemand);
    nodePools = List.copyOf(nodePools);
    if (!nodePools.isEmpty() && nodePools.stream().mapToInt(NodePool::count).sum() == 0) {
      throw new IllegalArgumentException("the node pools hold no nodes");
    }
  }

  /**
   * The same cluster at another size. Node pools keep their counts, read as shares of the nodes: a
   * pool's share never changes with the size, so neither does what lands on it (rounding each pool
   * anew could shrink one as the cluster grows).
   */
  public ClusterProfile withNodes(int otherNodes) {
    return new ClusterProfile(
        name,
        version,
        otherNodes,
        podsPerNode,
        apiServers,
        latency,
        rollout,
        resources,
        existingSeatDemand,
        nodePools);
  }

  /** The same cluster described by node pools, which must add up to its nodes. */
  public ClusterProfile withNodePools(List<NodePool> pools) {
    return new ClusterProfile(
        name,
        version,
        nodes,
        podsPerNode,
        apiServers,
        latency,
        rollout,
        resources,
        existingSeatDemand,
        pools);
  }

  public ClusterProfile withVersion(KubernetesVersion otherVersion) {
    return new ClusterProfile(
        name,
        otherVersion,
        nodes,
        podsPerNode,
        apiServers,
        latency,
        rollout,
        resources,
        existingSeatDemand,
        nodePools);
  }

  /** The same profile with these levels already busy (seat-seconds per second per replica). */
  public ClusterProfile withExistingSeatDemand(Map<String, Double> demand) {
    return new ClusterProfile(
        name,
        version,
        nodes,
        podsPerNode,
        apiServers,
        latency,
        rollout,
        resources,
        demand,
        nodePools);
  }

  /** The same profile with {@code resource} added or replaced. */
  public ClusterProfile withResource(ResourceProfile resource) {
    Map<String, ResourceProfile> all = new TreeMap<>(resources);
    all.put(resource.resource(), resource);
    return new ClusterProfile(
        name,
        version,
        nodes,
        podsPerNode,
        apiServers,
        latency,
        rollout,
        all,
        existingSeatDemand,
        nodePools);
  }

  public Optional<ResourceProfile> resource(String resource) {
    return Optional.ofNullable(resources.get(resource));
  }

  /** Objects of a resource in the whole cluster; 0 for resources the profile does not describe. */
  public double objects(String resource) {
    return resource(resource).map(r -> r.count().at(nodes, podsPerNode)).orElse(0.0);
  }

  /** Writes per second to a resource in the whole cluster. */
  public double churn(String resource) {
    return resource(resource).map(r -> r.churn().at(nodes, podsPerNode)).orElse(0.0);
  }

  /** Cluster-wide watchers of a resource that exist before the change. */
  public double existingWatchers(String resource) {
    return resource(resource).map(r -> r.watchers().at(nodes, podsPerNode)).orElse(0.0);
  }

  public double namespaces() {
    return Math.max(1, objects("namespaces"));
  }

  public double pods() {
    return nodes * podsPerNode;
  }
}
