package io.kubeload.model;

import io.kubeload.cluster.ClusterProfile;
import java.util.List;
import java.util.Map;

/** The load model's answer: every workload's load and every priority level's demand, at one profile. */
public record Projection(
    ClusterProfile profile, Map<String, PriorityLevel> levels, List<WorkloadLoad> workloads, List<LevelLoad> levelLoads) {}
