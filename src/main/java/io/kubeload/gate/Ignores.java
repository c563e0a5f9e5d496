package io.kubeload.gate;

import io.kubeload.text.DidYouMean;
import io.kubeload.yaml.InputException;
import io.kubeload.model.Projection;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.workload.Ignore;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the {@code kubeload.io/ignore} annotations: a finding of an ignored rule on the annotated
 * workload is moved to the skipped list with its reason, unless the policy forbids ignores, in
 * which case every ignore is an error of its own.
 */
final class Ignores {

  static final String FORBIDDEN = "ignore-forbidden";

  private Ignores() {}

  /** Removes the ignored findings from {@code findings} (or adds one error per forbidden ignore). */
  static List<SkippedFinding> apply(Projection projection, Policy policy, List<Finding> findings) {
    List<SkippedFinding> skipped = new ArrayList<>();
    for (WorkloadLoad load : projection.workloads()) {
      String ref = load.ref().toString();
      for (Ignore ignore : load.workload().ignores()) {
        List<String> rules = Rules.all().stream().map(Rules.Rule::id).toList();
        if (!rules.contains(ignore.rule())) {
          // A mistyped rule would skip nothing and say nothing: the finding it meant stays, unexplained.
          throw new InputException(ignore.location().file(), ignore.location().line(), Ignore.KEY + ": no rule '" + ignore.rule() + "'"
              + DidYouMean.hint(ignore.rule(), rules) + "; rules: " + String.join(", ", rules));
        }
        if (!policy.allowIgnores()) {
          findings.add(new Finding(Severity.ERROR, FORBIDDEN, ref,
              Ignore.KEY + " asks to skip " + ignore.rule() + " (" + ignore.reason() + "), but the policy forbids ignores (allowIgnores: false)",
              ignore.location(), "remove the annotation and address the finding, or allow ignores in the policy"));
          continue;
        }
        findings.removeIf(f -> {
          boolean matches = f.workload().equals(ref) && f.rule().equals(ignore.rule());
          if (matches) {
            skipped.add(new SkippedFinding(f, ignore.reason(), ignore.location()));
          }
          return matches;
        });
      }
    }
    skipped.sort((a, b) -> Gate.ORDER.compare(a.finding(), b.finding()));
    return List.copyOf(skipped);
  }
}
