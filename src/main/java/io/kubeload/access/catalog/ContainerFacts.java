package io.kubeload.access.catalog;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.kubeload.access.PodSpecPaths;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.workload.Workload;
import io.kubeload.yaml.SourceLocation;
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

  ContainerFacts(
      Workload workload, String containerPath, Container container, ManifestSet manifests) {
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

  /** The workload's labels and its pod template's (the template's win). */
  Map<String, String> labels() {
    Map<String, String> out = new java.util.TreeMap<>(workload.manifest().labels());
    Object template =
        workload.manifest().raw().get("spec") instanceof Map<?, ?> spec
            ? spec.get("template")
            : null;
    if (template instanceof Map<?, ?> t
        && t.get("metadata") instanceof Map<?, ?> metadata
        && metadata.get("labels") instanceof Map<?, ?> labels) {
      labels.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    }
    return out;
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

  /**
   * {@code value} with its {@code $(VAR)} references replaced as the kubelet does: by the variable's
   * literal value, or by the workload's namespace for {@code metadata.namespace}; others stay.
   */
  String expand(String value) {
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Optional<EnvValue> env = env(m.group(1));
      String replacement =
          env.filter(e -> e.fieldRef().isEmpty() && !e.value().isEmpty())
              .map(EnvValue::value)
              .or(
                  () ->
                      env.flatMap(EnvValue::fieldRef)
                          .filter("metadata.namespace"::equals)
                          .map(f -> workload.namespace()))
              .orElse(m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
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
        value =
            configMapData(manifests, String.valueOf(ref.getName()))
                .getOrDefault(String.valueOf(ref.getKey()), "");
      }
      out.put(var.getName(), new EnvValue(value, field, at));
    }
    return out;
  }

  /** A ConfigMap's data in the workload's namespace; empty when the manifests do not hold it. */
  Map<String, String> configMapData(ManifestSet manifests, String name) {
    return manifests
        .find("ConfigMap", workload.namespace(), name)
        .map(m -> m.raw().get("data"))
        .filter(Map.class::isInstance)
        .map(
            data -> {
              Map<String, String> out = new LinkedHashMap<>();
              ((Map<?, ?>) data)
                  .forEach(
                      (k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
              return out;
            })
        .orElse(Map.of());
  }

  /**
   * {@code --name=value}, {@code -name=value}, {@code --name value} and bare {@code --name} (true).
   * A word with spaces ({@code sh -c "exec agent --flag=x"}) is split into its words first.
   */
  private void addFlags(String field, List<String> values, List<String> words) {
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i) == null ? "" : values.get(i);
      words.add(value);
      SourceLocation at = workload.manifest().locationOf(path + "." + field + "[" + i + "]");
      List<String> tokens = value.isBlank() ? List.of(value) : List.of(value.strip().split("\\s+"));
      boolean inShell = tokens.size() > 1;
      for (int t = 0; t < tokens.size(); t++) {
        String next =
            t + 1 < tokens.size()
                ? tokens.get(t + 1)
                : !inShell && i + 1 < values.size() ? values.get(i + 1) : null;
        if (addFlag(tokens.get(t), next, at) && next != null) {
          if (t + 1 < tokens.size()) {
            t++;
          } else {
            words.add(values.get(++i));
          }
        }
      }
    }
  }

  /** Records one flag; true when it took {@code next} as its value. */
  private boolean addFlag(String word, String next, SourceLocation at) {
    if (!word.startsWith("-") || word.equals("-") || word.equals("--")) {
      return false;
    }
    int eq = word.indexOf('=');
    String name =
        (eq < 0 ? word : word.substring(0, eq)).replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
    boolean takesNext =
        eq < 0 && next != null && !next.startsWith("-") && !next.strip().contains(" ");
    String value = eq >= 0 ? word.substring(eq + 1) : takesNext ? next : "true";
    flags.computeIfAbsent(name, k -> new ArrayList<>()).add(new ArgValue(value, at));
    return takesNext;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
