package io.kubeload.manifest;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.kubeload.yaml.CompactTree;
import io.kubeload.yaml.FieldLines;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.InputLimits;
import io.kubeload.yaml.RunBudget;
import io.kubeload.yaml.SourceLocation;
import io.kubeload.yaml.SourceText;
import io.kubeload.yaml.YamlDocuments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses rendered manifests: multi-document streams, {@code kind: List} and empty documents are
 * handled; every object keeps its file, line and Helm template. Reading files, folders and standard
 * input is the command line's (docs/architecture.md).
 */
public final class ManifestParser {

  /**
   * Expressions only Helm writes: a reference to Helm's built-in objects anywhere in the action
   * ({@code {{ quote .Release.Name }}}, {@code {{ $.Values.x }}}) or a Helm-only function. Go-template
   * words shared with Prometheus and Alertmanager templates ({@code {{ with $labels.x }}},
   * {@code {{ .CommonLabels.alertname }}}) are data in rendered output.
   */
  private static final Pattern HELM_OBJECT =
      Pattern.compile("\\.(?:Values|Release|Chart|Capabilities|Template|Files)\\b");

  private static final Pattern HELM_FUNCTION =
      Pattern.compile("\\{\\{-?\\s*(?:include|toYaml|tpl|required)\\s");

  private ManifestParser() {}

  /** Parses one input's bytes; {@code name} is how errors and locations refer to it. */
  public static List<Manifest> parse(String name, byte[] content) {
    return parse(name, content, InputLimits.DEFAULT);
  }

  /** As {@link #parse(String, byte[])}, within {@code limits}. */
  public static List<Manifest> parse(String name, byte[] content, InputLimits limits) {
    return parse(name, content, limits, new RunBudget(limits));
  }

  /**
   * As {@link #parse(String, byte[], InputLimits)}, counting documents and alias nodes against
   * {@code budget}, which the inputs of one run share.
   */
  public static List<Manifest> parse(
      String name, byte[] content, InputLimits limits, RunBudget budget) {
    return parseText(name, SourceText.decode(name, content), limits, budget);
  }

  /** As {@link #parse(String, byte[], InputLimits, RunBudget)}, of text already decoded. */
  public static List<Manifest> parseText(
      String name, String text, InputLimits limits, RunBudget budget) {
    return parseText(name, text, limits, budget, Split.DEFAULT);
  }

