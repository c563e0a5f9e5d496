package io.kubeload.cli;

import io.kubeload.cluster.Profiles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kubeload profile}: the built-in cluster profiles, and profiles of one's own clusters. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description =
        "Cluster profiles: list and show the built-in ones, validate a file, or write one from a live "
            + "cluster (capture) or from its API server's saved metrics (from-metrics). Schema: docs/profiles.md.",
    subcommands = {ProfileCommand.Show.class, ProfileCommand.ListPresets.class})
final class ProfileCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code kubeload profile show NAME}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Prints a built-in profile as YAML, with the source of every figure.")
  static final class Show implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
        paramLabel = "NAME",
        description = "A built-in profile: production, large, medium or staging.")
    String name;

    @Override
    public Integer call() {
      String text =
          Profiles.presetText(name)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "no built-in profile '"
                              + name
                              + "' (built-in: "
                              + String.join(", ", Profiles.PRESETS)
                              + ")"));
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
      return ExitCode.PASS;
    }
  }

  /** {@code kubeload profile list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the built-in profiles.")
  static final class ListPresets implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      for (String preset : Profiles.PRESETS) {
        var profile = Profiles.load(preset);
        spec.commandLine()
            .getOut()
            .printf(
                "%-12s %,6d nodes  Kubernetes %s%n", preset, profile.nodes(), profile.version());
      }
      spec.commandLine().getOut().flush();
      return ExitCode.PASS;
    }
  }
}
