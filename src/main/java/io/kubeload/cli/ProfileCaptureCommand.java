package io.kubeload.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubeload profile capture}: a profile measured from a live cluster. Flags only: the capture
 * itself is wired in {@link ProfileCapture}, so that building this command (picocli builds every
 * command at start-up) loads no capture class, and analyze stays offline (AnalyzeStaysOfflineTest).
 */
@Command(
    name = "capture",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a ClusterProfile measured from a live cluster (read-only, gentle).",
      "Writes a ClusterProfile measured from a live cluster, with read-only requests only (GET): the "
          + "server version; the nodes and their pools (by labels and taints, listed in pages of 500); object "
          + "counts of pods, services, endpointslices, configmaps, secrets, namespaces, leases, events, "
          + "deployments, replicasets and every custom resource, each from ONE request (LIST ?limit=1 of "
          + "metadata, plus the server's remainingItemCount: never a full LIST); the API server replicas "
          + "(default/kubernetes endpoints); the FlowSchemas and priority levels in force; and, where /metrics "
          + "may be read, object sizes, nominal seats and the seats in use per level. It keeps to a request "
          + "budget and rate of its own, and draws a progress line when stderr is a terminal. Every figure "
          + "is commented with its source; what it cannot measure comes from the base preset."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the profile was written",
      "2:bad usage, an unreadable kubeconfig, an unreachable or refusing cluster, or a spent budget (nothing is written)"
    })
final class ProfileCaptureCommand implements Callable<Integer> {

  private final Main.Io io;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "Kubeconfig file. Default: $KUBECONFIG, ~/.kube/config, or in-cluster.")
  Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "Kubeconfig context. Default: the current context.")
  String context;

  // A policy choice, not physics: a 5,000-node cluster with 100 custom resources needs 127
  // (docs/profiles.md).
  @Option(
      names = "--max-requests",
      paramLabel = "N",
      defaultValue = "500",
      description =
          "Request budget: stop, writing nothing, rather than send more. Default: ${DEFAULT-VALUE}.")
  int maxRequests;

  // client-go's default client QPS (rest/config.go DefaultQPS, docs/sources.md §4): no more than
  // any controller.
  @Option(
      names = "--qps",
      paramLabel = "RATE",
      defaultValue = "5",
      description =
          "Requests per second at most, one at a time (client-go's default QPS). Default: ${DEFAULT-VALUE}.")
  double qps;

  @Mixin DraftOptions draft;

  ProfileCaptureCommand(Main.Io io) {
    this.io = io;
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
