package io.kubeload.access.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A test on what a container's manifest and configuration say: an environment variable, a
 * command-line flag, a configuration value, or a combination. When it holds it gives its evidence.
 */
sealed interface Condition {

  /** The evidence when the condition holds for {@code facts} (and the current forEach item). */
  Optional<Evidence> test(ContainerFacts facts, Item item);

  String describe();

  /** True when the test reads the container's configuration (so an unread one leaves it undecided). */
  boolean readsConfig();

  /** True when the test asks whether the configuration was read at all. */
  default boolean asksIfConfigUnread() {
    return false;
  }

  /** An environment variable of the container, by name or by the name a config value gives. */
  record Env(
      String name, Optional<PathQuery> nameFromConfig, Optional<String> fieldRef, ValueTest value)
      implements Condition {
    @Override
    public Optional<Evidence> test(ContainerFacts facts, Item item) {
      List<String> names =
          nameFromConfig.map(path -> path.values(facts.config().tree())).orElse(List.of(name));
      for (String variable : names) {
        Optional<ContainerFacts.EnvValue> env = facts.env(variable);
        boolean holds =
            fieldRef.isPresent()
                ? env.flatMap(ContainerFacts.EnvValue::fieldRef)
                        .filter(fieldRef.get()::equals)
                        .isPresent()
                    != (value.kind() == ValueTest.Kind.ABSENT)
                : value.test(
                    env.map(ContainerFacts.EnvValue::value).map(List::of).orElse(List.of()));
        if (holds) {
          return Optional.of(
              new Evidence(
                  "env " + variable + " " + describeTest(),
                  env.map(ContainerFacts.EnvValue::location).orElse(facts.containerLocation())));
        }
      }
      return Optional.empty();
    }

    @Override
    public boolean readsConfig() {
      return nameFromConfig.isPresent();
    }

    private String describeTest() {
      return fieldRef
          .map(f -> (value.kind() == ValueTest.Kind.ABSENT ? "not " : "") + "from fieldRef " + f)
          .orElse(value.describe());
    }

    @Override
    public String describe() {
      return "env "
          + nameFromConfig.map(p -> "named by config " + p).orElse(name)
          + " "
          + describeTest();
    }
  }

  /** A command-line flag of the container ({@code --node=$(NODE_NAME)}), dashes left out. */
  record Arg(String flag, Optional<String> fieldRef, ValueTest value) implements Condition {
    @Override
    public Optional<Evidence> test(ContainerFacts facts, Item item) {
      List<ContainerFacts.ArgValue> values = facts.flag(flag);
      boolean holds =
          fieldRef.isPresent()
              ? values.stream().anyMatch(v -> facts.refersToField(v.value(), fieldRef.get()))
                  != (value.kind() == ValueTest.Kind.ABSENT)
              : value.test(values.stream().map(ContainerFacts.ArgValue::value).toList());
      if (!holds) {
        return Optional.empty();
      }
      String shown = values.isEmpty() ? "--" + flag : "--" + flag + "=" + values.get(0).value();
      return Optional.of(
          new Evidence(
              "arg " + shown + (value.kind() == ValueTest.Kind.ABSENT ? " is not set" : ""),
              values.isEmpty() ? facts.containerLocation() : values.get(0).location()));
    }

    @Override
    public boolean readsConfig() {
      return false;
    }

    @Override
    public String describe() {
      return "arg --"
          + flag
          + " "
          + fieldRef.map(f -> "refers to fieldRef " + f).orElse(value.describe());
    }
  }

