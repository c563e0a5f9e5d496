package io.kubeload.gate;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the gate found for one workload besides its findings.
 *
 * @param breakEvenNodes the smallest cluster in which it alone breaks a budget; empty if none up to a million nodes
 * @param loadCurve its load over node counts, when it makes requests
 * @param recommendation the roll-out that would keep its start-up storm inside the budget, when it breaks it
 */
public record WorkloadVerdict(
    OptionalInt breakEvenNodes,
    Optional<LoadCurve> loadCurve,
    Optional<Recommendation> recommendation) {}
