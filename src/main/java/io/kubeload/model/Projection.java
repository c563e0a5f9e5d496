package io.kubeload.model;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.model.apf.ApfConfiguration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The load model's answer: every workload's load and every priority level's demand, at one profile. */
public record Projection(
    ClusterProfile profile,
    ApfConfiguration apf,
    Map<String, PriorityLevel> levels,
    List<WorkloadLoad> workloads,
    List<LevelLoad> levelLoads) {

  public Projection {
    // The levels' order is the reports' order.
    levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    workloads = List.copyOf(workloads);
    levelLoads = List.copyOf(levelLoads);
  }
}
