package io.kubeload.model.apf;

import io.kubeload.yaml.SourceLocation;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An APF PriorityLevelConfiguration as written (before seats are computed from the server's
 * concurrency).
 *
 * @param handling what the level does with requests beyond its seats (exempt levels have no limit)
 * @param borrowingLimitPercent empty: may borrow without limit (docs/sources.md §3.2)
 * @param queuing its queues; {@link Queuing#NONE} unless it queues
 * @param location where a chart wrote it; empty for the API server's defaults
 */
public record PriorityLevelConfig(
    String name,
    Handling handling,
    int shares,
    int lendablePercent,
    OptionalInt borrowingLimitPercent,
    Queuing queuing,
    Optional<SourceLocation> location) {

  /**
   * Exempt from limits ({@code type: Exempt}), or limited and then queuing or rejecting what its
   * seats cannot take ({@code limitResponse.type}).
   */
  public enum Handling {
    EXEMPT,
    QUEUE,
    REJECT
  }

  /** Shuffle sharding's queues: how many, how many one flow is dealt, and how long each may grow. */
  public record Queuing(int queues, int handSize, int queueLengthLimit) {

    public static final Queuing NONE = new Queuing(0, 0, 0);
  }

  public boolean exempt() {
    return handling == Handling.EXEMPT;
  }
}
