package io.kubeload.cli;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.yaml.InputLimits;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kubeload profile validate FILE}: reads a profile as analyze would, and says what it holds. */
final class ProfileValidateCommand implements Callable<Integer> {

  final CommandSpec spec =
      CommandSpecs.command(
          this,
          "validate",
          "Checks a ClusterProfile file as analyze --profile reads it.",
          "Reads a ClusterProfile file as analyze --profile would (docs/profiles.md) and prints a one-line "
              + "summary. Unknown keys, negative counts, two bases for one figure, node pools that do not add up "
              + "to the nodes, and versions outside 1.27 to 1.35 are errors naming the file and line.");

  private final Main.Io io;

  String file;

  ProfileValidateCommand(Main.Io io) {
    this.io = io;
    CommandSpecs.exitCodes(
        spec, "0:the profile is valid", "2:it is not (one line on stderr names the file and line)");
    spec.addPositional(
        CommandSpecs.parameter(String.class, () -> file, v -> file = v)
            .paramLabel("FILE")
            .description("A ClusterProfile file (or a built-in profile's name).")
            .build());
  }

  @Override
  public Integer call() {
    ClusterProfile profile = InputFiles.profile(file, InputLimits.DEFAULT).profile();
    int pools = profile.nodePools().size();
    io.out()
        .printf(
            Locale.ROOT,
            "%s: valid ClusterProfile '%s': %,d nodes%s, Kubernetes %s, %d resources, %d API server%s%n",
            file,
            profile.name(),
            profile.nodes(),
            pools == 0 ? "" : " in " + pools + (pools == 1 ? " pool" : " pools"),
            profile.version(),
            profile.resources().size(),
            profile.apiServers().replicas(),
            profile.apiServers().replicas() == 1 ? "" : "s");
    io.out().flush();
    return ExitCode.PASS;
  }
}