  /**
   * When an input is read in parts on all cores: from {@code minChars} characters on, in parts of
   * at least {@code partChars}. A typical release (0.2 MB) is read on its own thread: starting the
   * pool's thread and cutting the stream would cost it more than the few documents save.
   */
  record Split(int minChars, int partChars) {
    static final Split DEFAULT =
        Runtime.getRuntime().availableProcessors() > 1
            ? new Split(1_000_000, 256 * 1024)
            : new Split(Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  /**
   * As {@link #parseText(String, String, InputLimits, RunBudget)}; the stream's documents read in
   * parts side by side when {@code split} says so, each part against a budget of its own, and taken
   * in stream order. A part that failed, or whose counts pass the run's limits once added to the
   * parts before it, or whose first object's template depended on how the part before it ended, is
   * read again from there to the end as the one-thread read does, so that the objects, their
   * locations and every error are the same whatever the parts and the threads.
   */
  static List<Manifest> parseText(
      String name, String text, InputLimits limits, RunBudget budget, Split split) {
    HelmSources sources = new HelmSources(text);
    Reading reading = new Reading(name, sources, budget, 0);
    List<YamlDocuments.Part> parts =
        text.length() >= split.minChars()
            ? YamlDocuments.parts(text, split.partChars())
            : List.of();
    if (parts.size() < 2) {
      YamlDocuments.read(name, text, limits, budget, reading::accept);
      return reading.out;
    }
    List<PartRead> read =
        parts.parallelStream()
            .map(part -> PartRead.of(name, text, part, limits, budget, sources))
            .toList();
    for (int p = 0; p < parts.size(); p++) {
      PartRead part = read.get(p);
      if (part.failed
          || (part.reading.documents > 0 && part.assumedPreviousEnd != reading.previousEnd)
          || !budget.add(part.reading.budget)) {
        YamlDocuments.read(name, text, parts.get(p).rest(), limits, budget, reading::accept);
        return reading.out;
      }
      reading.out.addAll(part.reading.out);
      if (part.reading.documents > 0) {
        reading.previousEnd = part.reading.previousEnd;
      }
    }
    return reading.out;
  }

  /** One part read on its own, or the failure that makes the run read it again. */
  private static final class PartRead {
    final Reading reading;
    final int assumedPreviousEnd;
    boolean failed;

    private PartRead(Reading reading, int assumedPreviousEnd) {
      this.reading = reading;
      this.assumedPreviousEnd = assumedPreviousEnd;
    }

    static PartRead of(
        String name,
        String text,
        YamlDocuments.Part part,
        InputLimits limits,
        RunBudget budget,
        HelmSources sources) {
      // The document before the part ends at its first `---` when the block reader read it, as it
      // reads nearly every document; the merge checks it.
      PartRead read =
          new PartRead(
              new Reading(name, sources, budget.part(), part.firstLine()), part.firstLine());
      try {
        YamlDocuments.read(name, text, part, limits, read.reading.budget, read.reading::accept);
      } catch (RuntimeException | StackOverflowError e) {
        read.failed = true;
      }
      return read;
    }
  }

  /** The objects of a stream's documents as they are read, in order, with their templates. */
  private static final class Reading {
    final String name;
    final HelmSources sources;
    final RunBudget budget;
    final List<Manifest> out = new ArrayList<>();
    int previousEnd;
    int documents;

    Reading(String name, HelmSources sources, RunBudget budget, int previousEnd) {
      this.name = name;
      this.sources = sources;
      this.budget = budget;
      this.previousEnd = previousEnd;
    }

    // Each document becomes its objects as it is read, so only what they keep outlives it.
    void accept(YamlDocuments.Document document) {
      if (document.value() != null) {
        SourceLocation at =
            new SourceLocation(
                name, document.startLine(), sources.templateFor(document.startLine(), previousEnd));
        addObjects(document.value(), "", document.lines(), at, budget, out);
      }
      previousEnd = document.endLine();
      documents++;
    }
  }

  private static void addObjects(
      Object value,
      String path,
      Map<String, Integer> lines,
      SourceLocation at,
      RunBudget budget,
      List<Manifest> out) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new InputException(
          at.file(), at.line(), "a document must be a mapping with apiVersion and kind");
    }
    Map<String, Object> tree = stringKeys(map, path, lines, at);
    String kind = requiredString(tree, "kind", at);
    String apiVersion = requiredString(tree, "apiVersion", at);
    if (kind.equals("List") || (kind.endsWith("List") && tree.containsKey("items"))) {
      if (!(tree.get("items") instanceof List<?> items)) {
        // kubectl applies nothing from such a List: passing it would say "pass" having read
        // nothing.
        throw new InputException(
            at.file(),
            lines.getOrDefault(prefix(path) + "items", at.line()),
            "a " + kind + " needs items, a list of objects");
      }
      for (int i = 0; i < items.size(); i++) {
        String itemPath = prefix(path) + "items[" + i + "]";
        SourceLocation itemAt = at.atLine(lines.getOrDefault(itemPath, at.line()));
        // Each item is an object as a document is: it counts against --max-documents as one.
        budget.countDocument(at.file(), itemAt.line());
        addObjects(items.get(i), itemPath, lines, itemAt, budget, out);
      }
      return;
    }
    if (!rendered(tree)) {
      checkRendered(tree, path, lines, at);
    }
    out.add(toManifest(apiVersion, kind, tree, relativeLines(path, lines), at, budget));
    if (kind.equals("ConfigMap") && !apiVersion.contains("/")) {
      chargeEmbeddedAliases(tree, relativeLines(path, lines), at, budget);
    }
  }

  /**
   * A ConfigMap's YAML values that use aliases (a component's {@code prometheus.yml}) are expanded
   * when a workload's configuration is read: each within a configuration's share, and all of them on
   * the run's budget as the manifests' own aliases are, so that many ConfigMaps each within its
   * share cannot add up to an alias bomb. A value without both an anchor and an alias adds nothing.
   */
  private static void chargeEmbeddedAliases(
      Map<String, Object> tree, Map<String, Integer> lines, SourceLocation at, RunBudget budget) {
    if (!(tree.get("data") instanceof Map<?, ?> data)) {
      return;
    }
    for (Map.Entry<?, ?> entry : data.entrySet()) {
      if (entry.getValue() instanceof String text
          && text.indexOf('&') >= 0
          && text.indexOf('*') >= 0) {
        long nodes = YamlDocuments.embeddedAliasNodes(at.file(), text);
        if (!budget.fitsAliasNodes(nodes)) {
          throw new InputException(
              at.file(),
              lines.getOrDefault("data." + entry.getKey(), at.line()),
              budget.aliasBomb());
        }
        budget.spendAliasNodes(nodes);
      }
    }
  }

