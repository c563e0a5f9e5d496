package io.kubeload.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kubeload.gate.Finding;
import io.kubeload.gate.Rule;
import io.kubeload.gate.Verdict;
import io.kubeload.testing.TestManifests;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SARIF report is valid SARIF 2.1.0, one result per finding, located where a reviewer edits. */
class SarifReportTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in =
        Files.newInputStream(Path.of("src/test/resources/sarif/sarif-schema-2.1.0.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
  }

  static List<Samples.Judged> samples() {
    return Samples.verdicts().toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everySampleIsValidSarifWithOneResultPerFinding(Samples.Judged sample) {
    JsonNode sarif = JSON.readTree(Reports.render(sample.verdict(), Format.SARIF));
    assertThat(schema.validate(sarif)).isEmpty();
    JsonNode run = sarif.get("runs").get(0);
    assertThat(run.get("results").size()).isEqualTo(sample.verdict().findings().size());
    List<String> ruleIds = new ArrayList<>();
    run.get("tool").get("driver").get("rules").forEach(r -> ruleIds.add(r.get("id").asString()));
    assertThat(ruleIds).isEqualTo(Rule.ids());
    for (int i = 0; i < sample.verdict().findings().size(); i++) {
      Finding finding = sample.verdict().findings().get(i);
      JsonNode result = run.get("results").get(i);
      assertThat(result.get("ruleId").asString()).isEqualTo(finding.rule().id());
      assertThat(ruleIds.get(result.get("ruleIndex").asInt())).isEqualTo(finding.rule().id());
      assertThat(result.get("level").asString()).isEqualTo(finding.severity().label());
      assertThat(result.get("message").get("text").asString())
          .contains(finding.message(), finding.fix());
    }
  }

  @Test
  void aTemplateNotFoundOnDiskLeavesTheRenderedFileAndLineAndIsNamedInTheMessage()
      throws Exception {
    // The sample's `# Source:` names a chart that is not on disk: code scanning could not place it.
    Verdict verdict =
        Samples.judge(
            Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml")),
            TestManifests.production());
    JsonNode result =
        JSON.readTree(Reports.render(verdict, Format.SARIF))
            .get("runs")
            .get(0)
            .get("results")
            .get(0);
    Finding finding = verdict.findings().get(0);
    JsonNode physical = result.get("locations").get(0).get("physicalLocation");
    assertThat(physical.get("artifactLocation").get("uri").asString()).isEqualTo("test.yaml");
    assertThat(physical.get("artifactLocation").get("uriBaseId").asString()).isEqualTo("%SRCROOT%");
    assertThat(physical.get("region").get("startLine").asInt())
        .isEqualTo(finding.location().line());
    assertThat(result.get("message").get("text").asString())
        .endsWith("(Helm template node-telemetry/templates/daemonset.yaml)");
    assertThat(result.has("relatedLocations")).isFalse();
  }

  @Test
  void aTemplateFoundOnDiskIsTheLocationAtItsLineWithTheRenderedLineBeside() throws Exception {
    Verdict verdict =
        Samples.judge(
            Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml")),
            TestManifests.production());
    Finding finding = verdict.findings().get(0);
    Finding found =
        new Finding(
            finding.severity(),
            finding.rule(),
            finding.subject(),
            finding.evidence(),
            finding.location().inTemplate("charts/node-telemetry/templates/daemonset.yaml", 4),
            finding.fix(),
            finding.gating(),
            finding.accesses());
    Verdict located =
        new Verdict(
            verdict.projection(),
            verdict.simulations(),
            verdict.policy(),
            List.of(found),
            verdict.workloads(),
            verdict.blastRadius(),
            verdict.skippedTestHooks(),
            verdict.skippedFindings(),
            verdict.comparison());
    JsonNode result =
        JSON.readTree(Reports.render(located, Format.SARIF))
            .get("runs")
            .get(0)
            .get("results")
            .get(0);
    JsonNode physical = result.get("locations").get(0).get("physicalLocation");
    assertThat(physical.get("artifactLocation").get("uri").asString())
        .isEqualTo("charts/node-telemetry/templates/daemonset.yaml");
    assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(4);
    JsonNode rendered = result.get("relatedLocations").get(0).get("physicalLocation");
    assertThat(rendered.get("artifactLocation").get("uri").asString()).isEqualTo("test.yaml");
    assertThat(rendered.get("region").get("startLine").asInt())
        .isEqualTo(finding.location().line());
    assertThat(result.get("relatedLocations").get(0).get("message").get("text").asString())
        .isEqualTo("as rendered in test.yaml");
  }

  @Test
  void withoutATemplateTheFileAndLineAreTheLocation() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: ops}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata:
              labels: {app: agent}
              annotations:
                kubeload.io/access: |
                  - resource: pods
            spec:
              containers: [{name: agent, image: example/agent:1}]
        """;
    Verdict verdict = Samples.judge(yaml, TestManifests.production());
    assertThat(verdict.findings()).isNotEmpty();
    JsonNode sarif = JSON.readTree(Reports.render(verdict, Format.SARIF));
    assertThat(schema.validate(sarif)).isEmpty();
    JsonNode physical =
        sarif
            .get("runs")
            .get(0)
            .get("results")
            .get(0)
            .get("locations")
            .get(0)
            .get("physicalLocation");
    assertThat(physical.get("artifactLocation").get("uri").asString()).isEqualTo("test.yaml");
    assertThat(physical.get("region").get("startLine").asInt())
        .isEqualTo(verdict.findings().get(0).location().line());
  }

  @Test
  void ignoredFindingsAreSuppressedResultsWithTheirReason() throws Exception {
    Verdict verdict =
        Samples.judge(
            Samples.telemetryIgnoring("watch-egress=capped by a NetworkPolicy"),
            TestManifests.production());
    JsonNode sarif = JSON.readTree(Reports.render(verdict, Format.SARIF));
    assertThat(schema.validate(sarif)).isEmpty();
    JsonNode results = sarif.get("runs").get(0).get("results");
    assertThat(results.size()).isEqualTo(verdict.findings().size() + 1);
    JsonNode suppressed = results.get(results.size() - 1);
    assertThat(suppressed.get("ruleId").asString()).isEqualTo("watch-egress");
    assertThat(suppressed.get("suppressions").get(0).get("justification").asString())
        .isEqualTo("capped by a NetworkPolicy");
  }

  @Test
  void theSchemaRejectsWhatIsNotSarif() throws Exception {
    Verdict verdict =
        Samples.judge(
            Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml")),
            TestManifests.production());
    String broken =
        Reports.render(verdict, Format.SARIF)
            .replaceFirst("\"level\" : \"error\"", "\"level\" : \"fatal\"");
    assertThat(schema.validate(JSON.readTree(broken))).isNotEmpty();
  }

  @Test
  void pathsBecomeUriReferences() {
    assertThat(SarifReport.encoded("charts/my chart/templates/ds.yaml"))
        .isEqualTo("charts/my%20chart/templates/ds.yaml");
    assertThat(SarifReport.encoded("ü#?.yaml")).isEqualTo("%C3%BC%23%3F.yaml");
  }
}
