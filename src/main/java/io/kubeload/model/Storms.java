package io.kubeload.model;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.text.Numbers;
import io.kubeload.workload.Workload;
import java.util.List;
import java.util.Map;

/**
 * Start-up storms in closed form. Pods appear at a rate; each fires its start-up LISTs; the priority
 * level serves them with its seats (Little's law), queues what one flow may queue, and answers 429
 * to the rest (docs/sources.md §3.6). The roll-out simulation refines this with retries and time.
 */
final class Storms {

  private Storms() {}

  static StartupStorm startup(
      Workload workload,
      int pods,
      List<AccessLoad> accesses,
      String levelName,
      ClusterProfile profile,
      Map<String, PriorityLevel> levels) {
    List<AccessLoad> listing =
        accesses.stream()
            .filter(a -> a.listsPerStart() > 0 && a.priorityLevel().equals(levelName))
            .toList();
    if (pods == 0 || listing.isEmpty()) {
      return StartupStorm.NONE;
    }
    PriorityLevel level = levels.get(levelName);
    int replicas = profile.apiServers().replicas();
    int listsPerPod = listing.size();
    double seatSecondsPerPod =
        listing.stream().mapToDouble(a -> a.listSeats() * a.listSeconds()).sum();
    double seatsPerPod = listing.stream().mapToDouble(AccessLoad::listSeats).sum();
    // Little's law per LIST: in flight = rate × duration, so long LISTs dominate what is held.
    double byteSecondsPerPod =
        listing.stream().mapToDouble(a -> a.list().memoryBytes() * a.listSeconds()).sum();

    double rate;
    String bound;
    if (workload.isNew()) {
      rate = profile.rollout().controllerQps();
      bound =
          "new: the control plane creates and binds its pods at up to "
              + Numbers.oneDecimal(rate)
              + "/s";
    } else {
      var rollout = workload.rollout();
      // A replaced pod frees its slot once it has started, synced (its slowest start-up LIST) and
      // stayed ready.
      double syncSeconds = listing.stream().mapToDouble(AccessLoad::listSeconds).max().orElse(0);
      double wave = profile.rollout().podStartSeconds() + syncSeconds + rollout.minReadySeconds();
      rate =
          Math.min(profile.rollout().controllerQps(), rollout.podsPerWave() / Math.max(wave, 1e-9));
      bound =
          "update: "
              + rollout.podsPerWave()
              + " pods per wave ("
              + rollout.declared()
              + "), a wave every "
              + Numbers.oneDecimal(wave)
              + " s";
    }
    double arrivalSeconds = pods / rate;
    double existing = profile.existingSeatDemand().getOrDefault(levelName, 0.0) * replicas;
    double available = Math.max(0, (double) level.nominalSeats() * replicas - existing);
    // Seats wanted at once: the arrival rate × seat-seconds per pod, never more than every LIST at
    // once.
    double demanded = Math.min(rate * seatSecondsPerPod, pods * seatsPerPod);
    double totalRequests = (double) pods * listsPerPod;
    double meanSeatSeconds = seatSecondsPerPod / listsPerPod;
    double meanSeats = seatsPerPod / listsPerPod;
    double servedPerSecond = available / meanSeatSeconds;
    // One ServiceAccount is one flow: it queues in its hand of queues only, and no longer than the
    // wait limit.
    double queued =
        Math.min(
            (double) level.flowQueueCapacity() * replicas,
            servedPerSecond * Physics.QUEUE_WAIT_LIMIT_SECONDS);
    double inService = available / meanSeats;
    double rejected =
        available == 0
            ? totalRequests
            : Math.max(0, totalRequests - servedPerSecond * arrivalSeconds - queued - inService);
    // Done when the last pod has appeared and the level has worked through every LIST, the last one
    // whole.
    double longest = listing.stream().mapToDouble(AccessLoad::listSeconds).max().orElse(0);
    double drain =
        available == 0
            ? Double.POSITIVE_INFINITY
            : Math.max(arrivalSeconds, totalRequests * meanSeatSeconds / available) + longest;
    // Memory in flight (Little's law), scaled down when the seats cap what runs at once, and never
    // more than every LIST of the storm at once.
    double seatsWanted = rate * seatSecondsPerPod;
    double inFlight = rate * byteSecondsPerPod * Math.min(1, available / seatsWanted);
    double wholeStorm = pods * listing.stream().mapToDouble(a -> a.list().memoryBytes()).sum();
    double peakBytes = Math.min(inFlight, wholeStorm) / replicas;
    return new StartupStorm(
        new StartupStorm.Arrival(pods, rate, bound, arrivalSeconds),
        new StartupStorm.Demand(listsPerPod, seatSecondsPerPod, demanded, available),
        new StartupStorm.Outcome(Math.floor(rejected), drain, peakBytes));
  }
}
