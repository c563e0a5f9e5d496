package io.kubeload.cli;

import io.kubeload.access.AccessInference;
import io.kubeload.access.AccessSet;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.KubernetesVersion;
import io.kubeload.cluster.Profiles;
import io.kubeload.gate.Gate;
import io.kubeload.gate.Policy;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.InputLimits;
import io.kubeload.manifest.ManifestReader;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.model.LoadModel;
import io.kubeload.model.Projection;
import io.kubeload.model.Simulations;
import io.kubeload.model.apf.ApfConfiguration;
import io.kubeload.workload.Workloads;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every analysing command shares, and the pipeline they wire: manifests to a verdict. */
final class Analysis {

  static final String PATHS_DESCRIPTION = "Manifest files or folders (*.yaml, *.yml, *.json, recursively); - reads stdin.";

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

  @Mixin LimitOptions limitOptions;

  Verdict run(List<String> paths, Main.Io io) {
    if (!(simulateSeconds > 0) || simulateSeconds > 86_400) {
      throw new UsageException("--simulate-seconds must be between 0 and 86400, not " + simulateSeconds);
    }
    if (nodes != null && nodes < 1) {
      throw new UsageException("--nodes must be at least 1, not " + nodes);
    }
    InputLimits limits = limitOptions.limits();
    Profiles.Loaded loaded = Profiles.loadWithFlowControl(profile, limits);
    ClusterProfile clusterProfile = adjusted(loaded.profile());
    Policy budgets = policy == null ? Policy.DEFAULT : Policy.load(policy, limits);
    ManifestSet manifests = new ManifestReader(io.in(), limits).read(paths);
    List<AccessSet> accesses = Workloads.from(manifests, clusterProfile).stream()
        .map(workload -> AccessInference.infer(workload, manifests))
        .toList();
    ApfConfiguration apf = ApfConfiguration.of(clusterProfile.version(), loaded.flowControl(), manifests);
    Projection projection = LoadModel.project(accesses, clusterProfile, apf);
    return Gate.judge(projection, Simulations.of(projection, simulateSeconds), budgets, manifests.skippedTestHooks());
  }

  private ClusterProfile adjusted(ClusterProfile loaded) {
    if (nodes != null) {
      loaded = loaded.withNodes(nodes);
    }
    if (kubernetesVersion != null) {
      try {
        loaded = loaded.withVersion(KubernetesVersion.parse(kubernetesVersion));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--kubernetes-version: " + e.getMessage());
      }
    }
    return loaded;
  }
}
