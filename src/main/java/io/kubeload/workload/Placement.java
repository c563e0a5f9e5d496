package io.kubeload.workload;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.Figures;
import io.kubeload.cluster.NodePool;
import io.kubeload.cluster.Taint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which of the profile's nodes a DaemonSet's pods run on: those whose labels match the pod's
 * nodeSelector and required node affinity, and whose NoSchedule and NoExecute taints the pod tolerates.
 * The scheduler's rules (kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node and
 * taint-and-toleration), applied to node pools instead of nodes.
 */
public final class Placement {

  /**
   * Tolerations the DaemonSet controller adds to every daemon pod, so that node conditions do not
   * evict it (kubernetes.io/docs/concepts/workloads/controllers/daemonset, "Taints and tolerations").
   */
  private static final List<Toleration> DAEMON_TOLERATIONS =
      List.of(
          exists("node.kubernetes.io/not-ready", "NoExecute"),
          exists("node.kubernetes.io/unreachable", "NoExecute"),
          exists("node.kubernetes.io/disk-pressure", "NoSchedule"),
          exists("node.kubernetes.io/memory-pressure", "NoSchedule"),
          exists("node.kubernetes.io/pid-pressure", "NoSchedule"),
          exists("node.kubernetes.io/unschedulable", "NoSchedule"));

  /** Added as well for pods on the host network (same source). */
  private static final Toleration HOST_NETWORK_TOLERATION =
      exists("node.kubernetes.io/network-unavailable", "NoSchedule");

  private Placement() {}

  /** A DaemonSet's pods: one per node it lands on, as the share of the cluster's nodes its pools hold. */
  public static PodCount daemonSet(PodSpec spec, ClusterProfile profile) {
    int nodes = profile.nodes();
    if (profile.nodePools().isEmpty()) {
      return PodCount.onNodes(1, nodes, "one per node (" + nodes + " nodes)");
    }
    List<String> landsOn = new ArrayList<>();
    Map<String, List<String>> missesBecause = new TreeMap<>();
    long matched = 0;
    long pooled = 0;
    for (NodePool pool : profile.nodePools()) {
      pooled += pool.count();
      Optional<String> miss = whyNot(spec, pool);
      if (miss.isEmpty()) {
        landsOn.add(pool.name());
        matched += pool.count();
      } else {
        missesBecause.computeIfAbsent(miss.get(), reason -> new ArrayList<>()).add(pool.name());
      }
    }
    double share = (double) matched / pooled;
    StringBuilder reason =
        new StringBuilder(
            Figures.count(PodCount.PerNode.podsOn(share, nodes))
                + " of "
                + Figures.count(nodes)
                + " nodes: ");
    if (landsOn.isEmpty()) {
      reason.append("no pool");
    } else {
      reason.append(landsOn.size() == profile.nodePools().size() ? "every pool" : pools(landsOn));
      selectors(spec).ifPresent(s -> reason.append(" (").append(s).append(')'));
    }
    missesBecause.forEach(
        (why, names) -> reason.append("; not ").append(pools(names)).append(": ").append(why));
    return PodCount.onNodes(share, nodes, reason.toString());
  }

  /** Empty when the pod can run on the pool's nodes; otherwise the first rule that keeps it off. */
  static Optional<String> whyNot(PodSpec spec, NodePool pool) {
    Map<String, String> selector =
        spec.getNodeSelector() == null ? Map.of() : spec.getNodeSelector();
    for (Map.Entry<String, String> wanted : new TreeMap<>(selector).entrySet()) {
      if (!wanted.getValue().equals(pool.labels().get(wanted.getKey()))) {
        return Optional.of(
            "nodeSelector " + wanted.getKey() + "=" + wanted.getValue() + " does not match");
      }
    }
    Optional<List<NodeSelectorTerm>> terms = requiredTerms(spec);
    if (terms.isPresent() && terms.get().stream().noneMatch(term -> matches(term, pool.labels()))) {
      return Optional.of("required node affinity does not match");
    }
    List<Toleration> tolerations = tolerations(spec);
    for (Taint taint : pool.taints()) {
      if (taint.effect().repels() && tolerations.stream().noneMatch(t -> tolerates(t, taint))) {
        return Optional.of("taint " + taint + " not tolerated");
      }
    }
    return Optional.empty();
  }

