package io.kubeload.workload;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.yaml.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something that runs pods, and how many it runs in production.
 *
 * @param podSpec the pods' spec; not kept once the workload is {@link #judged(boolean) judged} for
 *     a run without a baseline, where no stage reads it (the simulations' floor at fleet scale,
 *     docs/performance.md)
 * @param serviceAccount the pods' ServiceAccount name ({@code default} when unset)
 * @param podAnnotations the pod template's annotations
 * @param arrival whether its pods all start at once (no baseline) or replace running ones
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
    Arrival arrival,
    List<Ignore> ignores) {

  /** How a workload's pods come up: all at once, or replacing pods of the baseline as its roll-out paces them. */
  public enum Arrival {
    /** No baseline runs it: every pod starts at once. */
    NEW,
    /** The baseline runs it already: the change is an update, paced by its roll-out strategy. */
    ALREADY_RUNNING
  }

  public Workload {
    // An annotation written "key:" holds null, which Map.copyOf refuses.
    podAnnotations = Collections.unmodifiableMap(new LinkedHashMap<>(podAnnotations));
    ignores = List.copyOf(ignores);
  }

  /**
   * The pods' spec.
   *
   * @throws IllegalStateException once judged without it: a stage that reads it must be given a
   *     workload judged with it
   */
  @Override
  public PodSpec podSpec() {
    if (podSpec == null) {
      throw new IllegalStateException(ref + " was judged without its pod spec");
    }
    return podSpec;
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

  /** True when no baseline runs it: every pod starts at once. */
  public boolean isNew() {
    return arrival == Arrival.NEW;
  }

  /** The same workload rolled out another way: with {@code strategy}, arriving as {@code arrival}. */
  public Workload withRollout(RolloutStrategy strategy, Arrival arrival) {
    return new Workload(
        ref, manifest, podSpec, podAnnotations, serviceAccount, pods, strategy, arrival, ignores);
  }

  /**
   * The workload as the stages after inference read it: its manifest reduced to its {@link
   * Manifest#identity() identity}, its pods' spec kept only {@code compared} (a change compares its
   * containers with the baseline's; nothing else reads them after inference).
   */
  public Workload judged(boolean compared) {
    return new Workload(
        ref,
        manifest.identity(),
        compared ? podSpec : null,
        podAnnotations,
        serviceAccount,
        pods,
        rollout,
        arrival,
        ignores);
  }

  /** The same workload as an update of one the baseline runs: paced by its own roll-out strategy. */
  public Workload alreadyRunning() {
    return withRollout(rollout, Arrival.ALREADY_RUNNING);
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
