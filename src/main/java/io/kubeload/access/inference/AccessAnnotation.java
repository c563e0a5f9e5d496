package io.kubeload.access.inference;

import io.kubeload.access.Access;
import io.kubeload.access.Access.Pattern;
import io.kubeload.access.Access.Scope;
import io.kubeload.access.ClientBehaviour;
import io.kubeload.access.PodSpecPaths;
import io.kubeload.access.Provenance;
import io.kubeload.access.Provenance.Source;
import io.kubeload.manifest.Resources;
import io.kubeload.workload.Workload;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.SourceLocation;
import io.kubeload.yaml.YamlDocuments;
import io.kubeload.yaml.YamlObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The explicit declaration {@code kubeload.io/access} on a workload or its pod template: a YAML list
 * of accesses that replaces every inference (schema in docs/access-annotation.md).
 */
final class AccessAnnotation {

  static final String KEY = "kubeload.io/access";

  private AccessAnnotation() {}

  static Optional<List<Access>> read(Workload workload) {
    String onWorkload = workload.manifest().annotations().get(KEY);
    if (onWorkload != null) {
      return Optional.of(
          parse(
              onWorkload, workload, workload.manifest().locationOf("metadata.annotations." + KEY)));
    }
    String onPod = workload.podAnnotations().get(KEY);
    if (onPod != null) {
      String templatePath = PodSpecPaths.of(workload.kind()).replaceAll("\\.?spec$", "");
      String path =
          (templatePath.isEmpty() ? "" : templatePath + ".") + "metadata.annotations." + KEY;
      return Optional.of(parse(onPod, workload, workload.manifest().locationOf(path)));
    }
    return Optional.empty();
  }

  private static List<Access> parse(String text, Workload workload, SourceLocation at) {
    List<YamlDocuments.Document> documents;
    try {
      documents = YamlDocuments.read(at.file(), text.getBytes(StandardCharsets.UTF_8));
    } catch (InputException e) {
      throw new InputException(
          at.file(),
          at.line(),
          KEY + " is not valid YAML: " + e.getMessage().replaceFirst("^[^:]*:\\d+: ", ""));
    }
    Object value = documents.isEmpty() ? null : documents.get(0).value();
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      throw new InputException(
          at.file(),
          at.line(),
          KEY + " must be a YAML list of accesses (see docs/access-annotation.md)");
    }
    List<Access> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Map<?, ?> item)) {
        throw new InputException(at.file(), at.line(), KEY + "[" + i + "] must be a mapping");
      }
      out.add(access(YamlObject.embedded(item, KEY + "[" + i + "]", at), workload, at));
    }
    return out;
  }

  private static Access access(YamlObject yaml, Workload workload, SourceLocation at) {
    yaml.onlyKeys(
        "resource",
        "group",
        "verbs",
        "scope",
        "namespace",
        "pattern",
        "periodSeconds",
        "ratePerSecond",
        "consistency",
        "watchList",
        "clientQps",
        "clientBurst",
        "metadataOnly");
    Pattern pattern = parseEnum(yaml, "pattern", Pattern::parse, Pattern.INFORMER);
    Scope scope = parseEnum(yaml, "scope", Scope::parse, Scope.CLUSTER);
    List<String> verbs = yaml.stringList("verbs");
    if (verbs.isEmpty()) {
      verbs = pattern.defaultVerbs();
    }
    double period = 0;
    if (pattern == Pattern.POLL) {
      period = yaml.optionalNumber("periodSeconds", 0).orElse(Access.DEFAULT_POLL_SECONDS);
      if (period <= 0) {
        throw yaml.error("periodSeconds", yaml.path() + ".periodSeconds must be greater than 0");
      }
    } else if (yaml.has("periodSeconds")) {
      throw yaml.error(
          "periodSeconds", yaml.path() + ".periodSeconds applies to pattern poll only");
    }
    Optional<Double> rate = yaml.optionalNumber("ratePerSecond", 0);
    if (rate.isPresent() && pattern != Pattern.GET_PER_EVENT) {
      throw yaml.error(
          "ratePerSecond", yaml.path() + ".ratePerSecond applies to pattern get-per-event only");
    }
    String namespace =
        scope == Scope.NAMESPACE
            ? yaml.optionalString("namespace").orElse(workload.namespace())
            : "";
    String resource =
        Resources.key(yaml.optionalString("group").orElse(""), yaml.string("resource"));
    String detail =
        KEY
            + " declares "
            + String.join(",", new java.util.TreeSet<>(verbs))
            + " "
            + resource
            + " ("
            + scope.label()
            + ")";
    return new Access(
        resource,
        Set.copyOf(verbs),
        Access.Reach.of(scope, namespace),
        Access.Use.of(pattern, period, rate),
        new Provenance(Source.ANNOTATION, detail, at),
        client(yaml));
  }

  private static ClientBehaviour client(YamlObject yaml) {
    ClientBehaviour defaults = ClientBehaviour.CLIENT_GO;
    Optional<Boolean> watchList =
        yaml.optionalString("watchList")
            .map(
                text ->
                    switch (text) {
                      case "true" -> true;
                      case "false" -> false;
                      default ->
                          throw yaml.error(
                              "watchList", yaml.path() + ".watchList must be true or false");
                    });
    double qps = yaml.optionalNumber("clientQps", 0).orElse(defaults.qps());
    double burst = yaml.optionalNumber("clientBurst", 0).orElse(Math.max(defaults.burst(), qps));
    if (qps <= 0 || burst <= 0) {
      throw yaml.error(
          "clientQps", yaml.path() + ": clientQps and clientBurst must be greater than 0");
    }
    String metadataOnly = yaml.optionalString("metadataOnly").orElse("false");
    if (!metadataOnly.equals("true") && !metadataOnly.equals("false")) {
      throw yaml.error("metadataOnly", yaml.path() + ".metadataOnly must be true or false");
    }
    return new ClientBehaviour(
        parseEnum(yaml, "consistency", ClientBehaviour.Consistency::parse, defaults.consistency()),
        watchList.isPresent() ? watchList : defaults.watchList(),
        qps,
        burst,
        Boolean.parseBoolean(metadataOnly));
  }

  private static <E> E parseEnum(
      YamlObject yaml, String key, java.util.function.Function<String, E> parser, E fallback) {
    Optional<String> text = yaml.optionalString(key);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return parser.apply(text.get());
    } catch (IllegalArgumentException e) {
      throw yaml.error(key, yaml.path() + "." + key + ": unknown value '" + text.get() + "'");
    }
  }
}
