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
import picocli.CommandLine.Model.CommandSpec;

/** {@code kubeload profile from-metrics FILE}: a profile from an API server's saved /metrics. */
final class ProfileFromMetricsCommand implements Callable<Integer> {

  final CommandSpec spec =
      CommandSpecs.command(
          this,
          "from-metrics",
          "Writes a ClusterProfile from an API server's saved /metrics.",
          "Writes a ClusterProfile from an API server's metrics, saved with "
              + "`kubectl get --raw /metrics > metrics.txt`: object counts (apiserver_storage_objects, "
              + "apiserver_resource_objects), average sizes (apiserver_resource_size_estimate_bytes, 1.34+), APF "
              + "nominal seats and the seats in use per priority level (the existing load, so the gate judges "
              + "against real headroom), and with an earlier scrape of the same server the writes per second to "
              + "each resource (apiserver_request_total). Everything else comes from the base preset. Every figure "
              + "is commented with its source. Reads files only: never touches the network.");

  private final Main.Io io;

  String file;
  String earlier;
  Double interval;
  Integer apiServers;
  final DraftOptions draft = new DraftOptions();

  ProfileFromMetricsCommand(Main.Io io) {
    this.io = io;
    CommandSpecs.exitCodes(
        spec,
        "0:the profile was written",
        "2:bad input or usage (one line on stderr names the file and line)");
    spec.addPositional(
        CommandSpecs.parameter(String.class, () -> file, v -> file = v)
            .paramLabel("FILE")
            .description("The saved /metrics text of one API server.")
            .build());
    spec.addOption(
        CommandSpecs.option(String.class, () -> earlier, v -> earlier = v, "--earlier")
            .paramLabel("FILE")
            .description(
                "An earlier scrape of the same API server, for write rates (needs --interval).")
            .build());
    spec.addOption(
        CommandSpecs.option(Double.class, () -> interval, v -> interval = v, "--interval")
            .paramLabel("SECONDS")
            .description("Seconds between --earlier and FILE.")
            .build());
    spec.addOption(
        CommandSpecs.option(Integer.class, () -> apiServers, v -> apiServers = v, "--api-servers")
            .paramLabel("N")
            .description(
                "API server replicas (one server's write rate × N is the cluster's). Default: the base preset's.")
            .build());
    draft.addTo(spec);
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
