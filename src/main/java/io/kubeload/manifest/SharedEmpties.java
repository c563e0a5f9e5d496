package io.kubeload.manifest;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bound fabric8 object with every empty list and map it holds replaced by the one shared empty
 * list or map. Each fabric8 object starts with a new list or map per such field, and one more for
 * unknown properties, most of them left empty: at 20,000 objects, about 9 MB of the 57 the run kept
 * after reading (docs/performance.md). The objects are read, never changed, by every later stage.
 */
final class SharedEmpties {

  private static final ClassValue<List<Field>> COLLECTIONS =
      new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
          List<Field> out = new ArrayList<>();
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
              if (!Modifier.isStatic(field.getModifiers())
                  && (field.getType() == List.class || field.getType() == Map.class)) {
                field.setAccessible(true);
                out.add(field);
              }
            }
          }
          return List.copyOf(out);
        }
      };

  private SharedEmpties() {}

  static <T> T in(T object) {
    try {
      for (Field field : COLLECTIONS.get(object.getClass())) {
        Object value = field.get(object);
        if (value instanceof List<?> list && list.isEmpty()) {
          field.set(object, List.of());
        } else if (value instanceof Map<?, ?> map && map.isEmpty()) {
          field.set(object, Map.of());
        }
      }
    } catch (IllegalAccessException e) {
      // Every field was made accessible when its class was first met.
      throw new IllegalStateException(e);
    }
    return object;
  }
}
