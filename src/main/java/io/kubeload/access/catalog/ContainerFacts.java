package io.kubeload.access.catalog;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.kubeload.access.PodSpecPaths;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.manifest.SourceLocation;
import io.kubeload.workload.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one container's manifest says, as catalog conditions read it: its image and version, its
 * environment (literal values, fields and ConfigMap keys resolved), its command-line flags, and its
 * configuration files.
 */
final class ContainerFacts {

  /** An environment variable: its value where the manifests give it, the pod field it comes from. */
  record EnvValue(String value, Optional<String> fieldRef, SourceLocation location) {}

  /** One value of a command-line flag and where it is written. */
  record ArgValue(String value, SourceLocation location) {}

  private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  private final Workload workload;
  private final String path;
  private final Container container;
  private final Image image;
  private final Map<String, EnvValue> env;
  private final Map<String, List<ArgValue>> flags;
  private final String commandLine;
  private ConfigSource config = ConfigSource.NONE;

  ContainerFacts(Workload workload, String containerPath, Container container, ManifestSet manifests) {
    this.workload = workload;
    this.path = PodSpecPaths.of(workload.kind()) + "." + containerPath;
    this.container = container;
    this.image = Image.parse(container.getImage() == null ? "" : container.getImage());
    this.env = environment(manifests);
    this.flags = new LinkedHashMap<>();
    List<String> words = new ArrayList<>();
    addFlags("command", orEmpty(container.getCommand()), words);
    addFlags("args", orEmpty(container.getArgs()), words);
    this.commandLine = String.join(" ", words);
  }

  Workload workload() {
    return workload;
  }

  Container container() {
    return container;
  }

  Image image() {
    return image;
  }

  String commandLine() {
    return commandLine;
  }

  ConfigSource config() {
    return config;
  }

  void useConfig(ConfigSource source) {
    this.config = source;
  }

  /** Where the container is written: its image line. */
  SourceLocation containerLocation() {
    return workload.manifest().locationOf(path + ".image");
  }

  Optional<EnvValue> env(String name) {
    return Optional.ofNullable(env.get(name));
  }

  List<ArgValue> flag(String name) {
    return flags.getOrDefault(name.replaceFirst("^-+", "").toLowerCase(Locale.ROOT), List.of());
  }

  /** Whether {@code value} passes a variable set from pod field {@code fieldPath} ({@code $(NODE_NAME)}). */
  boolean refersToField(String value, String fieldPath) {
    Matcher m = REFERENCE.matcher(value);
    while (m.find()) {
      if (env(m.group(1)).flatMap(EnvValue::fieldRef).filter(fieldPath::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private Map<String, EnvValue> environment(ManifestSet manifests) {
    Map<String, EnvValue> out = new LinkedHashMap<>();
    List<EnvFromSource> sources = orEmpty(container.getEnvFrom());
    for (int i = 0; i < sources.size(); i++) {
      EnvFromSource from = sources.get(i);
      if (from.getConfigMapRef() != null && from.getConfigMapRef().getName() != null) {
        SourceLocation at = workload.manifest().locationOf(path + ".envFrom[" + i + "]");
        String prefix = from.getPrefix() == null ? "" : from.getPrefix();
        configMapData(manifests, from.getConfigMapRef().getName())
            .forEach((k, v) -> out.put(prefix + k, new EnvValue(v, Optional.empty(), at)));
      }
    }
    List<EnvVar> vars = orEmpty(container.getEnv());
    for (int i = 0; i < vars.size(); i++) {
      EnvVar var = vars.get(i);
      if (var == null || var.getName() == null) {
        continue;
      }
      SourceLocation at = workload.manifest().locationOf(path + ".env[" + i + "]");
      String value = var.getValue() == null ? "" : var.getValue();
      Optional<String> field = Optional.empty();
      if (var.getValueFrom() != null && var.getValueFrom().getFieldRef() != null) {
        field = Optional.ofNullable(var.getValueFrom().getFieldRef().getFieldPath());
      } else if (var.getValueFrom() != null && var.getValueFrom().getConfigMapKeyRef() != null) {
        var ref = var.getValueFrom().getConfigMapKeyRef();
        value = configMapData(manifests, String.valueOf(ref.getName())).getOrDefault(String.valueOf(ref.getKey()), "");
      }
      out.put(var.getName(), new EnvValue(value, field, at));
    }
    return out;
  }

  /** A ConfigMap's data in the workload's namespace; empty when the manifests do not hold it. */
  Map<String, String> configMapData(ManifestSet manifests, String name) {
    return manifests.find("ConfigMap", workload.namespace(), name)
        .map(m -> m.raw().get("data"))
        .filter(Map.class::isInstance)
        .map(data -> {
          Map<String, String> out = new LinkedHashMap<>();
          ((Map<?, ?>) data).forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
          return out;
        })
        .orElse(Map.of());
  }

  /** {@code --name=value}, {@code -name=value}, {@code --name value} and bare {@code --name} (true). */
  private void addFlags(String field, List<String> values, List<String> words) {
    for (int i = 0; i < values.size(); i++) {
      String word = values.get(i) == null ? "" : values.get(i);
      words.add(word);
      if (!word.startsWith("-") || word.equals("-") || word.equals("--")) {
        continue;
      }
      SourceLocation at = workload.manifest().locationOf(path + "." + field + "[" + i + "]");
      int eq = word.indexOf('=');
      String name = (eq < 0 ? word : word.substring(0, eq)).replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
      String value;
      if (eq >= 0) {
        value = word.substring(eq + 1);
      } else if (i + 1 < values.size() && values.get(i + 1) != null && !values.get(i + 1).startsWith("-")) {
        value = values.get(++i);
        words.add(value);
      } else {
        value = "true";
      }
      flags.computeIfAbsent(name, k -> new ArrayList<>()).add(new ArgValue(value, at));
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
