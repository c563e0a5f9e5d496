package io.kubeload.workload;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.yaml.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * Something that runs pods, and how many it runs in production.
 *
 * @param serviceAccount the pods' ServiceAccount name ({@code default} when unset)
 * @param podAnnotations the pod template's annotations
 * @param isNew true when the workload has no baseline: every pod starts at once
 * @param ignores findings a reviewer chose to skip on this object ({@code kubeload.io/ignore})
 */
public record Workload(
    ObjectRef ref,
    Manifest manifest,
    PodSpec podSpec,
    Map<String, String> podAnnotations,
    String serviceAccount,
    PodCount pods,
    RolloutStrategy rollout,
    boolean isNew,
    List<Ignore> ignores) {

  public Workload {
    ignores = List.copyOf(ignores);
  }

  public String namespace() {
    return ref.namespace();
  }

  public String kind() {
    return ref.kind();
  }

  /** Where the workload is written: its own manifest, or the resource an operator turns into it. */
  public SourceLocation location() {
    return manifest.location();
  }

  /** The same workload rolled out another way: an update with {@code strategy}, or new. */
  public Workload withRollout(RolloutStrategy strategy, boolean asNew) {
    return new Workload(ref, manifest, podSpec, podAnnotations, serviceAccount, pods, strategy, asNew, ignores);
  }

  /** One pod on each node it lands on (all, or a pool's share): its cost grows with the cluster even when nothing else does. */
  public boolean runsOnEveryNode() {
    return pods.perNode();
  }

  /** Its pod count grows with the nodes: one per node, or in proportion to them. */
  public boolean podsGrowWithNodes() {
    return pods.growsWithNodes();
  }
}