  private static Manifest toManifest(
      String apiVersion,
      String kind,
      Map<String, Object> tree,
      Map<String, Integer> lines,
      SourceLocation at,
      RunBudget budget) {
    Map<?, ?> metadata = tree.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String name = stringField(metadata, "name", lines, at);
    if (name == null || name.isBlank()) {
      name = stringField(metadata, "generateName", lines, at);
      name = name != null && !name.isBlank() ? name : null;
    } else {
      checkName(group, kind, name, lines.getOrDefault("metadata.name", at.line()), at);
    }
    if (name == null) {
      throw new InputException(at.file(), at.line(), kind + " has no metadata.name");
    }
    String written = stringField(metadata, "namespace", lines, at);
    if (written != null && !written.isEmpty() && !dnsLabel(written)) {
      throw new InputException(
          at.file(),
          lines.getOrDefault("metadata.namespace", at.line()),
          "metadata.namespace is not a valid namespace name (lower-case letters, digits and '-', at most 63)");
    }
    String namespace =
        ClusterScopedKinds.contains(kind)
            ? ""
            : written != null && !written.isBlank() ? written : ObjectRef.DEFAULT_NAMESPACE;
    Map<String, Object> kept =
        kind.equals("Secret") && group.isEmpty() ? withoutSecretData(tree) : tree;
    Optional<KubernetesResource> typed =
        KubernetesShapes.forKind(group, kind)
            .map(
                shape ->
                    (KubernetesResource) TypedConversion.convert(shape, kept, "", kind, lines, at));
    ObjectRef ref = new ObjectRef(kind, namespace, name);
    if (IDENTITY_ONLY.contains(group + "/" + kind)) {
      Map<String, Object> identity = identity(kept);
      return new Manifest(
          apiVersion,
          ref,
          CompactTree.ofMapping(identity),
          Digest.of(identity),
          typed,
          at,
          shared(identityLines(lines), budget));
    }
    Digest digest = Digest.of(kept);
    // The typed object holds what the stages read of these kinds; a ConfigMap's data is read as
    // written, and compared.
    if (typed.isEmpty() || kind.equals("ConfigMap")) {
      return new Manifest(
          apiVersion, ref, CompactTree.ofMapping(kept), digest, typed, at, shared(lines, budget));
    }
    return new Manifest(
        apiVersion,
        ref,
        CompactTree.ofMapping(typedKindTree(kept)),
        digest,
        typed,
        at,
        shared(
            lines instanceof FieldLines all ? all.retain(ManifestParser::cited) : lines, budget));
  }

  /** Lines as an object keeps them: their paths shared with the run's objects that wrote the same. */
  private static Map<String, Integer> shared(Map<String, Integer> lines, RunBudget budget) {
    return lines instanceof FieldLines read ? read.sharedIn(budget) : lines;
  }

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static String stringField(
      Map<?, ?> metadata, String key, Map<String, Integer> lines, SourceLocation at) {
    Object value = metadata.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    // `namespace: 42` read as no namespace moved a workload away from its RBAC grants: a pass
    // forged.
    throw new InputException(
        at.file(),
        lines.getOrDefault("metadata." + key, at.line()),
        "metadata." + key + " must be a string");
  }

  private static boolean dnsLabel(String name) {
    return name.length() <= 63 && DNS_LABEL.matcher(name).matches();
  }

