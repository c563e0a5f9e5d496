package io.kubeload.gate;

import io.kubeload.model.Projection;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.text.DidYouMean;
import io.kubeload.workload.Ignore;
import io.kubeload.yaml.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the {@code kubeload.io/ignore} annotations: a finding of an ignored rule on the annotated
 * workload is moved to the skipped list with its reason, unless the policy forbids ignores (then
 * {@link IgnoreForbiddenCheck} makes every ignore an error of its own, and nothing is skipped).
 */
final class Ignores {

  /** The findings that count, and those the annotations skip. */
  record Applied(List<Finding> kept, List<SkippedFinding> skipped) {

    Applied {
      kept = List.copyOf(kept);
      skipped = List.copyOf(skipped);
    }
  }

  private Ignores() {}

  static Applied apply(Projection projection, Policy policy, List<Finding> findings) {
    record Skip(WorkloadLoad load, Ignore ignore, Rule rule) {}
    List<Skip> skips = new ArrayList<>();
    for (WorkloadLoad load : projection.workloads()) {
      for (Ignore ignore : load.workload().ignores()) {
        skips.add(new Skip(load, ignore, rule(ignore)));
      }
    }
    if (!policy.allowIgnores()) {
      return new Applied(findings, List.of());
    }
    List<Finding> kept = new ArrayList<>();
    List<SkippedFinding> skipped = new ArrayList<>();
    for (Finding f : findings) {
      Optional<Skip> skip =
          skips.stream()
              .filter(s -> s.load().ref().equals(f.subject()) && s.rule() == f.rule())
              .findFirst();
      if (skip.isPresent()) {
        skipped.add(
            new SkippedFinding(f, skip.get().ignore().reason(), skip.get().ignore().location()));
      } else {
        kept.add(f);
      }
    }
    skipped.sort((a, b) -> Gate.ORDER.compare(a.finding(), b.finding()));
    return new Applied(kept, skipped);
  }

  /** The rule an ignore names: a mistyped one would skip nothing and say nothing, leaving the finding it meant unexplained. */
  static Rule rule(Ignore ignore) {
    return Rule.parse(ignore.rule())
        .orElseThrow(
            () ->
                new InputException(
                    ignore.location().file(),
                    ignore.location().line(),
                    Ignore.KEY
                        + ": no rule '"
                        + ignore.rule()
                        + "'"
                        + DidYouMean.hintAndAll(ignore.rule(), Rule.ids(), "rules")));
  }
}
