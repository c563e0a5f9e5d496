package io.kubeload.fuzz;

import io.kubeload.access.AccessSet;
import io.kubeload.access.inference.AccessInference;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.cluster.Profiles;
import io.kubeload.gate.Gate;
import io.kubeload.gate.Policy;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.model.LoadModel;
import io.kubeload.model.Projection;
import io.kubeload.model.Simulations;
import io.kubeload.model.apf.ApfConfiguration;
import io.kubeload.report.Format;
import io.kubeload.report.Reports;
import io.kubeload.workload.Workloads;
import io.kubeload.yaml.InputException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What every fuzz target demands of a rejected input, and the pipeline the inference targets run. */
final class Fuzzing {

  private static final ClusterProfile PROFILE = Profiles.load("staging");

  /** A short horizon keeps each execution fast; the simulations' code paths are the same. */
  private static final double SIMULATED_SECONDS = 60;

  private Fuzzing() {}

  /** The message the CLI prints: one line that starts with the file's name. */
  static void checkOneLine(InputException e) {
    String message = e.getMessage();
    if (message == null
        || !message.startsWith("fuzz.yaml")
        || message.contains("\n")
        || message.contains("\r")) {
      throw new AssertionError(
          "an input error must be one line naming the file, not: " + message, e);
    }
  }

  /**
   * Every format's report of the manifests, from workloads through accesses, load, simulations and
   * the gate, as {@code analyze} makes them; an {@link InputException} for problems that show only
   * once objects meet (an access annotation, a catalog config).
   */
  static Map<Format, String> reports(ManifestSet manifests) {
    List<AccessSet> accesses =
        Workloads.from(manifests, PROFILE).stream()
            .map(workload -> AccessInference.infer(workload, manifests))
            .toList();
    Projection projection =
        LoadModel.project(
            accesses, PROFILE, ApfConfiguration.of(PROFILE.version(), List.of(), manifests));
    Verdict verdict =
        Gate.judge(
            projection,
            Simulations.of(projection, SIMULATED_SECONDS),
            Policy.DEFAULT,
            manifests.skippedTestHooks());
    Map<Format, String> reports = new EnumMap<>(Format.class);
    for (Format format : Format.values()) {
      reports.put(format, Reports.render(verdict, format));
    }
    return reports;
  }
}
