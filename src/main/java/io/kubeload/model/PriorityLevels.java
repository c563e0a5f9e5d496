package io.kubeload.model;

import io.kubeload.cluster.ClusterProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default APF priority levels and their seats. The values are the same from 1.27 to 1.35
 * (bootstrap/default.go, diffed per version in physics §3.3).
 */
public final class PriorityLevels {

  public static final String LEADER_ELECTION = "leader-election";
  public static final String WORKLOAD_HIGH = "workload-high";
  public static final String WORKLOAD_LOW = "workload-low";

  /** name, NominalConcurrencyShares, lendablePercent, queues, handSize, queueLengthLimit (physics §3.3). */
  private record Spec(String name, int shares, int lendable, int queues, int handSize, int queueLength) {}

  private static final List<Spec> DEFAULTS =
      List.of(
          new Spec("exempt", 0, 0, 0, 0, 0),
          new Spec("catch-all", 5, 0, 0, 0, 0),
          new Spec("system", 30, 33, 64, 6, 50),
          new Spec("node-high", 40, 25, 64, 6, 50),
          new Spec(LEADER_ELECTION, 10, 0, 16, 4, 50),
          new Spec(WORKLOAD_HIGH, 40, 50, 128, 6, 50),
          new Spec(WORKLOAD_LOW, 100, 90, 128, 6, 50),
          new Spec("global-default", 20, 50, 128, 6, 50));

  private PriorityLevels() {}

  /** The levels with their seats per API server replica, by name, in bootstrap order. */
  public static Map<String, PriorityLevel> of(ClusterProfile profile) {
    int scl = profile.apiServers().concurrencyLimit();
    int totalShares = DEFAULTS.stream().mapToInt(Spec::shares).sum();
    Map<String, PriorityLevel> out = new LinkedHashMap<>();
    for (Spec s : DEFAULTS) {
      int nominal = (int) Math.ceil((double) scl * s.shares() / totalShares);
      int maxSeats = s.handSize() == 0
          ? Math.max(1, nominal)
          : Math.max(1, Math.min((int) Math.ceil(Physics.LEVEL_MAX_SEATS_FRACTION * nominal), nominal / s.handSize()));
      out.put(s.name(), new PriorityLevel(s.name(), s.shares(), s.lendable(), s.queues(), s.handSize(), s.queueLength(), nominal, maxSeats));
    }
    return out;
  }

  /** Where a pod's requests land: kube-system ServiceAccounts → workload-high, others → workload-low (physics §3.4). */
  public static String forServiceAccountNamespace(String namespace) {
    return namespace.equals("kube-system") ? WORKLOAD_HIGH : WORKLOAD_LOW;
  }

  /** Lease traffic: system-leader-election covers kube-system SAs; others fall to service-accounts (physics §3.4). */
  public static String forLeaderElection(String namespace) {
    return namespace.equals("kube-system") ? LEADER_ELECTION : WORKLOAD_LOW;
  }
}
