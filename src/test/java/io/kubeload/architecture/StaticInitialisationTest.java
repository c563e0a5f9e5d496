package io.kubeload.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No two classes need each other to be initialised. An analysis initialises its classes on two
 * threads at once (the main thread and {@code cli.Warmup}'s), and two threads that initialise such a
 * pair from opposite ends wait for each other for ever: a hung CI job. A class's initialisation
 * needs its superclass's, that of each superinterface declaring a default method, and that of
 * every class its static initialiser constructs, calls statically or reads a static field of
 * (JLS §12.4.1). An anonymous class is left out: only the one place that declares it can
 * initialise it.
 */
class StaticInitialisationTest {

  @Test
  void noTwoClassesNeedEachOtherToBeInitialised() {
    assertThat(cycle(ArchitectureTest.CLASSES)).isEmpty();
  }

  /** The rule can fail: an interface with a default method whose constant is its own record. */
  @Test
  void aTypeWhoseInitialiserMakesItsOwnSubtypeIsACycle() {
    JavaClasses classes = new ClassFileImporter().importClasses(Shape.class, Shape.Square.class);

    assertThat(cycle(classes))
        .hasValueSatisfying(
            found ->
                assertThat(found).contains(Shape.class.getName(), Shape.Square.class.getName()));
  }

  @Test
  void anInterfaceWithoutDefaultMethodsIsNotInitialisedByItsRecords() {
    JavaClasses classes = new ClassFileImporter().importClasses(Plain.class, Plain.Dot.class);

    assertThat(cycle(classes)).isEmpty();
  }

  // The cycle the rule must find (Error Prone's check of the same name sees this pattern too, and
  // refuses it in the main code).
  @SuppressWarnings("ClassInitializationDeadlock")
  interface Shape {
    Shape UNIT = new Square(1);

    double side();

    default double area() {
      return side() * side();
    }

    record Square(double side) implements Shape {}
  }

  interface Plain {
    Plain ORIGIN = new Dot(0);

    double x();

    record Dot(double x) implements Plain {}
  }

  /** A cycle of classes that need each other to be initialised, as class names; none if there is none. */
  private static Optional<List<String>> cycle(JavaClasses classes) {
    Map<String, Set<String>> needs = new HashMap<>();
    for (JavaClass type : classes) {
      if (!type.isAnonymousClass()) {
        needs.put(type.getName(), initialisedWith(type, classes));
      }
    }
    Set<String> done = new HashSet<>();
    for (String start : new TreeSet<>(needs.keySet())) {
      Optional<List<String>> found = cycleFrom(start, needs, new ArrayList<>(), done);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<List<String>> cycleFrom(
      String type, Map<String, Set<String>> needs, List<String> path, Set<String> done) {
    int at = path.indexOf(type);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(type);
      return Optional.of(cycle);
    }
    if (!done.add(type)) {
      return Optional.empty();
    }
    path.add(type);
    for (String needed : new TreeSet<>(needs.getOrDefault(type, Set.of()))) {
      Optional<List<String>> found = cycleFrom(needed, needs, path, done);
      if (found.isPresent()) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    return Optional.empty();
  }

  /** The other imported classes that initialising {@code type} initialises first. */
  private static Set<String> initialisedWith(JavaClass type, JavaClasses classes) {
    Set<String> needed = new TreeSet<>();
    type.getRawSuperclass().ifPresent(superclass -> needed.add(superclass.getName()));
    for (JavaClass superinterface : type.getRawInterfaces()) {
      if (superinterface.getMethods().stream().anyMatch(StaticInitialisationTest::isDefault)) {
        needed.add(superinterface.getName());
      }
    }
    type.getStaticInitializer()
        .ifPresent(
            initialiser -> {
              initialiser.getConstructorCallsFromSelf().forEach(call -> add(call, needed));
              initialiser.getMethodCallsFromSelf().stream()
                  .filter(call -> isStatic(call.getTarget()))
                  .forEach(call -> add(call, needed));
              initialiser.getFieldAccesses().stream()
                  .filter(access -> isStatic(access.getTarget()))
                  .forEach(access -> add(access, needed));
            });
    needed.remove(type.getName());
    needed.removeIf(name -> !classes.contain(name) || classes.get(name).isAnonymousClass());
    return needed;
  }

  private static void add(JavaAccess<?> access, Set<String> needed) {
    needed.add(access.getTargetOwner().getName());
  }

  private static boolean isStatic(AccessTarget target) {
    return target
        .resolveMember()
        .map(member -> member.getModifiers().contains(JavaModifier.STATIC))
        .orElse(false);
  }

  private static boolean isDefault(JavaMethod method) {
    return !method.getModifiers().contains(JavaModifier.ABSTRACT)
        && !method.getModifiers().contains(JavaModifier.STATIC)
        && !method.getModifiers().contains(JavaModifier.PRIVATE);
  }
}
