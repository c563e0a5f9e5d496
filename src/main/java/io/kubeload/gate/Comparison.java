package io.kubeload.gate;

import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.WorkloadLoad;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a change does to the API server's load, against the baseline (the target branch's rendered
 * manifests): every workload of either side with its load before and after and what changed, every
 * priority level's demand before and after, and how many of the baseline's own errors were kept
 * out of the gate.
 *
 * @param workloads every workload of either side, by reference
 * @param levels the priority levels either side puts demand on
 * @param preExisting errors the baseline has too, which the change does not make worse: reported as
 *     warnings, never failing the check (zero when the whole load is gated)
 * @param gatesChangeOnly whether only the change can fail the check ({@code --gate change}, the default with a baseline)
 */
public record Comparison(
    List<WorkloadDelta> workloads,
    List<LevelDelta> levels,
    int preExisting,
    boolean gatesChangeOnly) {

  public Comparison {
    workloads = List.copyOf(workloads);
    levels = List.copyOf(levels);
  }

  /** How a workload fares in the change. */
  public enum Status {
    ADDED,
    CHANGED,
    UNCHANGED,
    REMOVED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One workload before and after.
   *
   * @param changes what changed, in words ({@code image agent: 1.0 → 1.1}, {@code pods 3 → 5}); empty when unchanged
   */
  public record WorkloadDelta(
      ObjectRef ref,
      Status status,
      Optional<WorkloadLoad> before,
      Optional<WorkloadLoad> after,
      List<String> changes) {

    public WorkloadDelta {
      changes = List.copyOf(changes);
    }
  }

  /** A priority level's seat demand from the analysed workloads, before and after (existing load aside). */
  public record LevelDelta(String name, double seats, double before, double after) {

    public double added() {
      return after - before;
    }
  }

  /** The workloads the change adds, changes or removes: what a reviewer reads first. */
  public List<WorkloadDelta> changed() {
    return workloads.stream().filter(w -> w.status() != Status.UNCHANGED).toList();
  }
}
