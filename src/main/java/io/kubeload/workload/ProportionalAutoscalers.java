package io.kubeload.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster-proportional-autoscaler's linear mode: it sets its target's replicas to
 * {@code max(ceil(nodes / nodesPerReplica), ceil(cores / coresPerReplica))} within [min, max], at
 * least 2 with preventSinglePointFailure, and min 0 counts as 1
 * (kubernetes-sigs/cluster-proportional-autoscaler:pkg/autoscaler/controller/linearcontroller/linear_controller.go).
 * The profile has no core count, so only the node term is modelled.
 */
final class ProportionalAutoscalers {

  /** Built on first use: a release without an autoscaler does not pay for Jackson's start-up. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** A container that runs the autoscaler, in the Deployment it belongs to. */
  private record Autoscaler(Manifest deployment, Container container) {}

  /** The autoscalers of a manifest set, in its order; found once, since every Deployment asks. */
  private record Index(List<Autoscaler> autoscalers) {

    Index {
      autoscalers = List.copyOf(autoscalers);
    }

    static Index of(ManifestSet all) {
      List<Autoscaler> out = new ArrayList<>();
      for (Manifest m : all.ofKind("Deployment").toList()) {
        Optional<Deployment> deployment = m.as(Deployment.class);
        if (deployment.isEmpty()
            || deployment.get().getSpec() == null
            || deployment.get().getSpec().getTemplate() == null
            || deployment.get().getSpec().getTemplate().getSpec() == null) {
          continue;
        }
        for (Container c :
            orEmpty(deployment.get().getSpec().getTemplate().getSpec().getContainers())) {
          if (c.getImage() != null && c.getImage().contains("cluster-proportional-autoscaler")) {
            out.add(new Autoscaler(m, c));
          }
        }
      }
      return new Index(out);
    }
  }

  private ProportionalAutoscalers() {}

  /** The target's pods as the autoscaler sizes them, if one targets it in linear mode by nodes. */
  static Optional<PodCount> podsFor(Manifest target, ManifestSet all, int nodes) {
    for (Autoscaler autoscaler : all.derived(Index.class, Index::of).autoscalers()) {
      Manifest m = autoscaler.deployment();
      Container c = autoscaler.container();
      List<String> words = new ArrayList<>(orEmpty(c.getCommand()));
      words.addAll(orEmpty(c.getArgs()));
      String namespace = flag(words, "namespace").orElse(m.namespace());
      boolean targets =
          flag(words, "target").stream()
              .flatMap(t -> List.of(t.split(",")).stream())
              .anyMatch(t -> t.strip().equalsIgnoreCase(target.kind() + "/" + target.name()));
      if (targets && namespace.equals(target.namespace())) {
        return linear(words, namespace, all)
            .map(
                ratio ->
                    PodCount.proportional(
                        ratio,
                        nodes,
                        "cluster-proportional-autoscaler "
                            + m.name()
                            + ": ceil(nodes / "
                            + trim(ratio.nodesPerPod())
                            + "), at least "
                            + ratio.min()
                            + (ratio.max() == Integer.MAX_VALUE ? "" : ", at most " + ratio.max())
                            + " (cores not counted)"));
      }
    }
    return Optional.empty();
  }

  private static Optional<PodCount.NodeRatio> linear(
      List<String> words, String namespace, ManifestSet all) {
    Optional<String> params = flag(words, "default-params");
    Optional<String> fromConfigMap =
        flag(words, "configmap")
            .flatMap(name -> all.find("ConfigMap", namespace, name))
            .map(cm -> cm.raw().get("data") instanceof Map<?, ?> data ? data.get("linear") : null)
            .map(String::valueOf);
    try {
      JsonNode linear =
          fromConfigMap.isPresent()
              ? Json.MAPPER.readTree(fromConfigMap.get())
              : params.isPresent() ? Json.MAPPER.readTree(params.get()).path("linear") : null;
      if (linear == null || !(linear.path("nodesPerReplica").asDouble() > 0)) {
        return Optional.empty();
      }
      int min = Math.max(1, linear.path("min").asInt(1));
      if (linear.path("preventSinglePointFailure").asBoolean(false)) {
        min = Math.max(2, min);
      }
      int max = linear.path("max").asInt(0) > 0 ? linear.path("max").asInt() : Integer.MAX_VALUE;
      return Optional.of(
          new PodCount.NodeRatio(linear.path("nodesPerReplica").asDouble(), true, 0, min, max));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Optional.empty(); // unreadable parameters: the Deployment's own replicas stand
    }
  }

  private static Optional<String> flag(List<String> words, String name) {
    String prefix = "--" + name + "=";
    return words.stream()
        .filter(w -> w != null && w.toLowerCase(Locale.ROOT).startsWith(prefix))
        .map(w -> w.substring(prefix.length()))
        .findFirst();
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
