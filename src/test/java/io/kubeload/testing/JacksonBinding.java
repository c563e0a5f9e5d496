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
import java.util.Optional;

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

  /** The manifest with its typed object bound by Jackson from the same YAML tree. */
  public static Manifest rebound(Manifest m) {
    Optional<KubernetesResource> typed =
        m.typed().map(t -> MAPPER.convertValue(m.raw(), t.getClass()));
    return new Manifest(m.apiVersion(), m.ref(), m.raw(), typed, m.location(), m.fieldLines());
  }

  public static ManifestSet rebound(ManifestSet set) {
    return new ManifestSet(
        set.manifests().stream().map(JacksonBinding::rebound).toList(),
        set.skippedTestHooks().stream().map(JacksonBinding::rebound).toList());
  }

  /** The object as JSON, only its non-empty fields (fabric8's own inclusion rules). */
  public static JsonNode tree(Object typed) {
    return MAPPER.valueToTree(typed);
  }
}
