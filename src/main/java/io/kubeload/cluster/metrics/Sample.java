package io.kubeload.cluster.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** One line of Prometheus text: a metric's name, its labels and value, and the line it stood on. */
public record Sample(String name, Map<String, String> labels, double value, int line) {

  public Sample {
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  public String label(String key) {
    return labels.getOrDefault(key, "");
  }
}
