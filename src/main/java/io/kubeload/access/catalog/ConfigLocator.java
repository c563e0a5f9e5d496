package io.kubeload.access.catalog;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.kubeload.access.catalog.CatalogEntry.ConfigSpec;
import io.kubeload.access.config.ConfigLanguage;
import io.kubeload.access.config.ConfigParser;
import io.kubeload.access.config.Trees;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds a container's configuration files: the keys of the ConfigMaps it mounts (directly or
 * projected) whose names match the entry's globs. Secrets are never read (the manifest reader drops
 * their data), so a configuration kept in one is reported as unread.
 */
final class ConfigLocator {

  private ConfigLocator() {}

  static ConfigSource locate(ConfigSpec spec, ContainerFacts facts, ManifestSet manifests) {
    Set<String> configMaps = new LinkedHashSet<>();
    Set<String> secrets = new LinkedHashSet<>();
    mounted(facts, configMaps, secrets);
    // ConfigMaps named outright are read whether mounted or not: the component (or its init
    // container) reads them through the API, as cilium-agent does with cilium-config.
    spec.configMaps().stream().filter(name -> !name.contains("*")).forEach(configMaps::add);
    List<ConfigSource.File> files = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Object tree = new LinkedHashMap<String, Object>();
    List<String> unreadable = new ArrayList<>();
    for (String name : configMaps) {
      if (!spec.configMaps().isEmpty()
          && spec.configMaps().stream().noneMatch(g -> Globs.matches(g, name))) {
        continue;
      }
      var manifest = manifests.find("ConfigMap", facts.workload().namespace(), name);
      if (manifest.isEmpty()) {
        missing.add(name);
        continue;
      }
      Map<String, String> data = new TreeMap<>(facts.configMapData(manifests, name));
      Map<String, String> selected = new TreeMap<>();
      data.forEach(
          (key, text) -> {
            if (spec.files().stream().anyMatch(g -> Globs.matches(g, key))) {
              selected.put(key, text);
              files.add(
                  new ConfigSource.File(
                      "ConfigMap " + facts.workload().namespace() + "/" + name + " key " + key,
                      key,
                      keyLocation(manifest.get(), key),
                      text));
            }
          });
      if (spec.language() == ConfigLanguage.CONFIGMAP_KEYS) {
        tree = Trees.merge(tree, ConfigParser.keys(selected).tree().orElseThrow());
        continue;
      }
      for (Map.Entry<String, String> file : selected.entrySet()) {
        ConfigParser.Parsed parsed =
            ConfigParser.parse(spec.language(), file.getKey(), file.getValue());
        if (parsed.tree().isPresent()) {
          tree = Trees.merge(tree, parsed.tree().get());
        } else {
          unreadable.add("ConfigMap " + name + " key " + file.getKey() + ": " + parsed.problem());
        }
      }
    }
    if (!unreadable.isEmpty()) {
      return ConfigSource.unread("could not read " + String.join("; ", unreadable), files);
    }
    if (files.isEmpty()) {
      List<String> why = new ArrayList<>();
      why.add(
          "no file matching "
              + String.join(", ", spec.files())
              + " in the ConfigMaps it mounts"
              + (configMaps.isEmpty() ? " (none)" : " (" + String.join(", ", configMaps) + ")"));
      if (!missing.isEmpty()) {
        why.add("ConfigMap " + String.join(", ", missing) + " is not in the manifests");
      }
      if (!secrets.isEmpty()) {
        why.add("Secret " + String.join(", ", secrets) + " is never read");
      }
      return ConfigSource.unread(String.join("; ", why), files);
    }
    return new ConfigSource(tree, List.copyOf(files), "");
  }

  private static void mounted(ContainerFacts facts, Set<String> configMaps, Set<String> secrets) {
    Map<String, Volume> volumes = new LinkedHashMap<>();
    List<Volume> declared = facts.workload().podSpec().getVolumes();
    if (declared != null) {
      declared.stream()
          .filter(v -> v != null && v.getName() != null)
          .forEach(v -> volumes.put(v.getName(), v));
    }
    List<VolumeMount> mounts = facts.container().getVolumeMounts();
    if (mounts == null) {
      return;
    }
    for (VolumeMount mount : mounts) {
      Volume volume = mount == null ? null : volumes.get(mount.getName());
      if (volume == null) {
        continue;
      }
      if (volume.getConfigMap() != null && volume.getConfigMap().getName() != null) {
        configMaps.add(volume.getConfigMap().getName());
      }
      if (volume.getSecret() != null && volume.getSecret().getSecretName() != null) {
        secrets.add(volume.getSecret().getSecretName());
      }
      if (volume.getProjected() != null && volume.getProjected().getSources() != null) {
        for (VolumeProjection p : volume.getProjected().getSources()) {
          if (p.getConfigMap() != null && p.getConfigMap().getName() != null) {
            configMaps.add(p.getConfigMap().getName());
          }
          if (p.getSecret() != null && p.getSecret().getName() != null) {
            secrets.add(p.getSecret().getName());
          }
        }
      }
    }
  }

  private static io.kubeload.yaml.SourceLocation keyLocation(Manifest configMap, String key) {
    return configMap.locationOf("data." + key);
  }
}
