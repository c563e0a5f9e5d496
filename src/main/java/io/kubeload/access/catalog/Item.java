package io.kubeload.access.catalog;

import java.util.List;
import java.util.Optional;

/**
 * What a rule's conditions and values read as {@code item}: one of the things its forEach runs over,
 * or none when the rule has no forEach (or the forEach met an empty node).
 */
sealed interface Item {

  Item NONE = new None();

  /** The nodes {@code path} reaches from the item. */
  List<Object> select(PathQuery path);

  /** The scalar values {@code path} reaches from the item. */
  List<String> values(PathQuery path);

  /** The item itself when it is a string (a flag's or variable's part, or a scalar of the config). */
  Optional<String> text();

  /** One node of the configuration, or one part of a flag or variable. */
  static Item of(Object node) {
    return node == null ? NONE : new Value(node);
  }

  record None() implements Item {
    @Override
    public List<Object> select(PathQuery path) {
      return List.of();
    }

    @Override
    public List<String> values(PathQuery path) {
      return List.of();
    }

    @Override
    public Optional<String> text() {
      return Optional.empty();
    }
  }

  record Value(Object node) implements Item {
    @Override
    public List<Object> select(PathQuery path) {
      return path.select(node);
    }

    @Override
    public List<String> values(PathQuery path) {
      return path.values(node);
    }

    @Override
    public Optional<String> text() {
      return node instanceof String s ? Optional.of(s) : Optional.empty();
    }
  }
}
