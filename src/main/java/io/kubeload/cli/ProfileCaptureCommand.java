package io.kubeload.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kubeload profile capture}: a profile measured from a live cluster. Flags only: the capture
 * itself is wired in {@link ProfileCapture}, so that building this command (picocli builds every
 * command at start-up) loads no capture class, and analyze stays offline (AnalyzeStaysOfflineTest).
 */
final class ProfileCaptureCommand implements Callable<Integer> {

  final CommandSpec spec =
      CommandSpecs.command(
          this,
          "capture",
          "Writes a ClusterProfile measured from a live cluster (read-only, gentle).",
          "Writes a ClusterProfile measured from a live cluster, with read-only requests only (GET): the "
              + "server version; the nodes and their pools (by labels and taints, listed in pages of 500); object "
              + "counts of pods, services, endpointslices, configmaps, secrets, namespaces, leases, events, "
              + "deployments, replicasets and every custom resource, each from ONE request (LIST ?limit=1 of "
              + "metadata, plus the server's remainingItemCount: never a full LIST); the API server replicas "
              + "(default/kubernetes endpoints); the FlowSchemas and priority levels in force; and, where /metrics "
              + "may be read, object sizes, nominal seats and the seats in use per level. It keeps to a request "
              + "budget and rate of its own, and draws a progress line when stderr is a terminal. Every figure "
              + "is commented with its source; what it cannot measure comes from the base preset.");

  private final Main.Io io;

  Path kubeconfig;
  String context;
  int maxRequests;
  double qps;
  final DraftOptions draft = new DraftOptions();

  ProfileCaptureCommand(Main.Io io) {
    this.io = io;
    CommandSpecs.exitCodes(
        spec,
        "0:the profile was written",
        "2:bad usage, an unreadable kubeconfig, an unreachable or refusing cluster, or a spent budget (nothing is written)");
    spec.addOption(
        CommandSpecs.option(Path.class, () -> kubeconfig, v -> kubeconfig = v, "--kubeconfig")
            .paramLabel("FILE")
            .description("Kubeconfig file. Default: $KUBECONFIG, ~/.kube/config, or in-cluster.")
            .build());
    spec.addOption(
        CommandSpecs.option(String.class, () -> context, v -> context = v, "--context")
            .paramLabel("NAME")
            .description("Kubeconfig context. Default: the current context.")
            .build());
    // A policy choice, not physics: a 5,000-node cluster with 100 custom resources needs 127
    // (docs/profiles.md).
    spec.addOption(
        CommandSpecs.option(int.class, () -> maxRequests, v -> maxRequests = v, "--max-requests")
            .paramLabel("N")
            .defaultValue("500")
            .description(
                "Request budget: stop, writing nothing, rather than send more. Default: ${DEFAULT-VALUE}.")
            .build());
    // client-go's default client QPS (rest/config.go DefaultQPS, docs/sources.md §4): no more than
    // any controller.
    spec.addOption(
        CommandSpecs.option(double.class, () -> qps, v -> qps = v, "--qps")
            .paramLabel("RATE")
            .defaultValue("5")
            .description(
                "Requests per second at most, one at a time (client-go's default QPS). Default: ${DEFAULT-VALUE}.")
            .build());
    draft.addTo(spec);
  }

  @Override
  public Integer call() {
    if (maxRequests < 1) {
      throw new UsageException("--max-requests must be at least 1, not " + maxRequests);
    }
    if (!(qps > 0) || Double.isInfinite(qps)) {
      throw new UsageException("--qps must be more than 0, not " + qps);
    }
    String base = draft.base();
    String yaml =
        ProfileCapture.yaml(
            Optional.ofNullable(kubeconfig),
            Optional.ofNullable(context),
            maxRequests,
            qps,
            draft.name,
            base,
            io);
    Output.write(yaml, Output.fileOf(draft.output), io);
    return ExitCode.PASS;
  }
}
