package io.kubeload.cli;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.yaml.InputLimits;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kubeload profile validate FILE}: reads a profile as analyze would, and says what it holds. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a ClusterProfile file as analyze --profile reads it.",
      "Reads a ClusterProfile file as analyze --profile would (docs/profiles.md) and prints a one-line "
          + "summary. Unknown keys, negative counts, two bases for one figure, node pools that do not add up "
          + "to the nodes, and versions outside 1.27 to 1.35 are errors naming the file and line."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the profile is valid",
      "2:it is not (one line on stderr names the file and line)"
    })
final class ProfileValidateCommand implements Callable<Integer> {

  private final Main.Io io;

  @Parameters(
      paramLabel = "FILE",
      description = "A ClusterProfile file (or a built-in profile's name).")
  String file;

  ProfileValidateCommand(Main.Io io) {
    this.io = io;
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
