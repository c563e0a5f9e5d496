package io.kubeload.gate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.kubeload.access.Access;
import io.kubeload.access.Provenance;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.model.Units;
import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Names what changed in one workload between the baseline and the change, in the terms a reviewer
 * thinks in: images, pods, roll-out strategy, containers' arguments and environment, the
 * ConfigMaps the pods read, and the accesses that RBAC, component configuration or annotations now
 * grant. Env values are never shown:
 * they may hold credentials.
 */
final class Changes {

  private Changes() {}

  static List<String> between(
      WorkloadLoad before,
      ManifestSet beforeManifests,
      WorkloadLoad after,
      ManifestSet afterManifests) {
    List<String> out = new ArrayList<>();
    if (before.pods() != after.pods()) {
      out.add("pods " + Units.number(before.pods()) + " → " + Units.number(after.pods()));
    }
    out.addAll(containers(before.workload().podSpec(), after.workload().podSpec()));
    String rolloutBefore = before.workload().rollout().declared();
    String rolloutAfter = after.workload().rollout().declared();
    if (!rolloutBefore.equals(rolloutAfter)) {
      out.add("roll-out " + rolloutBefore + " → " + rolloutAfter);
    }
    out.addAll(
        configMaps(
            after.workload().namespace(),
            after.workload().podSpec(),
            beforeManifests,
            afterManifests));
    out.addAll(
        accesses(
            before.accesses().stream().map(a -> a.access()).toList(),
            after.accesses().stream().map(a -> a.access()).toList()));
    if (!before.accessSet().basis().equals(after.accessSet().basis())) {
      out.add(
          "accesses decided by " + before.accessSet().basis() + " → " + after.accessSet().basis());
    }
    return out;
  }

  private static List<String> containers(PodSpec before, PodSpec after) {
    List<String> out = new ArrayList<>();
    Map<String, Container> was = byName(before);
    Map<String, Container> now = byName(after);
    for (Map.Entry<String, Container> entry : now.entrySet()) {
      String name = entry.getKey();
      Container c = entry.getValue();
      Container old = was.get(name);
      if (old == null) {
        out.add("container " + name + " added (" + c.getImage() + ")");
        continue;
      }
      if (!Objects.equals(old.getImage(), c.getImage())) {
        out.add("image " + name + ": " + old.getImage() + " → " + c.getImage());
      }
      if (!Objects.equals(old.getCommand(), c.getCommand())
          || !Objects.equals(old.getArgs(), c.getArgs())) {
        out.add("container " + name + ": command or args changed");
      }
      Set<String> envChanged = envChanges(old.getEnv(), c.getEnv());
      if (!envChanged.isEmpty()) {
        out.add("container " + name + ": env " + String.join(", ", envChanged) + " changed");
      }
    }
    was.keySet().stream()
        .filter(name -> !now.containsKey(name))
        .forEach(name -> out.add("container " + name + " removed"));
    return out;
  }

  /** The ConfigMaps the pods read (volumes, projected volumes, envFrom, env) whose content changed. */
  private static List<String> configMaps(
      String namespace, PodSpec spec, ManifestSet before, ManifestSet after) {
    List<String> out = new ArrayList<>();
    for (String name : referencedConfigMaps(spec)) {
      Optional<Object> was = before.find("ConfigMap", namespace, name).map(Changes::content);
      Optional<Object> now = after.find("ConfigMap", namespace, name).map(Changes::content);
      if (!was.equals(now)) {
        out.add(
            "config: ConfigMap "
                + name
                + (was.isEmpty() ? " added" : now.isEmpty() ? " removed" : " changed"));
      }
    }
    return out;
  }

  /** What a ConfigMap holds, compared as maps: the order its keys were written in is no change. */
  private static Object content(Manifest configMap) {
    return java.util.Arrays.asList(configMap.raw().get("data"), configMap.raw().get("binaryData"));
  }

