package io.kubeload.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What was measured of a real cluster (by {@code profile capture} or from its API server metrics),
 * each figure with where it came from. {@link ProfileDraft} turns it into a profile.
 *
 * @param notes lines for the profile's header: what was read, and what could not be
 * @param serverVersion the API server's version as it reports it (v1.33.2)
 * @param nodePools the nodes grouped by labels and taints (their counts add up to the nodes)
 * @param objects object counts by resource key (pods, deployments, ciliumendpoints.cilium.io)
 * @param sizeBytes average object sizes by resource key
 * @param writesPerSecond writes per second to each resource, in the whole cluster
 * @param nominalSeats APF nominal seats per priority level and replica
 * @param seatDemand seats in use per priority level and replica: seat-seconds per second
 */
public record ClusterFacts(
    List<String> notes,
    Optional<Fact<String>> serverVersion,
    Optional<Fact<Long>> nodes,
    Optional<Fact<List<NodePool>>> nodePools,
    Optional<Fact<Integer>> apiServers,
    Map<String, Fact<Long>> objects,
    Map<String, Fact<Double>> sizeBytes,
    Map<String, Fact<Double>> writesPerSecond,
    Map<String, Fact<Integer>> nominalSeats,
    Map<String, Fact<Double>> seatDemand) {

  /** A measured value and where it came from, e.g. "captured: LIST pods?limit=1 (remainingItemCount)". */
  public record Fact<T>(T value, String source) {}

  public static final ClusterFacts NONE =
      new ClusterFacts(
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Map.of(),
          Map.of(),
          Map.of(),
          Map.of(),
          Map.of());

  public ClusterFacts {
    notes = List.copyOf(notes);
    objects = sorted(objects);
    sizeBytes = sorted(sizeBytes);
    writesPerSecond = sorted(writesPerSecond);
    nominalSeats = sorted(nominalSeats);
    seatDemand = sorted(seatDemand);
  }

  /** These facts, with {@code other}'s where these have none. */
  public ClusterFacts orElse(ClusterFacts other) {
    List<String> allNotes = new ArrayList<>(notes);
    allNotes.addAll(other.notes);
    return new ClusterFacts(
        allNotes,
        serverVersion.or(other::serverVersion),
        nodes.or(other::nodes),
        nodePools.or(other::nodePools),
        apiServers.or(other::apiServers),
        merged(objects, other.objects),
        merged(sizeBytes, other.sizeBytes),
        merged(writesPerSecond, other.writesPerSecond),
        merged(nominalSeats, other.nominalSeats),
        merged(seatDemand, other.seatDemand));
  }

  private static <T> Map<String, Fact<T>> merged(
      Map<String, Fact<T>> preferred, Map<String, Fact<T>> fallback) {
    Map<String, Fact<T>> out = new TreeMap<>(fallback);
    out.putAll(preferred);
    return out;
  }

  private static <T> Map<String, Fact<T>> sorted(Map<String, Fact<T>> facts) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(facts));
  }
}
