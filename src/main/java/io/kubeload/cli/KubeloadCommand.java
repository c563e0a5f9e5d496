package io.kubeload.cli;

import io.kubeload.report.Versions;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kubeload}: the top-level command; it only lists its subcommands. */
@Command(
    name = "kubeload",
    mixinStandardHelpOptions = true,
    versionProvider = KubeloadCommand.Version.class,
    description = {
      "Projects what rendered Kubernetes manifests ask of the kube-apiserver at production scale, "
          + "and fails the change when that load exceeds the cluster profile's budget."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:pass: every budget holds",
      "1:fail: the projected load breaks a budget",
      "2:bad input or usage (one line on stderr names the file and line)",
      "3:internal error (a kubeload bug)"
    })
final class KubeloadCommand implements Runnable {

  @Spec CommandSpec spec;

  private final Main.Io io;

  KubeloadCommand(Main.Io io) {
    this.io = io;
  }

  Main.Io io() {
    return io;
  }

  @Override
  public void run() {
    spec.commandLine().usage(io.out());
  }

  /** {@code kubeload --version}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"kubeload " + Versions.tool()};
    }
  }
}