  private static Set<String> referencedConfigMaps(PodSpec spec) {
    Set<String> out = new TreeSet<>();
    if (spec == null) {
      return out;
    }
    for (Volume volume : listOf(spec.getVolumes())) {
      if (volume.getConfigMap() != null && volume.getConfigMap().getName() != null) {
        out.add(volume.getConfigMap().getName());
      }
      if (volume.getProjected() != null) {
        listOf(volume.getProjected().getSources()).stream()
            .filter(
                source -> source.getConfigMap() != null && source.getConfigMap().getName() != null)
            .forEach(source -> out.add(source.getConfigMap().getName()));
      }
    }
    for (Container c : byName(spec).values()) {
      listOf(c.getEnvFrom()).stream()
          .filter(
              from -> from.getConfigMapRef() != null && from.getConfigMapRef().getName() != null)
          .forEach(from -> out.add(from.getConfigMapRef().getName()));
      listOf(c.getEnv()).stream()
          .filter(
              e ->
                  e.getValueFrom() != null
                      && e.getValueFrom().getConfigMapKeyRef() != null
                      && e.getValueFrom().getConfigMapKeyRef().getName() != null)
          .forEach(e -> out.add(e.getValueFrom().getConfigMapKeyRef().getName()));
    }
    return out;
  }

  private static Map<String, Container> byName(PodSpec spec) {
    Map<String, Container> out = new TreeMap<>();
    if (spec == null) {
      return out;
    }
    Stream.concat(listOf(spec.getInitContainers()).stream(), listOf(spec.getContainers()).stream())
        .filter(c -> c.getName() != null)
        .forEach(c -> out.putIfAbsent(c.getName(), c));
    return out;
  }

  /** Names of the variables added, removed or set otherwise; values stay out of reports. */
  private static Set<String> envChanges(List<EnvVar> before, List<EnvVar> after) {
    Map<String, EnvVar> was =
        listOf(before).stream()
            .filter(e -> e.getName() != null)
            .collect(Collectors.toMap(EnvVar::getName, e -> e, (a, b) -> b, LinkedHashMap::new));
    Map<String, EnvVar> now =
        listOf(after).stream()
            .filter(e -> e.getName() != null)
            .collect(Collectors.toMap(EnvVar::getName, e -> e, (a, b) -> b, LinkedHashMap::new));
    Set<String> out = new TreeSet<>();
    now.forEach(
        (name, e) -> {
          if (!Objects.equals(was.get(name), e)) {
            out.add(name);
          }
        });
    was.keySet().stream().filter(name -> !now.containsKey(name)).forEach(out::add);
    return out;
  }

  /** Accesses gained and lost, each labelled with the source that grants it (RBAC, config, annotation). */
  private static List<String> accesses(List<Access> before, List<Access> after) {
    Map<String, Provenance.Source> was = described(before);
    Map<String, Provenance.Source> now = described(after);
    Map<String, List<String>> bySource = new TreeMap<>();
    now.forEach(
        (access, source) -> {
          if (!was.containsKey(access)) {
            bySource.computeIfAbsent(sourceName(source), s -> new ArrayList<>()).add("+ " + access);
          }
        });
    was.forEach(
        (access, source) -> {
          if (!now.containsKey(access)) {
            bySource.computeIfAbsent(sourceName(source), s -> new ArrayList<>()).add("− " + access);
          }
        });
    return bySource.entrySet().stream()
        .map(e -> e.getKey() + ": " + String.join("; ", e.getValue()))
        .toList();
  }

  private static Map<String, Provenance.Source> described(List<Access> accesses) {
    Map<String, Provenance.Source> out = new TreeMap<>();
    accesses.forEach(a -> out.putIfAbsent(a.describe(), a.provenance().source()));
    return out;
  }

  private static String sourceName(Provenance.Source source) {
    return switch (source) {
      case RBAC -> "RBAC";
      case CATALOG -> "config";
      case ANNOTATION -> "kubeload.io/access";
      case POD_SPEC -> "pod spec";
    };
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : list;
  }
}
