package io.kubeload.model.apf;

import io.kubeload.manifest.Manifest;
import io.kubeload.yaml.InputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** FlowSchemas and PriorityLevelConfigurations a chart ships (flowcontrol.apiserver.k8s.io, any served version). */
record ApfObjects(List<FlowSchema> flowSchemas, List<PriorityLevelConfig> priorityLevels) {

  ApfObjects {
    flowSchemas = List.copyOf(flowSchemas);
    priorityLevels = List.copyOf(priorityLevels);
  }

  private static final String GROUP = "flowcontrol.apiserver.k8s.io";

  static ApfObjects from(List<Manifest> manifests) {
    List<FlowSchema> schemas = new ArrayList<>();
    List<PriorityLevelConfig> levels = new ArrayList<>();
    for (Manifest m : manifests) {
      if (!m.group().equals(GROUP)) {
        continue;
      }
      Map<?, ?> spec = m.raw().get("spec") instanceof Map<?, ?> s ? s : Map.of();
      if (m.kind().equals("FlowSchema")) {
        schemas.add(flowSchema(m, spec));
      } else if (m.kind().equals("PriorityLevelConfiguration")) {
        levels.add(priorityLevel(m, spec));
      }
    }
    return new ApfObjects(List.copyOf(schemas), List.copyOf(levels));
  }

  private static FlowSchema flowSchema(Manifest m, Map<?, ?> spec) {
    String level =
        map(spec, "priorityLevelConfiguration").get("name") instanceof String n ? n : null;
    if (level == null) {
      throw new InputException(
          m.location().file(),
          m.locationOf("spec").line(),
          "FlowSchema " + m.name() + " has no spec.priorityLevelConfiguration.name");
    }
    // matchingPrecedence defaults to 1000 (flowcontrol API defaults).
    int precedence = spec.get("matchingPrecedence") instanceof Number p ? p.intValue() : 1000;
    String distinguisher =
        map(spec, "distinguisherMethod").get("type") instanceof String t ? t : "";
    List<FlowSchema.Rule> rules = new ArrayList<>();
    for (Object item : list(spec, "rules")) {
      Map<?, ?> rule = item instanceof Map<?, ?> r ? r : Map.of();
      List<FlowSchema.Subject> subjects = new ArrayList<>();
      for (Object s : list(rule, "subjects")) {
        Map<?, ?> subject = s instanceof Map<?, ?> x ? x : Map.of();
        String kind = String.valueOf(subject.get("kind"));
        switch (kind) {
          case "User" ->
              subjects.add(new FlowSchema.Subject(kind, string(map(subject, "user"), "name"), ""));
          case "Group" ->
              subjects.add(new FlowSchema.Subject(kind, string(map(subject, "group"), "name"), ""));
          case "ServiceAccount" ->
              subjects.add(
                  new FlowSchema.Subject(
                      kind,
                      string(map(subject, "serviceAccount"), "name"),
                      string(map(subject, "serviceAccount"), "namespace")));
          default -> {}
        }
      }
      List<FlowSchema.ResourceRule> resourceRules = new ArrayList<>();
      for (Object r : list(rule, "resourceRules")) {
        Map<?, ?> resourceRule = r instanceof Map<?, ?> x ? x : Map.of();
        resourceRules.add(
            new FlowSchema.ResourceRule(
                strings(resourceRule, "verbs"),
                strings(resourceRule, "apiGroups"),
                strings(resourceRule, "resources"),
                Boolean.TRUE.equals(resourceRule.get("clusterScope")),
                strings(resourceRule, "namespaces")));
      }
      rules.add(new FlowSchema.Rule(List.copyOf(subjects), List.copyOf(resourceRules)));
    }
    return new FlowSchema(
        m.name(), precedence, level, distinguisher, List.copyOf(rules), Optional.of(m.location()));
  }

  private static PriorityLevelConfig priorityLevel(Manifest m, Map<?, ?> spec) {
    if ("Exempt".equals(spec.get("type"))) {
      Map<?, ?> exempt = map(spec, "exempt");
      return new PriorityLevelConfig(
          m.name(),
          PriorityLevelConfig.Handling.EXEMPT,
          integer(exempt, "nominalConcurrencyShares", 0),
          integer(exempt, "lendablePercent", 0),
          OptionalInt.empty(),
          PriorityLevelConfig.Queuing.NONE,
          Optional.of(m.location()));
    }
    Map<?, ?> limited = map(spec, "limited");
    // v1beta2 and older call the shares assuredConcurrencyShares; the default is 30 (flowcontrol
    // API defaults).
    int shares =
        integer(
            limited, "nominalConcurrencyShares", integer(limited, "assuredConcurrencyShares", 30));
    Map<?, ?> response = map(limited, "limitResponse");
    boolean reject = "Reject".equals(response.get("type"));
    Map<?, ?> queuing = map(response, "queuing");
    // Queuing defaults: 64 queues, hand size 8, queue length 50 (flowcontrol API defaults).
    return new PriorityLevelConfig(
        m.name(),
        reject ? PriorityLevelConfig.Handling.REJECT : PriorityLevelConfig.Handling.QUEUE,
        shares,
        integer(limited, "lendablePercent", 0),
        limited.get("borrowingLimitPercent") instanceof Number b
            ? OptionalInt.of(b.intValue())
            : OptionalInt.empty(),
        reject
            ? PriorityLevelConfig.Queuing.NONE
            : new PriorityLevelConfig.Queuing(
                integer(queuing, "queues", 64),
                integer(queuing, "handSize", 8),
                integer(queuing, "queueLengthLimit", 50)),
        Optional.of(m.location()));
  }

  private static Map<?, ?> map(Map<?, ?> parent, String key) {
    return parent.get(key) instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<?> list(Map<?, ?> parent, String key) {
    return parent.get(key) instanceof List<?> l ? l : List.of();
  }

  private static String string(Map<?, ?> parent, String key) {
    return parent.get(key) == null ? "" : String.valueOf(parent.get(key));
  }

  private static Set<String> strings(Map<?, ?> parent, String key) {
    Set<String> out = new LinkedHashSet<>();
    list(parent, key).forEach(v -> out.add(String.valueOf(v)));
    return Set.copyOf(out);
  }

  private static int integer(Map<?, ?> parent, String key, int fallback) {
    return parent.get(key) instanceof Number n ? n.intValue() : fallback;
  }
}
