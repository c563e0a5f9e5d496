package io.kubeload.model;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.model.apf.ApfConfiguration;
import io.kubeload.model.apf.PriorityLevelConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** The priority levels in force and their seats per API server replica (apf_controller.go, docs/sources.md §3.2). */
public final class PriorityLevels {

  private PriorityLevels() {}

  /** The default levels of the profile's version. */
  public static Map<String, PriorityLevel> of(ClusterProfile profile) {
    return of(profile, ApfConfiguration.defaults(profile.version()));
  }

  public static Map<String, PriorityLevel> of(ClusterProfile profile, ApfConfiguration apf) {
    int scl = profile.apiServers().concurrencyLimit();
    int totalShares = apf.priorityLevels().stream().mapToInt(PriorityLevelConfig::shares).sum();
    Map<String, PriorityLevel> out = new LinkedHashMap<>();
    for (PriorityLevelConfig c : apf.priorityLevels()) {
      int nominal = totalShares == 0 ? 0 : (int) Math.ceil((double) scl * c.shares() / totalShares);
      int lendable = (int) Math.round(nominal * c.lendablePercent() / 100.0);
      int borrowing =
          c.borrowingLimitPercent().isPresent()
              ? (int) Math.round(nominal * c.borrowingLimitPercent().getAsInt() / 100.0)
              : scl;
      int handSize = c.queuing().handSize();
      int maxSeats =
          handSize == 0
              ? Math.max(1, nominal)
              : Math.max(
                  1,
                  Math.min(
                      (int) Math.ceil(Physics.LEVEL_MAX_SEATS_FRACTION * nominal),
                      nominal / handSize));
      out.put(
          c.name(),
          new PriorityLevel(
              c.name(),
              c.handling(),
              new PriorityLevel.Seats(
                  c.shares(), c.exempt() ? 0 : nominal, lendable, borrowing, maxSeats),
              c.queuing()));
    }
    return out;
  }
}
