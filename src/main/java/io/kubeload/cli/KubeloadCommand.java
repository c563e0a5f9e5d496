package io.kubeload.cli;

import io.kubeload.report.Versions;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kubeload}: the top-level command; it only lists its subcommands. */
final class KubeloadCommand implements Runnable {

  final CommandSpec spec;

  private final Main.Io io;

  KubeloadCommand(Main.Io io) {
    this.io = io;
    spec =
        CommandSpecs.command(
            this,
            "kubeload",
            "Projects what rendered Kubernetes manifests ask of the kube-apiserver at production scale, "
                + "and fails the change when that load exceeds the cluster profile's budget.");
    // Read only for --version: a run that analyses never needs it.
    spec.versionProvider(() -> new String[] {"kubeload " + Versions.tool()});
    CommandSpecs.exitCodes(
        spec,
        "0:pass: every budget holds",
        "1:fail: the projected load breaks a budget",
        "2:bad input or usage (one line on stderr names the file and line)",
        "3:internal error (a kubeload bug)");
  }

  @Override
  public void run() {
    spec.commandLine().usage(io.out());
  }
}
