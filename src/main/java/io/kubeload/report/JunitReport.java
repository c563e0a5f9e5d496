package io.kubeload.report;

import io.kubeload.gate.Finding;
import io.kubeload.gate.Rule;
import io.kubeload.gate.Severity;
import io.kubeload.gate.SkippedFinding;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JUnit XML for CI systems that show test results: one test suite per workload with one test case
 * per budget, failed by the budget's finding, skipped when that finding was ignored. Errors that
 * belong to no workload budget (a forbidden ignore) fail a test case of their own; warnings are
 * listed in the suite's output.
 */
final class JunitReport {

  private JunitReport() {}

  /** A test case: failed by its findings (all of one rule for one workload, e.g. two levels' seat demand), else maybe skipped. */
  private record Case(
      Rule rule, ObjectRef workload, List<Finding> failures, Optional<SkippedFinding> skipped) {

    Case {
      failures = List.copyOf(failures);
    }
  }

  private record Suite(String name, List<Case> cases, List<Finding> warnings) {

    Suite {
      cases = List.copyOf(cases);
      warnings = List.copyOf(warnings);
    }

    long failures() {
      return cases.stream().filter(c -> !c.failures().isEmpty()).count();
    }

    long skipped() {
      return cases.stream().filter(c -> c.skipped().isPresent()).count();
    }
  }

  static String render(Verdict verdict) {
    List<Suite> suites = new ArrayList<>();
    List<Finding> covered = new ArrayList<>();
    for (WorkloadLoad load : verdict.projection().workloads()) {
      ObjectRef ref = load.ref();
      List<Case> cases = new ArrayList<>();
      for (Rule rule : Rule.values()) {
        if (!rule.budget()) {
          continue;
        }
        List<Finding> failures =
            verdict.reviewed().stream()
                .filter(
                    f ->
                        f.subject().equals(ref)
                            && f.rule() == rule
                            && f.severity() == Severity.ERROR)
                .toList();
        covered.addAll(failures);
        Optional<SkippedFinding> skipped =
            !failures.isEmpty()
                ? Optional.empty()
                : verdict.skippedFindings().stream()
                    .filter(s -> s.finding().subject().equals(ref) && s.finding().rule() == rule)
                    .findFirst();
        cases.add(new Case(rule, ref, failures, skipped));
      }
      suites.add(
          new Suite(
              ref.toString(),
              cases,
              verdict.reviewed().stream()
                  .filter(f -> f.subject().equals(ref) && f.severity() != Severity.ERROR)
                  .toList()));
    }
    List<Case> others =
        verdict.reviewed().stream()
            .filter(f -> f.severity() == Severity.ERROR && !covered.contains(f))
            .map(f -> new Case(f.rule(), f.subject(), List.of(f), Optional.<SkippedFinding>empty()))
            .toList();
    Set<ObjectRef> workloads =
        verdict.projection().workloads().stream()
            .map(WorkloadLoad::ref)
            .collect(Collectors.toSet());
    List<Finding> otherWarnings =
        verdict.reviewed().stream()
            .filter(f -> f.severity() != Severity.ERROR && !workloads.contains(f.subject()))
            .toList();
    if (!others.isEmpty() || !otherWarnings.isEmpty()) {
      suites.add(new Suite("kubeload", others, otherWarnings));
    }
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    long tests = suites.stream().mapToLong(s -> s.cases().size()).sum();
    long failures = suites.stream().mapToLong(Suite::failures).sum();
    long skipped = suites.stream().mapToLong(Suite::skipped).sum();
    out.append("<testsuites name=\"")
        .append(Markup.xml("kubeload " + Phrases.verdict(verdict)))
        .append("\" tests=\"")
        .append(tests)
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"0\" skipped=\"")
        .append(skipped)
        .append("\" time=\"0\">\n");
    for (Suite suite : suites) {
      out.append("  <testsuite name=\"")
          .append(Markup.xml(suite.name()))
          .append("\" tests=\"")
          .append(suite.cases().size())
          .append("\" failures=\"")
          .append(suite.failures())
          .append("\" errors=\"0\" skipped=\"")
          .append(suite.skipped())
          .append("\" time=\"0\">\n");
      for (Case c : suite.cases()) {
        testCase(c, out);
      }
      if (!suite.warnings().isEmpty()) {
        out.append("    <system-out>");
        for (Finding w : suite.warnings()) {
          out.append(
                  Markup.xml(
                      w.severity().label()
                          + " "
                          + w.rule().id()
                          + " at "
                          + w.location()
                          + ": "
                          + w.message()
                          + "\nfix: "
                          + w.fix()))
              .append('\n');
        }
        out.append("</system-out>\n");
      }
      out.append("  </testsuite>\n");
    }
    return out.append("</testsuites>\n").toString();
  }

  private static void testCase(Case c, StringBuilder out) {
    out.append("    <testcase name=\"")
        .append(Markup.xml(c.rule().id()))
        .append("\" classname=\"")
        .append(Markup.xml(c.workload().toString()))
        .append("\" time=\"0\"");
    if (!c.failures().isEmpty()) {
      Finding first = c.failures().get(0);
      out.append(">\n      <failure message=\"")
          .append(Markup.xml(first.message()))
          .append("\" type=\"")
          .append(Markup.xml(first.rule().id()))
          .append("\">");
      for (int i = 0; i < c.failures().size(); i++) {
        Finding f = c.failures().get(i);
        out.append(
            Markup.xml(
                (i == 0 ? "" : "\n\n")
                    + f.message()
                    + "\nfix: "
                    + f.fix()
                    + "\nat "
                    + f.location()));
      }
      out.append("</failure>\n    </testcase>\n");
    } else if (c.skipped().isPresent()) {
      SkippedFinding s = c.skipped().get();
      out.append(">\n      <skipped message=\"")
          .append(
              Markup.xml(
                  "ignored: " + s.reason() + " (kubeload.io/ignore at " + s.ignoredAt() + ")"))
          .append("\"/>\n    </testcase>\n");
    } else {
      out.append("/>\n");
    }
  }
}
