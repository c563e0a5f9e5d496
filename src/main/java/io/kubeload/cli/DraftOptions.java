package io.kubeload.cli;

import io.kubeload.cluster.Profiles;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options of the commands that write a profile of a real cluster (capture, from-metrics). */
final class DraftOptions {

  String name;
  String base;
  String output;

  void addTo(CommandSpec spec) {
    spec.addOption(
        CommandSpecs.option(String.class, () -> name, v -> name = v, "--name")
            .paramLabel("NAME")
            .defaultValue("my-cluster")
            .description("The profile's metadata.name. Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        baseOption(
            () -> base,
            v -> base = v,
            "The built-in profile that gives every figure not measured."));
    spec.addOption(
        CommandSpecs.option(String.class, () -> output, v -> output = v, "--output")
            .paramLabel("FILE")
            .description("Write the profile to FILE (whole or not at all) instead of stdout.")
            .build());
  }

  /** The base preset, once checked to be one. */
  String base() {
    return checkedBase(base);
  }

  /** {@code --base PRESET}: the built-in profile a command starts from, {@code what} says to do. */
  static OptionSpec baseOption(Supplier<String> get, Consumer<String> set, String what) {
    return CommandSpecs.option(String.class, get, set, "--base")
        .paramLabel("PRESET")
        .defaultValue(Profiles.DEFAULT)
        .description(what + " Default: ${DEFAULT-VALUE}.")
        .build();
  }

  /** {@code --base PRESET} of any command, once checked to name a built-in profile. */
  static String checkedBase(String base) {
    if (!Profiles.PRESETS.contains(base)) {
      throw new UsageException(
          "--base must be a built-in profile ("
              + String.join(", ", Profiles.PRESETS)
              + "), not '"
              + base
              + "'");
    }
    return base;
  }
}
