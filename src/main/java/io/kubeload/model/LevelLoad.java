package io.kubeload.model;

import io.kubeload.manifest.ObjectRef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One priority level's steady seat demand over all API server replicas.
 *
 * @param seats nominal seats × replicas
 * @param guaranteed seats no other level can borrow away (nominal less lendable) × replicas
 * @param borrowable idle lendable seats of the other levels it may borrow, within its borrowing limit
 * @param existing seat demand before the change (from the profile)
 * @param demand seat demand the analysed workloads add
 * @param contributions demand per workload reference, largest first
 */
public record LevelLoad(
    String name,
    double seats,
    double guaranteed,
    double borrowable,
    double existing,
    double demand,
    Map<ObjectRef, Double> contributions) {

  public LevelLoad {
    // Largest first: the gate names the first as the level's top contributor.
    contributions = Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
  }

  public double utilization() {
    return seats == 0 ? 0 : (existing + demand) / seats;
  }

  /**
   * Share of requests answered 429 in steady state when demand exceeds all the seats the level can
   * get: what does not fit is rejected (a fluid approximation; queues only absorb bursts).
   */
  public double rejectedShare() {
    double wanted = existing + demand;
    return wanted <= 0 ? 0 : Math.max(0, 1 - (seats + borrowable) / wanted);
  }
}
