package io.kubeload.cluster.capture;

import io.kubeload.cluster.NodePool;
import io.kubeload.cluster.Taint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups nodes into pools: nodes with the same labels and taints are one pool, once what identifies a
 * single node (its hostname, and any label whose value no two nodes share) and the node lifecycle
 * controller's passing condition taints are set aside.
 */
final class NodeGrouping {

  /** One node as listed: its labels and taints. */
  record Node(Map<String, String> labels, List<Taint> taints) {}

  /** The pools, and the label keys set aside as identifying single nodes. */
  record Result(List<NodePool> pools, Set<String> identityLabels) {}

  // The kubelet sets it to the node's name
  // (kubernetes.io/docs/reference/labels-annotations-taints).
  private static final String HOSTNAME = "kubernetes.io/hostname";

  /**
   * Taints the node lifecycle controller and cloud controller put on nodes while a condition lasts
   * (not-ready, unreachable, memory-pressure, unschedulable, uninitialized, ...): not a pool's nature.
   */
  private static final List<String> PASSING_TAINT_PREFIXES =
      List.of("node.kubernetes.io/", "node.cloudprovider.kubernetes.io/");

  /** Labels that managed Kubernetes offerings and node provisioners use to name a node's pool. */
  private static final List<String> POOL_NAME_LABELS =
      List.of(
          "cloud.google.com/gke-nodepool",
          "eks.amazonaws.com/nodegroup",
          "alpha.eksctl.io/nodegroup-name",
          "karpenter.sh/nodepool",
          "kubernetes.azure.com/agentpool",
          "agentpool",
          "kops.k8s.io/instancegroup");

  private NodeGrouping() {}

  static Result group(List<Node> nodes) {
    Set<String> identity = identityLabels(nodes);
    Map<Group, Integer> groups = new TreeMap<>(Comparator.comparing(Group::toString));
    for (Node node : nodes) {
      NavigableMap<String, String> labels = new TreeMap<>(node.labels());
      labels.keySet().removeAll(identity);
      List<Taint> taints =
          node.taints().stream()
              .filter(t -> PASSING_TAINT_PREFIXES.stream().noneMatch(t.key()::startsWith))
              .sorted(Comparator.comparing(Taint::toString))
              .toList();
      groups.merge(new Group(labels, taints), 1, Integer::sum);
    }
    return new Result(named(groups), identity);
  }

  /** hostname, and every label carried by two or more nodes with a different value on each. */
  private static Set<String> identityLabels(List<Node> nodes) {
    Map<String, Set<String>> values = new HashMap<>();
    Map<String, Integer> carriers = new HashMap<>();
    for (Node node : nodes) {
      node.labels()
          .forEach(
              (key, value) -> {
                values.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(value);
                carriers.merge(key, 1, Integer::sum);
              });
    }
    Set<String> out = new TreeSet<>();
    carriers.forEach(
        (key, count) -> {
          if (key.equals(HOSTNAME) || (count >= 2 && values.get(key).size() == count)) {
            out.add(key);
          }
        });
    return out;
  }

  /**
   * Named by the provider's pool label or the node role; pools that share a name are told apart by
   * the values of the labels in which they differ (the zone, typically), then by a number.
   */
  private static List<NodePool> named(Map<Group, Integer> groups) {
    Map<String, List<Group>> byBase = new TreeMap<>();
    groups
        .keySet()
        .forEach(g -> byBase.computeIfAbsent(baseName(g.labels()), k -> new ArrayList<>()).add(g));
    Map<String, Group> named = new TreeMap<>();
    byBase.forEach(
        (base, alike) -> {
          if (alike.size() == 1) {
            named.put(base, alike.get(0));
            return;
          }
          Set<String> differing = new TreeSet<>();
          for (Group g : alike) {
            for (Group other : alike) {
              Set<String> keys = new TreeSet<>(g.labels().keySet());
              keys.addAll(other.labels().keySet());
              keys.stream()
                  .filter(
                      k ->
                          !String.valueOf(g.labels().get(k))
                              .equals(String.valueOf(other.labels().get(k))))
                  .forEach(differing::add);
            }
          }
          Map<String, Integer> used = new LinkedHashMap<>();
          for (Group g : alike) {
            List<String> parts = new ArrayList<>(List.of(base));
            differing.stream()
                .map(g.labels()::get)
                .filter(v -> v != null && !v.isEmpty())
                .forEach(parts::add);
            String name = sanitize(String.join("-", parts));
            int seen = used.merge(name, 1, Integer::sum);
            named.put(seen == 1 ? name : name + "-" + seen, g);
          }
        });
    List<NodePool> out = new ArrayList<>();
    named.forEach((name, g) -> out.add(new NodePool(name, groups.get(g), g.labels(), g.taints())));
    return out;
  }

  private static String baseName(Map<String, String> labels) {
    for (String key : POOL_NAME_LABELS) {
      String value = labels.get(key);
      if (value != null && !value.isEmpty()) {
        return sanitize(value);
      }
    }
    return labels.keySet().stream()
        .filter(
            k ->
                k.startsWith("node-role.kubernetes.io/")
                    && k.length() > "node-role.kubernetes.io/".length())
        .map(k -> sanitize(k.substring("node-role.kubernetes.io/".length())))
        .findFirst()
        .orElse("pool");
  }

  private static String sanitize(String name) {
    String s =
        name.toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9.-]+", "-")
            .replaceAll("^[-.]+|[-.]+$", "");
    return s.isEmpty() ? "pool" : s;
  }

  /** What the nodes of one pool share: labels and taints. */
  private record Group(NavigableMap<String, String> labels, List<Taint> taints) {}
}
