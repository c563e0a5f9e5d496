package io.kubeload.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ids users write for enum constants: the constant's name in lower case, words joined by {@code -}
 * ({@code SEAT_DEMAND} is {@code seat-demand}). Rules, note kinds and configuration languages are named so in
 * policies, annotations, catalog entries and reports, and parsed back from them.
 */
public final class KebabIds {

  private KebabIds() {}

  public static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String id) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> of(e).equals(id)).findFirst();
  }

  public static <E extends Enum<E>> List<String> all(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(KebabIds::of).toList();
  }
}
