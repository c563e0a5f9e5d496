package io.kubeload.cli;

import io.kubeload.cluster.ClusterFacts;
import io.kubeload.cluster.ClusterFacts.Fact;
import io.kubeload.cluster.ProfileDraft;
import io.kubeload.cluster.metrics.ApiServerMetrics;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeload profile from-metrics FILE}: a profile from an API server's saved /metrics. */
@Command(
    name = "from-metrics",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a ClusterProfile from an API server's saved /metrics.",
      "Writes a ClusterProfile from an API server's metrics, saved with "
          + "`kubectl get --raw /metrics > metrics.txt`: object counts (apiserver_storage_objects, "
          + "apiserver_resource_objects), average sizes (apiserver_resource_size_estimate_bytes, 1.34+), APF "
          + "nominal seats and the seats in use per priority level (the existing load, so the gate judges "
          + "against real headroom), and with an earlier scrape of the same server the writes per second to "
          + "each resource (apiserver_request_total). Everything else comes from the base preset. Every figure "
          + "is commented with its source. Reads files only: never touches the network."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the profile was written",
      "2:bad input or usage (one line on stderr names the file and line)"
    })
final class ProfileFromMetricsCommand implements Callable<Integer> {

  private final Main.Io io;

  @Parameters(paramLabel = "FILE", description = "The saved /metrics text of one API server.")
  String file;

  @Option(
      names = "--earlier",
      paramLabel = "FILE",
      description = "An earlier scrape of the same API server, for write rates (needs --interval).")
  String earlier;

  @Option(
      names = "--interval",
      paramLabel = "SECONDS",
      description = "Seconds between --earlier and FILE.")
  Double interval;

  @Option(
      names = "--api-servers",
      paramLabel = "N",
      description =
          "API server replicas (one server's write rate × N is the cluster's). Default: the base preset's.")
  Integer apiServers;

  @Mixin DraftOptions draft;

  ProfileFromMetricsCommand(Main.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if ((earlier == null) != (interval == null)) {
      throw new UsageException(
          "--earlier and --interval go together: the write rates are the counters' change over the interval");
    }
    if (interval != null && !(interval > 0)) {
      throw new UsageException("--interval must be more than 0 seconds, not " + interval);
    }
    if (apiServers != null && apiServers < 1) {
      throw new UsageException("--api-servers must be at least 1, not " + apiServers);
    }
    String base = draft.base();
    ClusterFacts facts =
        ApiServerMetrics.facts(
            scrape(file),
            Optional.ofNullable(earlier).map(ProfileFromMetricsCommand::scrape),
            interval == null ? 0 : interval,
            Optional.ofNullable(apiServers).map(n -> new Fact<>(n, "--api-servers " + n)));
    List<String> header =
        new ArrayList<>(
            List.of(
                "kubeload ClusterProfile from API server metrics (kubeload profile from-metrics).",
                "Figures the metrics do not give are the "
                    + base
                    + " preset's; each comment says which."));
    if (earlier == null) {
      header.add(
          "Write rates (churn) need two scrapes of one API server: --earlier FILE --interval SECONDS.");
    }
    String yaml = ProfileDraft.draft(draft.name, facts, base, file, header).yaml();
    Output.write(yaml, Output.fileOf(draft.output), io);
    return ExitCode.PASS;
  }

  /** A saved {@code /metrics} text, read whole. */
  private static ApiServerMetrics.Scrape scrape(String file) {
    try {
      return ApiServerMetrics.parse(file, Files.readAllBytes(Path.of(file)));
    } catch (IOException e) {
      throw new InputException(file, "cannot read: " + IoErrors.describe(e));
    }
  }
}
