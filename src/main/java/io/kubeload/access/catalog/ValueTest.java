package io.kubeload.access.catalog;

import io.kubeload.access.config.Trees;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** How a condition judges the values it finds: present, true, false, equal, matching, or absent. */
record ValueTest(Kind kind, String operand, Optional<Pattern> regex) {

  enum Kind {
    PRESENT,
    TRUE,
    FALSE,
    EQUALS,
    MATCHES,
    ABSENT
  }

  static final ValueTest PRESENT = of(Kind.PRESENT);

  ValueTest {
    if (regex.isPresent() != (kind == Kind.MATCHES)) {
      throw new IllegalArgumentException(
          "a regular expression goes with MATCHES, and only with it");
    }
  }

  /** A test with no operand: present, true, false or absent. */
  static ValueTest of(Kind kind) {
    return new ValueTest(kind, "", Optional.empty());
  }

  static ValueTest equalsTo(String value) {
    return new ValueTest(Kind.EQUALS, value, Optional.empty());
  }

  static ValueTest matching(String regex) {
    return new ValueTest(
        Kind.MATCHES, regex, Optional.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE)));
  }

  /** Whether the values found (blank ones count as absent) pass. */
  boolean test(List<String> values) {
    if (kind == Kind.EQUALS && operand.isBlank()) {
      return values.stream().anyMatch(v -> v != null && v.isBlank()); // set, to the empty string
    }
    List<String> set = values.stream().filter(v -> v != null && !v.isBlank()).toList();
    return switch (kind) {
      case PRESENT -> !set.isEmpty();
      case ABSENT -> set.isEmpty();
      case TRUE -> set.stream().anyMatch(Trees::isTrue);
      case FALSE -> set.stream().anyMatch(Trees::isFalse);
      case EQUALS -> set.stream().anyMatch(v -> v.strip().equalsIgnoreCase(operand));
      case MATCHES -> set.stream().anyMatch(v -> regex.orElseThrow().matcher(v).find());
    };
  }

  String describe() {
    return switch (kind) {
      case PRESENT -> "is set";
      case ABSENT -> "is not set";
      case TRUE -> "is on";
      case FALSE -> "is off";
      case EQUALS -> operand.isBlank() ? "is empty" : "is " + operand.toLowerCase(Locale.ROOT);
      case MATCHES -> "matches /" + operand + "/";
    };
  }
}
