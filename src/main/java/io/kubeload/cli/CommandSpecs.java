package io.kubeload.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * picocli's model of a command, built by hand: read from annotations, it cost a typical run about
 * 0.07 s of CPU in reflection and in the proxy classes the JDK spins for each annotation type, which
 * no JDK 17 class cache keeps (docs/performance.md, "Sixth round"). Each option is defined once,
 * where its field is, and bound to it through a getter and a setter, as picocli binds an annotated
 * field: its initial value is the field's, and is what {@code ${DEFAULT-VALUE}} shows without a
 * default value.
 */
final class CommandSpecs {

  private CommandSpecs() {}

  /**
   * A command named {@code name} that runs {@code command} (a {@link Runnable} or a {@link
   * java.util.concurrent.Callable}), with {@code -h, --help} and {@code -V, --version} as
   * picocli's {@code mixinStandardHelpOptions} gives them.
   */
  static CommandSpec command(Object command, String name, String... description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
    spec.usageMessage().description(description);
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
    return spec;
  }

  /** The usage's exit-code list, each entry {@code CODE:meaning}, under "Exit codes:". */
  static void exitCodes(CommandSpec spec, String... entries) {
    spec.usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(UsageMessageSpec.keyValuesMap(entries));
  }

  /** An option of {@code type} bound to a field through {@code get} and {@code set}. */
  static <T> OptionSpec.Builder option(
      Class<T> type, Supplier<T> get, Consumer<T> set, String... names) {
    Binding<T> binding = new Binding<>(get, set);
    return OptionSpec.builder(names)
        .type(type)
        .getter(binding)
        .setter(binding)
        .initialValue(get.get());
  }

  /** A repeatable option whose values are added to a list field, in the order given. */
  static OptionSpec.Builder repeated(
      Supplier<List<String>> get, Consumer<List<String>> set, String... names) {
    Binding<List<String>> binding = new Binding<>(get, set);
    return OptionSpec.builder(names)
        .type(List.class)
        .auxiliaryTypes(String.class)
        .getter(binding)
        .setter(binding)
        .initialValue(get.get());
  }

  /**
   * A positional parameter of {@code type} bound to a field, and required, as picocli makes an
   * annotated one of a single value (built by hand, it would be optional).
   */
  static <T> PositionalParamSpec.Builder parameter(
      Class<T> type, Supplier<T> get, Consumer<T> set) {
    Binding<T> binding = new Binding<>(get, set);
    return PositionalParamSpec.builder()
        .required(true)
        .type(type)
        .getter(binding)
        .setter(binding)
        .initialValue(get.get());
  }

  /** Positional parameters whose values are added to a list field. */
  static PositionalParamSpec.Builder parameters(
      Supplier<List<String>> get, Consumer<List<String>> set) {
    Binding<List<String>> binding = new Binding<>(get, set);
    return PositionalParamSpec.builder()
        .type(List.class)
        .auxiliaryTypes(String.class)
        .getter(binding)
        .setter(binding)
        .initialValue(get.get());
  }

  /** A field as picocli reads and writes it; picocli's types are checked by the option's type. */
  private record Binding<T>(Supplier<T> read, Consumer<T> write) implements IGetter, ISetter {
    // picocli's IGetter declares the type parameter; an override cannot drop it.
    @Override
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    public <V> V get() {
      return (V) read.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V set(V value) {
      V old = (V) read.get();
      write.accept((T) value);
      return old;
    }
  }
}