  /**
   * Names as the API server validates them: RBAC objects take any path segment
   * ({@code system:controller:x}), a Namespace a DNS label, every other kind (custom resources too)
   * a DNS subdomain. An object named otherwise cannot be applied, so it is bad input.
   */
  private static void checkName(
      String group, String kind, String name, int line, SourceLocation at) {
    boolean valid;
    String rule;
    if (group.equals("rbac.authorization.k8s.io")) {
      // RBAC allows any path segment; a control character too, but no report could show it as it
      // is.
      valid =
          !name.equals(".")
              && !name.equals("..")
              && name.indexOf('/') < 0
              && name.indexOf('%') < 0
              && name.chars().noneMatch(Character::isISOControl);
      rule = "no '/', '%' or control character, not '.' or '..'";
    } else if (kind.equals("Namespace") && group.isEmpty()) {
      valid = dnsLabel(name);
      rule = "lower-case letters, digits and '-', at most 63";
    } else {
      valid = name.length() <= 253 && DNS_SUBDOMAIN.matcher(name).matches();
      rule = "lower-case letters, digits, '-' and '.', at most 253";
    }
    if (!valid) {
      throw new InputException(
          at.file(), line, "metadata.name is not a valid " + kind + " name (" + rule + ")");
    }
  }

  /**
   * Kinds no stage reads beyond their identity, labels and annotations: their specs (a
   * CustomResourceDefinition's schema runs to thousands of lines) are dropped as they are read, so
   * that a repository of many releases keeps what the analysis needs, not the text.
   */
  private static final java.util.Set<String> IDENTITY_ONLY =
      java.util.Set.of(
          "/Service",
          "/Endpoints",
          "/Namespace",
          "/LimitRange",
          "/ResourceQuota",
          "/PersistentVolumeClaim",
          "policy/PodDisruptionBudget",
          "apiextensions.k8s.io/CustomResourceDefinition",
          "networking.k8s.io/NetworkPolicy",
          "networking.k8s.io/Ingress",
          "networking.k8s.io/IngressClass",
          "scheduling.k8s.io/PriorityClass",
          "storage.k8s.io/StorageClass",
          "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
          "admissionregistration.k8s.io/MutatingWebhookConfiguration",
          "apiregistration.k8s.io/APIService",
          "discovery.k8s.io/EndpointSlice");

  /** A tree's apiVersion, kind and metadata. */
  static Map<String, Object> identity(Map<String, Object> tree) {
    Map<String, Object> kept = new LinkedHashMap<>();
    for (String key : List.of("apiVersion", "kind", "metadata")) {
      if (tree.containsKey(key)) {
        kept.put(key, tree.get(key));
      }
    }
    return kept;
  }

  /**
   * What is kept as a plain tree of a kind the typed model holds: its identity and its pod
   * template's metadata, whose labels a catalog entry may recognise a container by, as it does for
   * an operator's custom resource that has no typed model.
   */
  private static Map<String, Object> typedKindTree(Map<String, Object> tree) {
    Map<String, Object> kept = identity(tree);
    if (tree.get("spec") instanceof Map<?, ?> spec
        && spec.get("template") instanceof Map<?, ?> template
        && template.get("metadata") instanceof Map<?, ?> metadata) {
      kept.put("spec", Map.of("template", Map.of("metadata", metadata)));
    }
    return kept;
  }

  /**
   * Whether a finding or a later stage's error can name the line of {@code path} in a typed object:
   * its identity and annotations (the pod template's too), its replicas and parallelism, a
   * container's image, environment, command and arguments, an RBAC role's rules and a binding's
   * role. Its other lines were needed only while it was bound, and are dropped: a fleet's typed
   * objects kept a line for every field.
   */
  static boolean cited(String path) {
    if (path.startsWith("metadata")
        || path.equals("apiVersion")
        || path.equals("kind")
        || path.equals("roleRef")
        || path.contains(".metadata.annotations.")
        || path.endsWith(".replicas")
        || path.endsWith(".parallelism")
        || path.endsWith(".image")) {
      return true;
    }
    if (path.startsWith("rules[")) {
      return path.indexOf('.') < 0;
    }
    if (!path.endsWith("]")) {
      return false;
    }
    String last = path.substring(path.lastIndexOf('.') + 1);
    return last.startsWith("env[")
        || last.startsWith("envFrom[")
        || last.startsWith("args[")
        || last.startsWith("command[");
  }

  private static Map<String, Integer> identityLines(Map<String, Integer> lines) {
    return lines instanceof FieldLines all
        ? all.retain(
            path -> path.equals("apiVersion") || path.equals("kind") || path.startsWith("metadata"))
        : lines;
  }

