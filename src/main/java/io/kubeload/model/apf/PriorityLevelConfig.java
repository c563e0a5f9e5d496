package io.kubeload.model.apf;

import io.kubeload.yaml.SourceLocation;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An APF PriorityLevelConfiguration as written (before seats are computed from the server's
 * concurrency).
 *
 * @param borrowingLimitPercent empty: may borrow without limit (docs/sources.md §3.2)
 * @param location where a chart wrote it; empty for the API server's defaults
 * @param reject true when the level rejects rather than queues ({@code limitResponse.type: Reject})
 */
public record PriorityLevelConfig(
    String name,
    boolean exempt,
    int shares,
    int lendablePercent,
    OptionalInt borrowingLimitPercent,
    boolean reject,
    int queues,
    int handSize,
    int queueLengthLimit,
    Optional<SourceLocation> location) {}
