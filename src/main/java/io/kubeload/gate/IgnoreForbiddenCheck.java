package io.kubeload.gate;

import io.kubeload.model.WorkloadLoad;
import io.kubeload.workload.Ignore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** ignore-forbidden: every kubeload.io/ignore is an error of its own when the policy forbids ignores. */
final class IgnoreForbiddenCheck implements Check {

  @Override
  public Set<Rule> rules() {
    return Set.of(Rule.IGNORE_FORBIDDEN);
  }

  @Override
  public List<Finding> findings(Context context) {
    List<Finding> out = new ArrayList<>();
    if (context.policy().allowIgnores()) {
      return out;
    }
    for (WorkloadLoad load : context.projection().workloads()) {
      for (Ignore ignore : load.workload().ignores()) {
        out.add(
            Finding.of(
                Rule.IGNORE_FORBIDDEN,
                load.ref(),
                new Evidence.Ignore(Ignores.rule(ignore), ignore.reason()),
                ignore.location(),
                "remove the annotation and address the finding, or allow ignores in the policy",
                List.of()));
      }
    }
    return out;
  }
}
