package io.kubeload.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A record whose {@code equals} and {@code hashCode} are written out (so that a short run links no
 * method handle for them, docs/performance.md) keeps the record's own contract: two records of
 * equal components are equal, a record differing in any one component is not, and the hash is the
 * record's own formula (31 times the hash so far plus each component's), so that a hashed
 * collection of them iterates as it did with the generated methods.
 */
class SpelledOutRecordsTest {

  static Stream<Class<?>> recordsWithTheirOwnEquals() {
    return ArchitectureTest.CLASSES.stream()
        .filter(SpelledOutRecordsTest::spellsOutEquals)
        .map(JavaClass::reflect)
        .sorted(Comparator.comparing(Class::getName));
  }

  @org.junit.jupiter.api.Test
  void theRecordsOnATypicalReleasesPathAreAmongThem() {
    assertThat(recordsWithTheirOwnEquals().map(Class::getSimpleName))
        .contains(
            "ObjectRef",
            "Digest",
            "LoadShape",
            "AccessShape",
            "SimulationInput",
            "Pods",
            "StartupList",
            "ClientBehaviour",
            "Question",
            "Target");
  }

  @ParameterizedTest
  @MethodSource("recordsWithTheirOwnEquals")
  void equalsSeesEveryComponentAndHashCodeIsTheRecordsFormula(Class<?> type) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object one = build(type, i -> false);

    assertThat(build(type, i -> false)).isEqualTo(one).hasSameHashCodeAs(one);
    assertThat(one.hashCode()).isEqualTo(recordFormula(one));
    for (int differing = 0; differing < components.length; differing++) {
      int changed = differing;
      Object other = build(type, i -> i == changed);
      assertThat(other)
          .as("%s differing in %s", type.getSimpleName(), components[differing].getName())
          .isNotEqualTo(one);
      assertThat(one).isNotEqualTo(other);
      assertThat(other.hashCode()).isEqualTo(recordFormula(other));
    }
    assertThat(one).isNotEqualTo(null).isNotEqualTo(new Object());
  }

  /**
   * A record's generated {@code equals} is one {@code invokedynamic} and reads no field; one written
   * out reads the components.
   */
  private static boolean spellsOutEquals(JavaClass type) {
    return type.reflect().isRecord()
        && type.tryGetMethod("equals", Object.class)
            .filter(equals -> !equals.getFieldAccesses().isEmpty())
            .isPresent();
  }

  /** What {@code java.lang.runtime.ObjectMethods} computes for a record's {@code hashCode}. */
  private static int recordFormula(Object record) throws ReflectiveOperationException {
    int hash = 0;
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      component.getAccessor().setAccessible(true);
      hash = 31 * hash + Objects.hashCode(component.getAccessor().invoke(record));
    }
    return hash;
  }

  /** A record of {@code type} whose components take their second sample value where {@code second}. */
  private static Object build(Class<?> type, IntPredicate second)
      throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = value(components[i].getGenericType(), second.test(i));
    }
    Constructor<?> canonical =
        type.getDeclaredConstructor(
            Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    canonical.setAccessible(true);
    return canonical.newInstance(values);
  }

  private static Object value(Type type, boolean second) throws ReflectiveOperationException {
    if (type instanceof ParameterizedType generic) {
      Type[] arguments = generic.getActualTypeArguments();
      Class<?> raw = (Class<?>) generic.getRawType();
      if (raw == Optional.class) {
        return second ? Optional.empty() : Optional.of(value(arguments[0], false));
      }
      if (raw == List.class) {
        return second ? List.of() : List.of(value(arguments[0], false));
      }
      if (raw == Map.class) {
        return second ? Map.of() : Map.of(value(arguments[0], false), value(arguments[1], false));
      }
      throw new AssertionError("no sample values for " + type);
    }
    Class<?> raw = (Class<?>) type;
    if (raw == String.class) {
      return second ? "b" : "a";
    }
    if (raw == int.class || raw == Integer.class) {
      return second ? 2 : 1;
    }
    if (raw == long.class || raw == Long.class) {
      return second ? 2L : 1L;
    }
    if (raw == double.class || raw == Double.class) {
      return second ? 2.5 : 1.5;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return second;
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[second ? 1 : 0];
    }
    if (raw.isRecord()) {
      return build(raw, i -> second);
    }
    throw new AssertionError("no sample values for " + type);
  }
}
