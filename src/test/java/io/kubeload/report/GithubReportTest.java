package io.kubeload.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.gate.Finding;
import io.kubeload.gate.Severity;
import io.kubeload.gate.Verdict;
import io.kubeload.testing.TestManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GitHub workflow commands: one annotation per finding, escaped as the Actions toolkit does. */
class GithubReportTest {

  @Test
  void messagesEscapePercentAndLineBreaks() {
    assertThat(GithubReport.data("100% of a\r\nlevel: x, y")).isEqualTo("100%25 of a%0D%0Alevel: x, y");
  }

  @Test
  void propertiesAlsoEscapeColonAndComma() {
    assertThat(GithubReport.property("a:b,c%\n")).isEqualTo("a%3Ab%2Cc%25%0A");
  }

  @Test
  void oneAnnotationPerFindingAtItsFileAndLineThenTheVerdict() throws Exception {
    Verdict verdict = Samples.judge(Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml")), TestManifests.production());
    List<String> lines = Reports.render(verdict, Format.GITHUB).lines().toList();
    assertThat(lines).hasSize(verdict.findings().size() + 1);
    for (int i = 0; i < verdict.findings().size(); i++) {
      Finding f = verdict.findings().get(i);
      assertThat(lines.get(i)).startsWith("::" + f.severity().label() + " file=test.yaml,line=" + f.location().line()
          + ",title=kubeload " + f.rule() + "%3A " + f.workload() + "::");
      assertThat(lines.get(i)).doesNotContain("\n", "\r");
    }
    assertThat(lines.get(lines.size() - 1)).startsWith("::notice title=kubeload::FAIL at production");
  }

  @Test
  void theChangesOwnWarningsComeBeforeTheBaselinesCarriedOverOnes() throws Exception {
    Verdict verdict = Samples.judge(Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml")), TestManifests.production());
    Finding any = verdict.findings().get(0);
    Finding carried = new Finding(Severity.WARNING, "watch-egress", "DaemonSet/a/carried",
        "in the baseline too, not gated: the change does not make it worse. egress", any.location(), "fix");
    Finding own = new Finding(Severity.WARNING, "restart-storm", "DaemonSet/z/own", "restart", any.location(), "fix");
    Verdict both = new Verdict(verdict.projection(), verdict.simulations(), verdict.policy(), List.of(carried, own), verdict.breakEvenNodes(),
        verdict.loadCurves(), verdict.recommendations(), verdict.blastRadius(), verdict.skippedTestHooks(), verdict.skippedFindings(),
        verdict.comparison());
    for (Format format : List.of(Format.GITHUB, Format.MARKDOWN)) {
      String report = Reports.render(both, format);
      assertThat(report.indexOf("DaemonSet/z/own")).as(format.label()).isLessThan(report.indexOf("DaemonSet/a/carried"));
    }
  }
}
