package io.kubeload.access;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/** Kubernetes label selectors, evaluated as the API server does (matchLabels and matchExpressions). */
public final class LabelSelectors {

  private LabelSelectors() {}

  /** Whether {@code labels} satisfy {@code selector}; a null selector selects nothing. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    if (selector.getMatchLabels() != null) {
      for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        boolean has = labels.containsKey(r.getKey());
        boolean ok =
            switch (String.valueOf(r.getOperator())) {
              case "In" -> has && values.contains(labels.get(r.getKey()));
              case "NotIn" -> !has || !values.contains(labels.get(r.getKey()));
              case "Exists" -> has;
              case "DoesNotExist" -> !has;
              default -> false;
            };
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }
}
