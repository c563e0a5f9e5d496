package io.kubeload.manifest;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.kubeload.yaml.CompactTree;
import io.kubeload.yaml.SourceLocation;
import java.util.Map;
import java.util.Optional;

/**
 * One Kubernetes object as read: its identity, its plain YAML tree, the typed fabric8 object for the
 * kinds kubeload models, and where each of its fields was written.
 *
 * @param raw the document as plain maps, lists and scalars, as far as a stage reads it: a typed
 *     object's identity (apiVersion, kind, metadata) and its pod template's metadata, a ConfigMap
 *     whole, an object of a kind no stage reads its identity, other kinds whole (Secret data
 *     removed on reading); the typed objects hold the rest
 * @param digest of the whole document as read (Secret data removed, identity-only kinds their
 *     identity), which tells whether an object changed without keeping its tree
 * @param typed the fabric8 object for kinds in {@link KubernetesShapes}; empty for other kinds and CRs
 * @param fieldLines 1-based line of each field, keyed by path such as {@code spec.replicas} or
 *     {@code rules[2]}
 */
public record Manifest(
    String apiVersion,
    ObjectRef ref,
    Map<String, Object> raw,
    Digest digest,
    Optional<KubernetesResource> typed,
    SourceLocation location,
    Map<String, Integer> fieldLines) {

  public String kind() {
    return ref.kind();
  }

  public String namespace() {
    return ref.namespace();
  }

  public String name() {
    return ref.name();
  }

  /** The API group, empty for the core group. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public <T extends KubernetesResource> Optional<T> as(Class<T> type) {
    return typed.filter(type::isInstance).map(type::cast);
  }

  /**
   * The label selector written at {@code path} (dotted mapping keys, e.g. a custom resource's
   * {@code spec.serviceMonitorSelector}); empty when no mapping is written there, as a custom
   * resource's schema is not kubeload's to enforce.
   *
   * @throws InputException when the mapping there holds a field of the wrong type
   */
  public Optional<LabelSelector> labelSelectorAt(String path) {
    Object value = raw;
    for (String key : path.split("\\.", -1)) {
      value = value instanceof Map<?, ?> map ? map.get(key) : null;
    }
    if (!(value instanceof Map<?, ?>)) {
      return Optional.empty();
    }
    return Optional.of(
        TypedConversion.convert(
            KubernetesShapes.LABEL_SELECTOR, value, path, "label selector", fieldLines, location));
  }

  /** Location of a field, or of the object when the field is not written out. */
  public SourceLocation locationOf(String fieldPath) {
    Integer line = fieldLines.get(fieldPath);
    return line == null ? location : location.atLine(line);
  }

  public Map<String, String> annotations() {
    return stringMap("annotations");
  }

  public Map<String, String> labels() {
    return stringMap("labels");
  }

  /** Whether the object names its namespace; without one it lands where it is applied ({@code -n}). */
  public boolean namespaceWritten() {
    return raw.get("metadata") instanceof Map<?, ?> m
        && m.get("namespace") instanceof String ns
        && !ns.isBlank();
  }

  /** The object as applied into {@code namespace}: only a namespaced object written without one moves. */
  public Manifest placedIn(String namespace) {
    if (ref.namespace().isEmpty() || namespaceWritten()) {
      return this;
    }
    return new Manifest(
        apiVersion,
        new ObjectRef(ref.kind(), namespace, ref.name()),
        raw,
        digest,
        typed,
        location,
        fieldLines);
  }

  /**
   * The object as the stages after inference read it: its identity, labels and annotations, its
   * digest and where it is written; not its typed object, the rest of its tree or its fields' lines.
   * A workload is kept this way from its projection on: in a repository of releases its whole
   * object was a third of what the simulations and the gate held (docs/performance.md).
   */
  public Manifest identity() {
    return new Manifest(
        apiVersion,
        ref,
        CompactTree.ofMapping(ManifestParser.identity(raw)),
        digest,
        Optional.empty(),
        location,
        Map.of());
  }

  /** The object as read, written at {@code other}. */
  public Manifest at(SourceLocation other) {
    return new Manifest(apiVersion, ref, raw, digest, typed, other, fieldLines);
  }

  /** One annotation as {@link #annotations()} holds it, without building them all. */
  public Optional<String> annotation(String key) {
    return metadataValue("annotations", key);
  }

  /** One label as {@link #labels()} holds it, without building them all. */
  public Optional<String> label(String key) {
    return metadataValue("labels", key);
  }

  /** Helm test hooks run only under {@code helm test}; they put no load on a live cluster. */
  public boolean isHelmTestHook() {
    String hooks = annotation("helm.sh/hook").orElse("");
    for (String hook : hooks.split(",", -1)) {
      String h = hook.strip();
      if (h.equals("test") || h.equals("test-success") || h.equals("test-failure")) {
        return true;
      }
    }
    return false;
  }

  private Optional<String> metadataValue(String metadataKey, String key) {
    for (Map.Entry<?, ?> e : metadataMap(metadataKey).entrySet()) {
      if (String.valueOf(e.getKey()).equals(key)) {
        return Optional.of(text(e.getValue()));
      }
    }
    return Optional.empty();
  }

  private Map<String, String> stringMap(String metadataKey) {
    java.util.TreeMap<String, String> out = new java.util.TreeMap<>();
    metadataMap(metadataKey).forEach((k, v) -> out.put(String.valueOf(k), text(v)));
    return out.isEmpty() ? Map.of() : out;
  }

  /** The mapping written at {@code metadata.<metadataKey>}; empty where none is. */
  private Map<?, ?> metadataMap(String metadataKey) {
    return raw.get("metadata") instanceof Map<?, ?> m
            && m.get(metadataKey) instanceof Map<?, ?> values
        ? values
        : Map.of();
  }

  /** A label's or annotation's value as text: written empty ({@code key:}), it is "". */
  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
