package io.kubeload.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kubeload.manifest.ManifestParser;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.report.Format;
import io.kubeload.yaml.InputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structure-aware fuzzing of the whole pipeline (docs/fuzzing.md). Byte-level mutation of YAML
 * mostly breaks its syntax, and the reader's first error ends the run; here the fuzzer's bytes choose
 * what to build, and what is built is always YAML of real kinds (Deployments, DaemonSets,
 * StatefulSets, Roles and ClusterRoles, their Bindings, ConfigMaps holding a Prometheus configuration,
 * HPAs, ServiceAccounts and Lists of them), with the fuzzer's names (valid ones, and any string at
 * all), counts, roll-out budgets, nesting and sizes, and anchors and aliases where manifests share
 * labels, containers and scrape discoveries. It runs from the reader to every report format. A
 * finding is anything thrown but a one-line {@link InputException}, and a text or Markdown report in
 * which a name from the input escapes: a control character, a table row with a cell too many, an HTML
 * tag or an {@code @mention} of the input's making.
 */
class StructuredManifestsFuzzTest {

  private static final String[] KINDS = {
    "Deployment",
    "DaemonSet",
    "StatefulSet",
    "Role",
    "ClusterRole",
    "RoleBinding",
    "ClusterRoleBinding",
    "ConfigMap",
    "HorizontalPodAutoscaler",
    "ServiceAccount",
    "List"
  };
  private static final String[] IMAGES = {
    "prom/prometheus:v2.53.0",
    "registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0",
    "fluent/fluent-bit:3.1",
    "otel/opentelemetry-collector-contrib:0.104.0",
    "nginx:1.27",
    "ghcr.io/example/controller:1.0"
  };
  private static final String[] VERBS = {
    "get", "list", "watch", "create", "update", "patch", "delete", "*"
  };
  private static final String[] RESOURCES = {
    "pods",
    "nodes",
    "configmaps",
    "secrets",
    "endpoints",
    "endpointslices",
    "events",
    "leases",
    "services",
    "namespaces",
    "*"
  };
  private static final String[] GROUPS = {
    "", "apps", "coordination.k8s.io", "discovery.k8s.io", "*"
  };
  private static final String[] SD_ROLES = {
    "pod", "node", "endpoints", "endpointslice", "service", "ingress"
  };

  /** Written as they stand: numbers and budgets the API server takes, and some it rejects. */
  private static final String[] RAW_COUNTS = {
    "0",
    "1",
    "3",
    "100000000",
    "2147483647",
    "2147483648",
    "-1",
    "2.9",
    ".nan",
    "\"10\"",
    "\"25%\"",
    "\"100%\"",
    "\"150%\"",
    "\"NaN%\"",
    "null",
    "~"
  };

  /** A scalar the emitter writes verbatim. */
  private record Raw(String text) {}

