package io.kubeload.model.apf;

import io.kubeload.cluster.KubernetesVersion;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.yaml.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The FlowSchemas and PriorityLevelConfigurations in force: the version's defaults, replaced or
 * extended by the ones a chart ships, as the API server's configuration controller would.
 *
 * @param notes what the API server would do differently from what the manifests say (a mandatory
 *     object overridden, a FlowSchema pointing at a level that does not exist)
 */
public record ApfConfiguration(
    List<FlowSchema> flowSchemas, List<PriorityLevelConfig> priorityLevels, List<Note> notes) {

  public ApfConfiguration {
    flowSchemas = List.copyOf(flowSchemas);
    priorityLevels = List.copyOf(priorityLevels);
    notes = List.copyOf(notes);
  }

  /** Something a chart's APF object will not do as written, and where it was written. */
  public record Note(ObjectRef object, String message, SourceLocation location) {}

  /** The version's defaults only. */
  public static ApfConfiguration defaults(KubernetesVersion version) {
    return of(version, List.of(), List.of());
  }

  public static ApfConfiguration of(KubernetesVersion version, ManifestSet manifests) {
    return of(version, List.of(), manifests);
  }

  /**
   * The cluster's objects in force (from the profile) over the version's defaults, and the chart's
   * over both: what the API server would run once the chart is applied.
   */
  public static ApfConfiguration of(
      KubernetesVersion version, List<Manifest> inCluster, ManifestSet manifests) {
    // A cluster's mandatory objects are the API server's own: only a chart's copies deserve a note.
    ApfObjects cluster =
        ApfObjects.from(
            inCluster.stream().filter(m -> !DefaultApf.MANDATORY.contains(m.name())).toList());
    ApfObjects shipped = ApfObjects.from(manifests.manifests());
    List<FlowSchema> schemas = new ArrayList<>(cluster.flowSchemas());
    schemas.addAll(shipped.flowSchemas());
    List<PriorityLevelConfig> levels = new ArrayList<>(cluster.priorityLevels());
    levels.addAll(shipped.priorityLevels());
    return of(version, schemas, levels);
  }

  static ApfConfiguration of(
      KubernetesVersion version,
      List<FlowSchema> shippedSchemas,
      List<PriorityLevelConfig> shippedLevels) {
    List<Note> notes = new ArrayList<>();
    Map<String, PriorityLevelConfig> levels = new LinkedHashMap<>();
    DefaultApf.priorityLevels().forEach(l -> levels.put(l.name(), l));
    for (PriorityLevelConfig level : shippedLevels) {
      if (DefaultApf.MANDATORY.contains(level.name())) {
        notes.add(
            new Note(
                new ObjectRef("PriorityLevelConfiguration", "", level.name()),
                "PriorityLevelConfiguration "
                    + level.name()
                    + " is mandatory: the API server restores its default",
                level.location().orElseThrow()));
      } else {
        levels.put(level.name(), level);
      }
    }
    Map<String, FlowSchema> schemas = new LinkedHashMap<>();
    DefaultApf.flowSchemas(version).forEach(s -> schemas.put(s.name(), s));
    for (FlowSchema schema : shippedSchemas) {
      if (DefaultApf.MANDATORY.contains(schema.name())) {
        notes.add(
            new Note(
                new ObjectRef("FlowSchema", "", schema.name()),
                "FlowSchema "
                    + schema.name()
                    + " is mandatory: the API server restores its default",
                schema.location().orElseThrow()));
      } else {
        schemas.put(schema.name(), schema);
      }
    }
    List<FlowSchema> live = new ArrayList<>();
    for (FlowSchema schema : schemas.values()) {
      if (levels.containsKey(schema.priorityLevel())) {
        live.add(schema);
      } else {
        notes.add(
            new Note(
                new ObjectRef("FlowSchema", "", schema.name()),
                "FlowSchema "
                    + schema.name()
                    + " names priority level "
                    + schema.priorityLevel()
                    + ", which does not exist: the API server ignores it (dangling)",
                schema.location().orElseThrow()));
      }
    }
    // Lowest matchingPrecedence first; ties by name, so the order is deterministic.
    live.sort(Comparator.comparingInt(FlowSchema::precedence).thenComparing(FlowSchema::name));
    return new ApfConfiguration(live, List.copyOf(levels.values()), notes);
  }

  /** The FlowSchema a request matches first: catch-all matches every authenticated request. */
  public FlowSchema classify(ApfRequest request) {
    return flowSchemas.stream()
        .filter(s -> s.matches(request))
        .findFirst()
        .orElseGet(
            () ->
                flowSchemas.stream()
                    .filter(s -> s.name().equals("catch-all"))
                    .findFirst()
                    .orElseThrow());
  }

  public Optional<PriorityLevelConfig> level(String name) {
    return priorityLevels.stream().filter(l -> l.name().equals(name)).findFirst();
  }
}