  /** A Secret's values never leave the parser: no report, log or error can show them. */
  private static Map<String, Object> withoutSecretData(Map<String, Object> tree) {
    Map<String, Object> copy = new LinkedHashMap<>(tree);
    copy.remove("data");
    copy.remove("stringData");
    return copy;
  }

  private static Map<String, Object> stringKeys(
      Map<?, ?> map, String path, Map<String, Integer> lines, SourceLocation at) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.put(scalarKey(e.getKey(), path, lines, at), e.getValue());
    }
    return out;
  }

  /**
   * Whether no string below {@code value} holds a Helm expression and no key is a mapping or list:
   * the usual case, walked without building the path of every field that only an error names.
   */
  private static boolean rendered(Object value) {
    if (value instanceof String s) {
      return !helmExpression(s);
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getKey() instanceof Map<?, ?>
            || e.getKey() instanceof List<?>
            || !rendered(e.getValue())) {
          return false;
        }
      }
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        if (!rendered(item)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Rejects the first field, in document order, that {@link #rendered} finds wrong, naming its path. */
  private static void checkRendered(
      Object value, String path, Map<String, Integer> lines, SourceLocation at) {
    if (value instanceof String s) {
      if (helmExpression(s)) {
        throw new InputException(
            at.file(),
            lines.getOrDefault(path, at.line()),
            "unrendered Helm template in " + path + ": run `helm template` first");
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        checkRendered(
            e.getValue(), prefix(path) + scalarKey(e.getKey(), path, lines, at), lines, at);
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        checkRendered(list.get(i), path + "[" + i + "]", lines, at);
      }
    }
  }

  /**
   * Whether {@code s} holds a Helm expression, in one pass: an action runs from `{{` to the first
   * `}`, and a later `{{` before that `}` would search a part of the same span, so each span is
   * searched once (a regular expression tried from every `{{` to the end is quadratic in a line of
   * braces).
   */
  static boolean helmExpression(String s) {
    int open = s.indexOf("{{");
    if (open < 0) {
      return false;
    }
    Matcher object = HELM_OBJECT.matcher(s).useTransparentBounds(true);
    while (open >= 0) {
      int close = s.indexOf('}', open + 2);
      int end = close < 0 ? s.length() : close;
      if (object.region(open + 2, end).find()) {
        return true;
      }
      open = close < 0 ? -1 : s.indexOf("{{", close);
    }
    return HELM_FUNCTION.matcher(s).find();
  }

  /**
   * Keys become strings, as they do when kubectl converts YAML to JSON ({@code 9000: ns/svc:8080}
   * in a tcp-services ConfigMap); a mapping or list as a key is what an unrendered {@code {{ x }}} parses to.
   */
  private static String scalarKey(
      Object key, String path, Map<String, Integer> lines, SourceLocation at) {
    if (key instanceof Map<?, ?> || key instanceof List<?>) {
      throw new InputException(
          at.file(),
          lines.getOrDefault(path, at.line()),
          "unrendered Helm template: a mapping where a key should be (run `helm template` first)");
    }
    return String.valueOf(key);
  }

  private static String requiredString(Map<String, Object> tree, String key, SourceLocation at) {
    if (tree.get(key) instanceof String s && !s.isBlank()) {
      return s;
    }
    throw new InputException(
        at.file(),
        at.line(),
        "document has no " + key + " (every object needs apiVersion and kind)");
  }

  /** An item's lines, looked up under its path in its List's: no copy per item, so a List reads in linear time. */
  private static Map<String, Integer> relativeLines(String path, Map<String, Integer> lines) {
    return path.isEmpty() ? lines : new ItemLines(path + ".", lines);
  }

  private static final class ItemLines extends java.util.AbstractMap<String, Integer> {
    private final String prefix;
    private final Map<String, Integer> lines;

    ItemLines(String prefix, Map<String, Integer> lines) {
      this.prefix = prefix;
      this.lines = lines;
    }

    @Override
    public Integer get(Object key) {
      return key instanceof String k ? lines.get(prefix + k) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public java.util.Set<Map.Entry<String, Integer>> entrySet() {
      Map<String, Integer> out = new LinkedHashMap<>();
      lines.forEach(
          (k, v) -> {
            if (k.startsWith(prefix)) {
              out.put(k.substring(prefix.length()), v);
            }
          });
      return out.entrySet();
    }
  }

  private static String prefix(String path) {
    return path.isEmpty() ? "" : path + ".";
  }
}
