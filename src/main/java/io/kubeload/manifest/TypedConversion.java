package io.kubeload.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.Map;

/**
 * Converts a document's YAML tree into its fabric8 type, as strictly as the API server decodes JSON:
 * a string is not an integer and a fraction is not a count.
 */
final class TypedConversion {

  private static final JsonMapper MAPPER = strictMapper();

  private TypedConversion() {}

  private static JsonMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Boolean, LogicalType.Float}) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    return mapper;
  }

  static KubernetesResource convert(
      Map<String, Object> tree, Class<? extends KubernetesResource> type, Map<String, Integer> lines, SourceLocation at) {
    try {
      return MAPPER.convertValue(tree, type);
    } catch (IllegalArgumentException e) {
      String path = pathOf(e);
      Integer line = lines.get(path);
      String problem = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      problem = problem == null ? "wrong type" : problem.lines().findFirst().orElse(problem);
      problem = problem.replaceAll("\\(class [^)]*\\)", "").replaceAll("\\s+", " ");
      throw new InputException(
          at.file(), line == null ? at.line() : line,
          (path.isEmpty() ? "" : path + ": ") + "not a valid " + type.getSimpleName() + ": " + problem);
    }
  }

  private static String pathOf(IllegalArgumentException e) {
    if (!(e.getCause() instanceof JsonMappingException mapping)) {
      return "";
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : mapping.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