  /** Terms are ORed; a term's expressions are ANDed; an empty term matches nothing (NodeSelectorTerm API doc). */
  static boolean matches(NodeSelectorTerm term, Map<String, String> labels) {
    List<NodeSelectorRequirement> expressions =
        term.getMatchExpressions() == null ? List.of() : term.getMatchExpressions();
    boolean hasFields = term.getMatchFields() != null && !term.getMatchFields().isEmpty();
    if (expressions.isEmpty() && !hasFields) {
      return false;
    }
    // matchFields select nodes by name, which pools do not have: they are taken to match, so that
    // the
    // count errs high, never low.
    return expressions.stream().allMatch(e -> matches(e, labels));
  }

  static boolean matches(NodeSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    return switch (String.valueOf(requirement.getOperator())) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      case "Gt" -> compare(value, values) > 0;
      case "Lt" -> compare(value, values) < 0;
      default -> false;
    };
  }

  /** Gt and Lt compare the label and the one value as integers; anything else does not match. */
  private static int compare(String label, List<String> values) {
    if (label == null || values.size() != 1) {
      return 0;
    }
    try {
      return Long.compare(Long.parseLong(label.strip()), Long.parseLong(values.get(0).strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Equal (the default operator) needs key and value; Exists needs the key, or tolerates every taint
   * when the key is empty; an empty effect tolerates every effect.
   */
  static boolean tolerates(Toleration toleration, Taint taint) {
    String effect = toleration.getEffect();
    if (effect != null && !effect.isEmpty() && !effect.equals(taint.effect().toString())) {
      return false;
    }
    String key = toleration.getKey() == null ? "" : toleration.getKey();
    if ("Exists".equals(toleration.getOperator())) {
      return key.isEmpty() || key.equals(taint.key());
    }
    String value = toleration.getValue() == null ? "" : toleration.getValue();
    return !key.isEmpty() && key.equals(taint.key()) && value.equals(taint.value());
  }

  /** The required node affinity's terms; empty when it has none (not the same as a required affinity with no terms). */
  private static Optional<List<NodeSelectorTerm>> requiredTerms(PodSpec spec) {
    if (spec.getAffinity() == null
        || spec.getAffinity().getNodeAffinity() == null
        || spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
            == null) {
      return Optional.empty();
    }
    List<NodeSelectorTerm> terms =
        spec.getAffinity()
            .getNodeAffinity()
            .getRequiredDuringSchedulingIgnoredDuringExecution()
            .getNodeSelectorTerms();
    return Optional.of(terms == null ? List.of() : terms);
  }

  private static List<Toleration> tolerations(PodSpec spec) {
    List<Toleration> all = new ArrayList<>(DAEMON_TOLERATIONS);
    if (Boolean.TRUE.equals(spec.getHostNetwork())) {
      all.add(HOST_NETWORK_TOLERATION);
    }
    if (spec.getTolerations() != null) {
      all.addAll(spec.getTolerations());
    }
    return all;
  }

  /** What the pod asks of nodes, for the reason: "nodeSelector accelerator=nvidia, required node affinity". */
  private static Optional<String> selectors(PodSpec spec) {
    List<String> parts = new ArrayList<>();
    if (spec.getNodeSelector() != null && !spec.getNodeSelector().isEmpty()) {
      List<String> pairs = new ArrayList<>();
      new TreeMap<>(spec.getNodeSelector()).forEach((k, v) -> pairs.add(k + "=" + v));
      parts.add("nodeSelector " + String.join(",", pairs));
    }
    if (requiredTerms(spec).isPresent()) {
      parts.add("required node affinity");
    }
    if (spec.getTolerations() != null && !spec.getTolerations().isEmpty()) {
      parts.add(
          spec.getTolerations().size()
              + (spec.getTolerations().size() == 1 ? " toleration" : " tolerations"));
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
  }

  private static String pools(List<String> names) {
    return (names.size() == 1 ? "pool " : "pools ") + String.join(", ", names);
  }

  private static Toleration exists(String key, String effect) {
    return new TolerationBuilder().withKey(key).withOperator("Exists").withEffect(effect).build();
  }
}