  /** A value in the configuration tree, or in the current forEach item when {@code relative}. */
  record Config(PathQuery path, boolean relative, ValueTest value) implements Condition {
    @Override
    public Optional<Evidence> test(ContainerFacts facts, Item item) {
      Object tree = facts.config().tree();
      List<Object> nodes = relative ? item.select(path) : path.select(tree);
      boolean present = nodes.stream().anyMatch(n -> !(n instanceof String s) || !s.isBlank());
      boolean holds =
          switch (value.kind()) {
            case PRESENT -> present;
            case ABSENT -> !present;
            default -> value.test(relative ? item.values(path) : path.values(tree));
          };
      if (!holds) {
        return Optional.empty();
      }
      Optional<ConfigSource.Place> place = facts.config().find(path.lastKey());
      return Optional.of(
          new Evidence(
              "config "
                  + path
                  + " "
                  + value.describe()
                  + place.map(p -> " in " + p.file().origin()).orElse(""),
              place.map(ConfigSource.Place::location).orElse(facts.containerLocation())));
    }

    @Override
    public String describe() {
      return (relative ? "item " : "config ") + path + " " + value.describe();
    }

    /** An item's value is read from what the forEach ran over, which says whether that was config. */
    @Override
    public boolean readsConfig() {
      return !relative;
    }
  }

  /** The container's configuration could not be read (or is not in the manifests). */
  record ConfigUnread() implements Condition {
    @Override
    public Optional<Evidence> test(ContainerFacts facts, Item item) {
      return facts.config().read()
          ? Optional.empty()
          : Optional.of(
              new Evidence(
                  "its configuration was not read (" + facts.config().problem() + ")",
                  facts.containerLocation()));
    }

    @Override
    public String describe() {
      return "its configuration cannot be read";
    }

    @Override
    public boolean readsConfig() {
      return false;
    }

    @Override
    public boolean asksIfConfigUnread() {
      return true;
    }
  }

  record AllOf(List<Condition> all) implements Condition {

    public AllOf {
      all = List.copyOf(all);
    }

    @Override
    public Optional<Evidence> test(ContainerFacts facts, Item item) {
      List<Evidence> found = new java.util.ArrayList<>();
      for (Condition c : all) {
        Optional<Evidence> evidence = c.test(facts, item);
        if (evidence.isEmpty()) {
          return evidence;
        }
        found.add(evidence.get());
      }
      // The first condition names what is there; the location points at it.
      return Optional.of(
          new Evidence(
              String.join(" and ", found.stream().map(Evidence::description).toList()),
              found.get(0).location()));
    }

    @Override
    public String describe() {
      return String.join(" and ", all.stream().map(Condition::describe).toList());
    }

    @Override
    public boolean readsConfig() {
      return all.stream().anyMatch(Condition::readsConfig);
    }

    @Override
    public boolean asksIfConfigUnread() {
      return all.stream().anyMatch(Condition::asksIfConfigUnread);
    }
  }

  record AnyOf(List<Condition> any) implements Condition {

    public AnyOf {
      any = List.copyOf(any);
    }

    @Override
    public Optional<Evidence> test(ContainerFacts facts, Item item) {
      return any.stream().map(c -> c.test(facts, item)).flatMap(Optional::stream).findFirst();
    }

    @Override
    public String describe() {
      return "(" + String.join(" or ", any.stream().map(Condition::describe).toList()) + ")";
    }

    @Override
    public boolean readsConfig() {
      return any.stream().anyMatch(Condition::readsConfig);
    }

    @Override
    public boolean asksIfConfigUnread() {
      return any.stream().anyMatch(Condition::asksIfConfigUnread);
    }
  }

  record Not(Condition condition) implements Condition {
    @Override
    public Optional<Evidence> test(ContainerFacts facts, Item item) {
      return condition.test(facts, item).isPresent()
          ? Optional.empty()
          : Optional.of(new Evidence("not: " + condition.describe(), facts.containerLocation()));
    }

    @Override
    public String describe() {
      return "not " + condition.describe();
    }

    @Override
    public boolean readsConfig() {
      return condition.readsConfig();
    }

    @Override
    public boolean asksIfConfigUnread() {
      return condition.asksIfConfigUnread();
    }
  }
}
