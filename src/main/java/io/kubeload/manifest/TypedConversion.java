package io.kubeload.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Converts a document's YAML tree into its fabric8 type, as strictly as the API server decodes JSON:
 * a string is not an integer and a fraction is not a count.
 */
final class TypedConversion {

  private static final JsonMapper MAPPER = strictMapper();

  /** Env values, and keys named like credentials: an error message never quotes them. */
  private static final Pattern MAY_HOLD_A_CREDENTIAL =
      Pattern.compile("(^|\\.)env(From)?(\\[|\\.|$)|(?i)(pass|secret|token|key|credential|auth|cert)[^.]*$");

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
      throw new InputException(
          at.file(), line == null ? at.line() : line,
          (path.isEmpty() ? "" : path + ": ") + "not a valid " + type.getSimpleName() + ": " + problem(e, tree, path));
    }
  }

  /** "expected a whole number, not "three"" rather than Jackson's own wording. */
  private static String problem(IllegalArgumentException e, Map<String, Object> tree, String path) {
    if (e.getCause() instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      Class<?> target = mismatch.getTargetType();
      String expected =
          target == Integer.class || target == int.class || target == Long.class || target == long.class ? "a whole number"
              : target == Boolean.class || target == boolean.class ? "true or false"
              : target == Double.class || target == double.class || target == Float.class ? "a number"
              : java.util.List.class.isAssignableFrom(target) ? "a list"
              : target == String.class ? "a string"
              : "a mapping";
      return "expected " + expected + ", not " + shown(valueAt(tree, path), path);
    }
    String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    message = message == null ? "wrong type" : message.lines().findFirst().orElse(message);
    return message.replaceAll("\\(class [^)]*\\)", "").replaceAll("`[a-z]+(\\.[A-Za-z0-9$]+)+`", "the field").replaceAll("\\s+", " ");
  }

  private static Object valueAt(Object tree, String path) {
    Object current = tree;
    for (String part : path.split("\\.|(?=\\[)")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.startsWith("[") && current instanceof java.util.List<?> list) {
        int index = Integer.parseInt(part.substring(1, part.length() - 1));
        current = index < list.size() ? list.get(index) : null;
      } else if (current instanceof Map<?, ?> map) {
        current = map.get(part);
      } else {
        return null;
      }
    }
    return current;
  }

  private static String shown(Object value, String path) {
    if (value instanceof String && MAY_HOLD_A_CREDENTIAL.matcher(path).find()) {
      return "a string";
    }
    if (value instanceof String s) {
      return "\"" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "\"";
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (value instanceof java.util.List<?>) {
      return "a list";
    }
    return String.valueOf(value);
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
