package io.kubeload.cli;

import io.kubeload.cluster.Profiles;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kubeload profile}: the built-in cluster profiles, and profiles of one's own clusters. */
final class ProfileCommand implements Runnable {

  final CommandSpec spec =
      CommandSpecs.command(
          this,
          "profile",
          "Cluster profiles: list and show the built-in ones, validate a file, or write one from a live "
              + "cluster (capture) or from its API server's saved metrics (from-metrics). Schema: docs/profiles.md.");

  /** With its own subcommands, then {@code others} (which need the process's streams). */
  ProfileCommand(CommandSpec... others) {
    spec.addSubcommand("show", new CommandLine(new Show().spec));
    spec.addSubcommand("list", new CommandLine(new ListPresets().spec));
    for (CommandSpec other : others) {
      spec.addSubcommand(other.name(), new CommandLine(other));
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code kubeload profile show NAME}. */
  static final class Show implements Callable<Integer> {
    final CommandSpec spec =
        CommandSpecs.command(
            this, "show", "Prints a built-in profile as YAML, with the source of every figure.");

    String name;

    Show() {
      spec.addPositional(
          CommandSpecs.parameter(String.class, () -> name, v -> name = v)
              .paramLabel("NAME")
              .description("A built-in profile: production, large, medium or staging.")
              .build());
    }

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
  static final class ListPresets implements Callable<Integer> {
    final CommandSpec spec = CommandSpecs.command(this, "list", "Lists the built-in profiles.");

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
