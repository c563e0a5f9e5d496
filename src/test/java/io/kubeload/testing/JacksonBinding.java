package io.kubeload.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.yaml.YamlDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The oracle for kubeload's hand-written binding: fabric8's own Jackson binding of every field, as
 * strict about types as the reader is (the configuration kubeload used before it bound by hand).
 */
public final class JacksonBinding {

  private static final JsonMapper MAPPER = strictMapper();

  private JacksonBinding() {}

  private static JsonMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    for (LogicalType type :
        new LogicalType[] {LogicalType.Integer, LogicalType.Boolean, LogicalType.Float}) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    return mapper;
  }

  /**
   * The manifest with its typed object bound by Jackson from the same YAML tree, read again from its
   * file's {@code trees} (the reader keeps a typed object's identity only).
   */
  private static Manifest rebound(Manifest m, Map<Integer, Object> trees) {
    Optional<KubernetesResource> typed =
        m.typed()
            .map(
                t ->
                    MAPPER.convertValue(
                        Objects.requireNonNull(trees.get(m.location().line()), m.toString()),
                        t.getClass()));
    return new Manifest(
        m.apiVersion(), m.ref(), m.raw(), m.digest(), typed, m.location(), m.fieldLines());
  }

  /** Every manifest of the set {@linkplain #rebound(Manifest, Map) bound by Jackson}, in its order. */
  public static ManifestSet rebound(ManifestSet set) {
    Map<String, Map<Integer, Object>> files = new HashMap<>();
    UnaryOperator<Manifest> rebind =
        m -> rebound(m, files.computeIfAbsent(m.location().file(), JacksonBinding::trees));
    return new ManifestSet(
        set.manifests().stream().map(rebind).toList(),
        set.skippedTestHooks().stream().map(rebind).toList());
  }

  /** Each object's whole plain tree in {@code file}, by the line the reader locates it at. */
  private static Map<Integer, Object> trees(String file) {
    byte[] content;
    try {
      content = Files.readAllBytes(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Integer, Object> out = new HashMap<>();
    for (YamlDocuments.Document d : YamlDocuments.read(file, content)) {
      out.put(d.startLine(), d.value());
      if (d.value() instanceof Map<?, ?> map && map.get("items") instanceof List<?> items) {
        for (int i = 0; i < items.size(); i++) {
          out.put(d.lines().getOrDefault("items[" + i + "]", d.startLine()), items.get(i));
        }
      }
    }
    return out;
  }

  /** The object as JSON, only its non-empty fields (fabric8's own inclusion rules). */
  public static JsonNode tree(Object typed) {
    return MAPPER.valueToTree(typed);
  }
}
