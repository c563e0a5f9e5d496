package io.kubeload.cluster;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A profile and where each of its figures came from, as {@code profile capture} and
 * {@code profile from-metrics} write it: every figure gets a comment naming its source.
 *
 * @param header comment lines above the document
 * @param sources by figure path under {@code spec} ({@code nodes}, {@code resources.pods.count},
 *     {@code nodePools.gpu}, {@code existingSeatDemand.workload-low}, ...; {@link ProfileYaml#figures})
 */
public record SourcedProfile(
    ClusterProfile profile, List<String> header, Map<String, String> sources) {

  public SourcedProfile {
    header = List.copyOf(header);
    Map<String, String> given = Map.copyOf(new TreeMap<>(sources));
    List<String> unsourced =
        ProfileYaml.figures(profile).stream().filter(f -> !given.containsKey(f)).toList();
    if (!unsourced.isEmpty()) {
      throw new IllegalArgumentException("figures without a source: " + unsourced);
    }
    sources = given;
  }

  /** The profile as a commented ClusterProfile document that {@link Profiles} reads back to {@link #profile}. */
  public String yaml() {
    return ProfileYaml.write(this);
  }
}
