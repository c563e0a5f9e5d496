package io.kubeload.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.gate.Finding;
import io.kubeload.gate.Rule;
import io.kubeload.gate.Severity;
import io.kubeload.gate.Verdict;
import io.kubeload.testing.TestManifests;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML: well formed, one test case per workload × budget, failures carrying their finding. */
class JunitReportTest {

  private static final long BUDGETS =
      java.util.Arrays.stream(Rule.values()).filter(Rule::budget).count();

  static List<Samples.Judged> samples() {
    return Samples.verdicts().toList();
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everySampleIsWellFormedWithACasePerWorkloadAndBudget(Samples.Judged sample)
      throws Exception {
    Verdict verdict = sample.verdict();
    Document xml = parse(Reports.render(verdict, Format.JUNIT));
    Element root = xml.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    long failedCases =
        verdict.findings().stream()
            .filter(f -> f.severity() == Severity.ERROR)
            .map(f -> f.subject() + " " + f.rule())
            .distinct()
            .count();
    assertThat(Long.parseLong(root.getAttribute("failures"))).isEqualTo(failedCases);
    assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo((int) failedCases);
    assertThat(verdict.passed()).isEqualTo(failedCases == 0);
    NodeList suites = root.getElementsByTagName("testsuite");
    for (int i = 0; i < verdict.projection().workloads().size(); i++) {
      Element suite = (Element) suites.item(i);
      assertThat(suite.getAttribute("name"))
          .isEqualTo(verdict.projection().workloads().get(i).ref().toString());
      assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo((int) BUDGETS);
    }
  }

  @Test
  void aBrokenBudgetFailsItsCaseWithTheMessageFixAndLocation() throws Exception {
    Verdict verdict =
        Samples.judge(
            java.nio.file.Files.readString(
                java.nio.file.Path.of("samples/manifests/telemetry-daemonset.yaml")),
            TestManifests.production());
    Finding storm =
        verdict.findings().stream()
            .filter(f -> f.rule() == Rule.STARTUP_STORM)
            .findFirst()
            .orElseThrow();
    Element failure = failureOf(parse(Reports.render(verdict, Format.JUNIT)), "startup-storm");
    assertThat(failure.getAttribute("message")).isEqualTo(storm.message());
    assertThat(failure.getTextContent()).contains(storm.fix(), "at " + storm.location());
  }

  @Test
  void anIgnoredFindingSkipsItsCaseWithTheReason() throws Exception {
    Verdict verdict =
        Samples.judge(
            Samples.telemetryIgnoring("watch-egress=capped by a NetworkPolicy"),
            TestManifests.production());
    Document xml = parse(Reports.render(verdict, Format.JUNIT));
    NodeList cases = xml.getElementsByTagName("testcase");
    Element egress = null;
    for (int i = 0; i < cases.getLength(); i++) {
      if (((Element) cases.item(i)).getAttribute("name").equals("watch-egress")) {
        egress = (Element) cases.item(i);
      }
    }
    assertThat(egress).isNotNull();
    assertThat(egress.getElementsByTagName("failure").getLength()).isZero();
    Element skipped = (Element) egress.getElementsByTagName("skipped").item(0);
    assertThat(skipped.getAttribute("message"))
        .contains("capped by a NetworkPolicy", "kubeload.io/ignore at");
    assertThat(xml.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
  }

  private static Element failureOf(Document xml, String rule) {
    NodeList cases = xml.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (c.getAttribute("name").equals(rule)
          && c.getElementsByTagName("failure").getLength() == 1) {
        return (Element) c.getElementsByTagName("failure").item(0);
      }
    }
    throw new AssertionError("no failed test case " + rule);
  }
}
