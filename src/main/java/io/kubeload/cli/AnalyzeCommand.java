package io.kubeload.cli;

import io.kubeload.access.AccessInference;
import io.kubeload.access.AccessSet;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.KubernetesVersion;
import io.kubeload.cluster.Profiles;
import io.kubeload.gate.Gate;
import io.kubeload.gate.Policy;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.ManifestReader;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.model.LoadModel;
import io.kubeload.model.Projection;
import io.kubeload.model.Simulations;
import io.kubeload.model.apf.ApfConfiguration;
import io.kubeload.report.Format;
import io.kubeload.report.Reports;
import io.kubeload.workload.Workloads;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeload analyze}: the whole pipeline, from manifests to an exit code. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Reads rendered manifests (files, folders, or - for stdin; `helm template` output keeps its",
      "template paths), infers what every pod asks of the API server, projects that load onto the",
      "cluster profile and judges it against the policy's budgets. Never touches the network.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:pass: every budget holds",
      "1:fail: the projected load breaks a budget",
      "2:bad input or usage (one line on stderr names the file and line)",
      "3:internal error (a kubeload bug)"
    })
final class AnalyzeCommand implements Callable<Integer> {

  private final Main.Io io;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Manifest files or folders (*.yaml, *.yml, *.json, recursively); - reads stdin.")
  List<String> paths;

  @Option(names = "--profile", paramLabel = "NAME|FILE", defaultValue = Profiles.DEFAULT,
      description = "Built-in profile (production, large, medium, staging) or a ClusterProfile file. Default: ${DEFAULT-VALUE}.")
  String profile;

  @Option(names = "--nodes", paramLabel = "N", description = "Node count, overriding the profile's; per-node counts scale with it.")
  Integer nodes;

  @Option(names = "--kubernetes-version", paramLabel = "X.Y", description = "Kubernetes version the model assumes (1.27 to 1.35).")
  String kubernetesVersion;

  @Option(names = "--policy", paramLabel = "FILE", description = "Policy file with budgets (docs/policy.md). Default: the built-in budgets.")
  String policy;

  @Option(names = "--simulate-seconds", paramLabel = "S", defaultValue = "900",
      description = "How long the roll-out and restart simulations look, in seconds. Default: ${DEFAULT-VALUE}.")
  double simulateSeconds;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "Report format: text or json. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (whole or not at all) instead of stdout.")
  String output;

  AnalyzeCommand(Main.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Format reportFormat = Format.parse(format).orElseThrow(() -> new UsageException("unknown --format '" + format + "' (text, json)"));
    if (!(simulateSeconds > 0) || simulateSeconds > 86_400) {
      throw new UsageException("--simulate-seconds must be between 0 and 86400, not " + simulateSeconds);
    }
    if (nodes != null && nodes < 1) {
      throw new UsageException("--nodes must be at least 1, not " + nodes);
    }
    ClusterProfile clusterProfile = Options.profile(profile, nodes, kubernetesVersion);
    Policy budgets = policy == null ? Policy.DEFAULT : Policy.load(policy);
    ManifestSet manifests = new ManifestReader(io.in()).read(paths);
    List<AccessSet> accesses = Workloads.from(manifests, clusterProfile).stream()
        .map(workload -> AccessInference.infer(workload, manifests))
        .toList();
    ApfConfiguration apf = ApfConfiguration.of(clusterProfile.version(), manifests);
    Projection projection = LoadModel.project(accesses, clusterProfile, apf);
    Verdict verdict = Gate.judge(projection, Simulations.of(projection, simulateSeconds), budgets, manifests.skippedTestHooks());
    Output.write(Reports.render(verdict, reportFormat), output, io);
    return verdict.passed() ? ExitCode.PASS : ExitCode.FAIL;
  }

  /** Shared option handling for commands that take a profile. */
  static final class Options {
    private Options() {}

    static ClusterProfile profile(String nameOrFile, Integer nodes, String version) {
      ClusterProfile loaded = Profiles.load(nameOrFile);
      if (nodes != null) {
        loaded = loaded.withNodes(nodes);
      }
      if (version != null) {
        try {
          loaded = loaded.withVersion(KubernetesVersion.parse(version));
        } catch (IllegalArgumentException e) {
          throw new UsageException("--kubernetes-version: " + e.getMessage());
        }
      }
      return loaded;
    }
  }
}