  @FuzzTest(maxDuration = "15s")
  void structuredManifestsGiveAVerdictAndEscapedReports(FuzzedDataProvider data) {
    String yaml = new Builder(data).documents();
    ManifestSet manifests;
    try {
      manifests =
          ManifestSet.of(ManifestParser.parse("fuzz.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    } catch (InputException expected) {
      Fuzzing.checkOneLine(expected);
      return;
    }
    Map<Format, String> reports;
    try {
      reports = Fuzzing.reports(manifests);
    } catch (InputException expected) {
      Fuzzing.checkOneLine(expected);
      return;
    }
    checkText(reports.get(Format.TEXT));
    checkMarkdown(reports.get(Format.MARKDOWN));
  }

  @org.junit.jupiter.api.Test
  void anyNameIsEmittedAsAScalarTheReaderReadsBack() {
    String name = "x\u0000\u001b[2J\r\n\"'\\|<img src=x>@octocat \ud800\ufeff\u0085 *a &b #c";
    StringBuilder yaml = new StringBuilder();
    Map<String, Object> labels = Builder.map("app", name);
    new Emitter(yaml)
        .document(
            Builder.map(
                "apiVersion",
                "v1",
                "kind",
                "ConfigMap",
                "metadata",
                Builder.map("name", "c", "labels", labels),
                "data",
                Builder.map("a", name),
                "shared",
                List.of(labels, labels)));

    var manifest =
        ManifestParser.parse("fuzz.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8)).get(0);

    org.assertj.core.api.Assertions.assertThat(yaml).contains("&a0", "*a0");
    org.assertj.core.api.Assertions.assertThat(((Map<?, ?>) manifest.raw().get("data")).get("a"))
        .isEqualTo(name.replace("\ud800", "?"));
  }

  @org.junit.jupiter.api.Test
  void theReportChecksCatchANameThatEscapes() {
    String table = "| workload | rule |\n|---|---|\n";
    checkMarkdown(
        table + "| a \\| b | c |\n<details><summary>x</summary></details>\n`@inside <img>`\n");
    for (String escaped :
        List.of(table + "| a | b | c |\n", "<img src=x>\n", "cc @octocat\n", "a\u001b[2J\n")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> checkMarkdown(escaped))
          .as(escaped)
          .isInstanceOf(AssertionError.class);
    }
  }

  /** The fuzzer's choices as manifests: a pool of names that objects refer to each other by. */
  private static final class Builder {
    private final FuzzedDataProvider data;
    private final List<String> names = new ArrayList<>();

    Builder(FuzzedDataProvider data) {
      this.data = data;
      for (int i = data.consumeInt(1, 4); i > 0; i--) {
        names.add(name());
      }
    }

    String documents() {
      StringBuilder out = new StringBuilder();
      for (int i = data.consumeInt(1, 8); i > 0 && data.remainingBytes() > 0; i--) {
        out.append("---\n");
        new Emitter(out).document(object(0));
      }
      return out.toString();
    }

    /** A valid DNS label, any string at all, or a name from the pool (so that objects meet). */
    private String name() {
      return switch (data.consumeInt(0, 3)) {
        case 0 -> dnsLabel(data.consumeString(80));
        case 1 -> data.consumeString(300);
        default -> names.isEmpty() ? "app" : data.pickValue(names);
      };
    }

    private static String dnsLabel(String seed) {
      StringBuilder label = new StringBuilder("n");
      seed.chars()
          .limit(62)
          .forEach(
              c ->
                  label.append(
                      "abcdefghijklmnopqrstuvwxyz0123456789-".charAt(Math.floorMod(c, 37))));
      return label.toString().replaceAll("-+$", "");
    }

    private Object count() {
      return data.consumeBoolean()
          ? (Object) data.consumeInt(0, 50)
          : new Raw(data.pickValue(RAW_COUNTS));
    }

    private Map<String, Object> metadata(boolean namespaced) {
      Map<String, Object> metadata = map("name", name());
      if (namespaced && data.consumeBoolean()) {
        metadata.put("namespace", data.consumeBoolean() ? "monitoring" : name());
      }
      if (data.consumeInt(0, 7) == 0) {
        metadata.put(
            "annotations",
            map(
                "kubeload.io/ignore",
                data.pickValue(new String[] {"watch-egress", "list-cost", "seat-demand"})
                    + "="
                    + name()));
      }
      return metadata;
    }

    private Map<String, Object> object(int depth) {
      String kind = data.pickValue(KINDS);
      return switch (kind) {
        case "Deployment", "DaemonSet", "StatefulSet" -> workload(kind);
        case "Role", "ClusterRole" -> role(kind);
        case "RoleBinding", "ClusterRoleBinding" -> binding(kind);
        case "ConfigMap" -> configMap();
        case "HorizontalPodAutoscaler" -> autoscaler();
        case "ServiceAccount" -> header("v1", kind, true);
        default -> list(depth);
      };
    }

    private Map<String, Object> header(String apiVersion, String kind, boolean namespaced) {
      Map<String, Object> object = map("apiVersion", apiVersion);
      object.put("kind", kind);
      object.put("metadata", metadata(namespaced));
      return object;
    }

    private Map<String, Object> workload(String kind) {
      Map<String, Object> object = header("apps/v1", kind, true);
      Map<String, Object> labels = map("app", name());
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
      metadata.put("labels", labels);
      Map<String, Object> spec = new LinkedHashMap<>();
      if (!kind.equals("DaemonSet")) {
        spec.put("replicas", count());
      }
      spec.put("selector", map("matchLabels", labels));
      if (kind.equals("Deployment") && data.consumeBoolean()) {
        Map<String, Object> budget = map("maxUnavailable", count());
        budget.put("maxSurge", count());
        spec.put("strategy", map("rollingUpdate", budget));
      }
      List<Object> containers = new ArrayList<>();
      for (int i = data.consumeInt(1, 3); i > 0; i--) {
        Map<String, Object> container = map("name", "c" + i);
        container.put("image", data.pickValue(IMAGES));
        if (data.consumeBoolean()) {
          container.put(
              "args", List.of("--config.file=/etc/config/prometheus.yml", "--namespace=" + name()));
        }
        if (data.consumeBoolean()) {
          container.put("env", List.of(map("name", "WATCH_NAMESPACE", "value", name())));
        }
        container.put("volumeMounts", List.of(map("name", "config", "mountPath", "/etc/config")));
        containers.add(container);
      }
      Map<String, Object> pod = new LinkedHashMap<>();
      if (data.consumeBoolean()) {
        pod.put("serviceAccountName", name());
      }
      pod.put("containers", containers);
      if (data.consumeBoolean()) {
        pod.put("initContainers", containers);
      }
      pod.put("volumes", List.of(map("name", "config", "configMap", map("name", name()))));
      spec.put("template", map("metadata", map("labels", labels), "spec", pod));
      object.put("spec", spec);
      return object;
    }

    private Map<String, Object> role(String kind) {
      Map<String, Object> object =
          header("rbac.authorization.k8s.io/v1", kind, kind.equals("Role"));
      List<Object> rules = new ArrayList<>();
      for (int i = data.consumeInt(0, 4); i > 0; i--) {
        Map<String, Object> rule = map("apiGroups", List.of(data.pickValue(GROUPS)));
        rule.put("resources", data.pickValues(RESOURCES, data.consumeInt(1, 4)));
        rule.put("verbs", data.pickValues(VERBS, data.consumeInt(1, 4)));
        rules.add(rule);
      }
      object.put("rules", rules);
      if (kind.equals("ClusterRole") && data.consumeBoolean()) {
        object.put(
            "aggregationRule",
            map("clusterRoleSelectors", List.of(map("matchLabels", map("aggregate-to", name())))));
      }
      return object;
    }

    private Map<String, Object> binding(String kind) {
      Map<String, Object> object =
          header("rbac.authorization.k8s.io/v1", kind, kind.equals("RoleBinding"));
      object.put(
          "roleRef",
          map(
              "apiGroup",
              "rbac.authorization.k8s.io",
              "kind",
              data.consumeBoolean() ? "ClusterRole" : "Role",
              "name",
              name()));
      List<Object> subjects = new ArrayList<>();
      for (int i = data.consumeInt(0, 3); i > 0; i--) {
        subjects.add(
            map(
                "kind",
                "ServiceAccount",
                "name",
                name(),
                "namespace",
                data.consumeBoolean() ? "monitoring" : "default"));
      }
      object.put("subjects", subjects);
      return object;
    }

    /** A Prometheus configuration whose jobs share discoveries through anchors, as a string value. */
    private Map<String, Object> configMap() {
      Map<String, Object> object = header("v1", "ConfigMap", true);
      List<Object> jobs = new ArrayList<>();
      List<Object> shared = null;
      for (int i = data.consumeInt(0, 12); i > 0; i--) {
        List<Object> discoveries =
            shared != null && data.consumeBoolean()
                ? shared
                : List.of(
                    map(
                        "role",
                        data.pickValue(SD_ROLES),
                        "namespaces",
                        map("names", List.of(name()))));
        shared = discoveries;
        jobs.add(map("job_name", name(), "kubernetes_sd_configs", discoveries));
      }
      StringBuilder config = new StringBuilder();
      new Emitter(config)
          .document(map("global", map("scrape_interval", "15s"), "scrape_configs", jobs));
      object.put("data", map("prometheus.yml", config.toString()));
      return object;
    }

    private Map<String, Object> autoscaler() {
      Map<String, Object> object = header("autoscaling/v2", "HorizontalPodAutoscaler", true);
      object.put(
          "spec",
          map(
              "scaleTargetRef",
              map("apiVersion", "apps/v1", "kind", "Deployment", "name", name()),
              "minReplicas",
              count(),
              "maxReplicas",
              count()));
      return object;
    }

    private Map<String, Object> list(int depth) {
      Map<String, Object> object = map("apiVersion", "v1");
      object.put("kind", "List");
      List<Object> items = new ArrayList<>();
      for (int i = depth >= 2 ? 0 : data.consumeInt(0, 8);
          i > 0 && data.remainingBytes() > 0;
          i--) {
        items.add(object(depth + 1));
      }
      object.put("items", items);
      return object;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < keysAndValues.length; i += 2) {
        map.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
      return map;
    }
  }

  /**
   * Block-style YAML of a tree of maps, lists and scalars: every string double-quoted with escapes, so
   * any name is a valid scalar, and a map or list met twice anchored at its first place and an alias
   * at the others.
   */
  private static final class Emitter {
    private final StringBuilder out;
    private final IdentityHashMap<Object, Integer> seen = new IdentityHashMap<>();
    private final IdentityHashMap<Object, String> anchors = new IdentityHashMap<>();

    Emitter(StringBuilder out) {
      this.out = out;
    }

    void document(Map<String, Object> root) {
      count(root);
      block(root, 0);
    }

    private void count(Object node) {
      if (node instanceof Map<?, ?> || node instanceof List<?>) {
        if (seen.merge(node, 1, Integer::sum) == 1) {
          children(node).forEach(this::count);
        }
      }
    }

    private static List<?> children(Object node) {
      return node instanceof Map<?, ?> map ? new ArrayList<>(map.values()) : (List<?>) node;
    }

    private void block(Object node, int indent) {
      String pad = " ".repeat(indent);
      if (node instanceof Map<?, ?> map) {
        map.forEach(
            (key, value) -> {
              out.append(pad).append(quoted((String) key)).append(':');
              value(value, indent + 2);
            });
      } else {
        for (Object item : (List<?>) node) {
          out.append(pad).append('-');
          value(item, indent + 2);
        }
      }
    }

    private void value(Object value, int indent) {
      boolean collection = value instanceof Map<?, ?> || value instanceof List<?>;
      if (!collection) {
        out.append(' ').append(scalar(value)).append('\n');
      } else if (anchors.containsKey(value)) {
        out.append(" *").append(anchors.get(value)).append('\n');
      } else if (children(value).isEmpty()) {
        out.append(value instanceof Map<?, ?> ? " {}\n" : " []\n");
      } else {
        if (seen.get(value) > 1) {
          String anchor = "a" + anchors.size();
          anchors.put(value, anchor);
          out.append(" &").append(anchor);
        }
        out.append('\n');
        block(value, indent);
      }
    }

    private static String scalar(Object value) {
      return value instanceof String text
          ? quoted(text)
          : value instanceof Raw raw ? raw.text() : String.valueOf(value);
    }

    /** Lone surrogates become {@code ?}, as they do in the UTF-8 the reader is given. */
    private static String quoted(String any) {
      String text = new String(any.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      StringBuilder out = new StringBuilder("\"");
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\ufeff' || c >= '\ufffe') {
          out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      return out.append('"').toString();
    }
  }

  private static final Pattern CODE = Pattern.compile("(?s)```.*?```|`[^`\n]*`");
  private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)");
  private static final Set<String> REPORT_TAGS = Set.of("details", "summary", "b", "code", "br");
  private static final Pattern MENTION = Pattern.compile("(?<![\\w.])@[A-Za-z0-9]");

  private static void checkText(String text) {
    text.chars()
        .filter(c -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f))
        .findFirst()
        .ifPresent(
            c -> {
              throw new AssertionError(
                  String.format(
                      Locale.ROOT,
                      "the text report holds control character U+%04X from the input",
                      c));
            });
  }

  private static void checkMarkdown(String markdown) {
    checkText(markdown);
    int header = -1;
    for (String line : markdown.split("\n", -1)) {
      if (!line.startsWith("|")) {
        header = -1;
        continue;
      }
      int cells =
          line.replace("\\\\", "").replace("\\|", "").length()
              - line.replace("\\\\", "").replace("\\|", "").replace("|", "").length();
      if (header < 0) {
        header = cells;
      } else if (cells != header) {
        throw new AssertionError(
            "a table row with " + cells + " pipes under a header of " + header + ": " + line);
      }
    }
    String prose = CODE.matcher(markdown).replaceAll("");
    Matcher tag = TAG.matcher(prose);
    while (tag.find()) {
      if (!REPORT_TAGS.contains(tag.group(2).toLowerCase(Locale.ROOT))) {
        throw new AssertionError("an HTML tag the report does not write: " + tag.group());
      }
    }
    Matcher mention = MENTION.matcher(prose);
    if (mention.find()) {
      throw new AssertionError(
          "an @mention in the comment: "
              + prose.substring(mention.start(), Math.min(prose.length(), mention.start() + 40)));
    }
  }
}
