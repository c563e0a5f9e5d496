package io.kubeload.model;

import java.util.Map;

/**
 * One priority level's steady seat demand over all API server replicas.
 *
 * @param seats nominal seats × replicas
 * @param existing seat demand before the change (from the profile)
 * @param demand seat demand the analysed workloads add
 * @param contributions demand per workload reference, largest first
 */
public record LevelLoad(String name, double seats, double existing, double demand, Map<String, Double> contributions) {

  public double utilization() {
    return seats == 0 ? 0 : (existing + demand) / seats;
  }
}
