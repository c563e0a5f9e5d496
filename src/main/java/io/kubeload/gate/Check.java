package io.kubeload.gate;

import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.Projection;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.Simulations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The check behind one rule (the inference notes: one family of rules): the findings it raises on a projection. */
interface Check {

  /** The rules its findings carry. */
  Set<Rule> rules();

  List<Finding> findings(Context context);

  /**
   * What a check looks at: the projection and policy, and, when the whole gate runs, the simulations
   * and each workload's break-even node count (the budgets alone are checked without them).
   */
  record Context(
      Projection projection,
      Policy policy,
      Optional<Simulations> simulations,
      Map<ObjectRef, OptionalInt> breakEven) {

    public Context {
      breakEven = Map.copyOf(breakEven);
    }

    /** What the budgets are checked on: no simulations, no break-even searches. */
    static Context budgets(Projection projection, Policy policy) {
      return new Context(projection, policy, Optional.empty(), Map.of());
    }

    Optional<SimulationResult> rolloutOf(ObjectRef ref) {
      return simulations.flatMap(s -> s.rolloutOf(ref));
    }
  }
}
