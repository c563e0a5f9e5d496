package io.kubeload.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON reports are written as they are built, and are the bytes the whole tree of Jackson nodes
 * they used to be built as printed: the same tree, printed whole, gives the same text (the goldens
 * hold the content), and the projects' report is what parsing each project's report and printing
 * them under one root made, fractions read back as doubles included.
 */
class StreamedJsonReportTest {

  private static final ObjectMapper PRINTER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Reads numbers as they are written, so that the tree prints what the report held. */
  private static final ObjectMapper EXACT =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  static Stream<Samples.Judged> verdicts() {
    return Samples.verdicts();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verdicts")
  void theStreamedReportIsWhatItsWholeTreePrints(Samples.Judged judged) throws IOException {
    String streamed = Reports.render(judged.verdict(), Format.JSON);

    assertThat(streamed).isEqualTo(PRINTER.writeValueAsString(EXACT.readTree(streamed)) + "\n");
    assertThat(streamed).contains("\"workloads\" : [ {");
  }

  @Test
  void theProjectsReportIsEachProjectsReportReadBackUnderOneRoot() throws IOException {
    List<Samples.Judged> samples = Samples.verdicts().toList();
    List<ProjectReports.Judged> projects =
        List.of(
            new ProjectReports.Judged(
                "telemetry", find(samples, "telemetry-daemonset.yaml @production")),
            new ProjectReports.Judged("web", find(samples, "web-deployment.yaml @staging")),
            new ProjectReports.Judged(
                "controller", find(samples, "controller-deployment.yaml @production")));

    String streamed = projectsReport(projects, List.of("skipped-one"));

    ObjectNode root = PRINTER.createObjectNode();
    root.put("schemaVersion", 1);
    root.put("verdict", "fail");
    ArrayNode list = root.putArray("projects");
    for (ProjectReports.Judged project : projects) {
      ObjectNode entry = list.addObject();
      entry.put("name", project.name());
      entry.set("report", PRINTER.readTree(Reports.render(project.verdict(), Format.JSON)));
    }
    root.putArray("skipped").add("skipped-one");
    assertThat(streamed).isEqualTo(PRINTER.writeValueAsString(root) + "\n");
    // The fractions below a thousandth are where reading back as doubles shows.
    assertThat(streamed).containsPattern("\\d\\.\\d+E-\\d");
  }

  @Test
  void anEmptyProjectsReportStillListsProjectsAndSkipped() throws IOException {
    assertThat(projectsReport(List.of(), List.of()))
        .isEqualTo(
            "{\n  \"schemaVersion\" : 1,\n  \"verdict\" : \"pass\",\n  \"projects\" : [ ],\n  \"skipped\" : [ ]\n}\n");
  }

  private static String projectsReport(List<ProjectReports.Judged> projects, List<String> skipped)
      throws IOException {
    StringWriter out = new StringWriter();
    ProjectReports.write(projects, skipped, Format.JSON, out);
    return out.toString();
  }

  private static io.kubeload.gate.Verdict find(List<Samples.Judged> samples, String name) {
    return samples.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().verdict();
  }
}
