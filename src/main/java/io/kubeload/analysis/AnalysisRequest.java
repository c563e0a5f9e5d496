package io.kubeload.analysis;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.gate.Policy;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.yaml.InputLimits;
import java.util.List;
import java.util.Optional;

/**
 * Everything one analysis judges, read and resolved by its caller: the objects of the change (and
 * of its baseline), the cluster profile with the flags' nodes and version applied, the cluster's own
 * FlowSchemas and PriorityLevelConfigurations as they were read, and the budgets.
 *
 * @param manifests the change's objects, as read: the analysis places them in the install namespace
 *     and locates them
 * @param flowControl documents holding the cluster's FlowSchemas and PriorityLevelConfigurations (a
 *     profile file's documents after its ClusterProfile), parsed by the analysis
 * @param baseline the target branch's objects, when the change is judged against them
 */
public record AnalysisRequest(
    ManifestSet manifests,
    ClusterProfile profile,
    List<Source> flowControl,
    Policy policy,
    Optional<ManifestSet> baseline,
    Options options) {

  public AnalysisRequest {
    flowControl = List.copyOf(flowControl);
  }

  /**
   * How the analysis runs.
   *
   * @param simulateSeconds how long the roll-out and restart simulations look
   * @param gate what may fail the check when there is a baseline
   * @param installNamespace the namespace the release is installed into: namespaced objects written
   *     without one are placed there, not in {@code default}
   * @param locator points the change's objects at their templates
   * @param limits the limits the flow-control documents are parsed within
   */
  public record Options(
      double simulateSeconds,
      GateMode gate,
      Optional<String> installNamespace,
      SourceLocator locator,
      InputLimits limits) {}
}
