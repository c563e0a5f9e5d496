package io.kubeload.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.gate.Evidence;
import io.kubeload.gate.Finding;
import io.kubeload.gate.Rule;
import io.kubeload.gate.Severity;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.testing.TestManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GitHub workflow commands: one annotation per finding, escaped as the Actions toolkit does. */
class GithubReportTest {

  @Test
  void messagesEscapePercentAndLineBreaks() {
    assertThat(GithubReport.data("100% of a\r\nlevel: x, y"))
        .isEqualTo("100%25 of a%0D%0Alevel: x, y");
  }

  @Test
  void propertiesAlsoEscapeColonAndComma() {
    assertThat(GithubReport.property("a:b,c%\n")).isEqualTo("a%3Ab%2Cc%25%0A");
  }

  @Test
  void oneAnnotationPerFindingAtItsFileAndLineThenTheVerdict() throws Exception {
    Verdict verdict =
        Samples.judge(
            Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml")),
            TestManifests.production());
    List<String> lines = Reports.render(verdict, Format.GITHUB).lines().toList();
    assertThat(lines).hasSize(verdict.findings().size() + 1);
    for (int i = 0; i < verdict.findings().size(); i++) {
      Finding f = verdict.findings().get(i);
      assertThat(lines.get(i))
          .startsWith(
              "::"
                  + f.severity().label()
                  + " file=test.yaml,line="
                  + f.location().line()
                  + ",title=kubeload "
                  + f.rule().id()
                  + "%3A "
                  + f.subject()
                  + "::");
      assertThat(lines.get(i)).doesNotContain("\n", "\r");
    }
    assertThat(lines.get(lines.size() - 1))
        .startsWith("::notice title=kubeload::FAIL at production");
  }

  @Test
  void theChangesOwnWarningsComeBeforeTheBaselinesCarriedOverOnes() throws Exception {
    Verdict verdict =
        Samples.judge(
            Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml")),
            TestManifests.production());
    Finding any = verdict.findings().get(0);
    Finding carried =
        new Finding(
            Severity.WARNING,
            Rule.WATCH_EGRESS,
            new ObjectRef("DaemonSet", "a", "carried"),
            new Evidence.Note("egress"),
            any.location(),
            "fix",
            Finding.Gating.PRE_EXISTING,
            List.of());
    Finding own =
        new Finding(
            Severity.WARNING,
            Rule.RESTART_STORM,
            new ObjectRef("DaemonSet", "z", "own"),
            new Evidence.Note("restart"),
            any.location(),
            "fix",
            Finding.Gating.GATED,
            List.of());
    Verdict both =
        new Verdict(
            verdict.projection(),
            verdict.simulations(),
            verdict.policy(),
            List.of(carried, own),
            verdict.workloads(),
            verdict.blastRadius(),
            verdict.skippedTestHooks(),
            verdict.skippedFindings(),
            verdict.comparison());
    for (Format format : List.of(Format.GITHUB, Format.MARKDOWN)) {
      String report = Reports.render(both, format);
      assertThat(report.indexOf("DaemonSet/z/own"))
          .as(format.label())
          .isLessThan(report.indexOf("DaemonSet/a/carried"));
    }
  }
}
