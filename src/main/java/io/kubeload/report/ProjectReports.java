package io.kubeload.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeload.gate.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reports of a run over several projects (docs/inputs-projects.md): each project's verdict
 * rendered by its format's own renderer, under an outer layer that names the project. Pure.
 */
public final class ProjectReports {

  /** One project's verdict; {@code name} is a DNS label (checked where projects are read), so it needs no escaping. */
  public record Judged(String name, Verdict verdict) {}

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final Pattern SUITES =
      Pattern.compile(
          "<testsuites name=\"[^\"]*\" tests=\"(\\d+)\" failures=\"(\\d+)\" errors=\"(\\d+)\" skipped=\"(\\d+)\"[^>]*>\\n");

  private ProjectReports() {}

  /**
   * The report of every project written to {@code out}; JSON as it is built, as one project's is.
   *
   * @param skipped the projects left out as unchanged ({@code --changed-since}): named by every
   *     format but the github annotations, which belong to a file and line
   */
  public static void write(List<Judged> projects, List<String> skipped, Format format, Writer out)
      throws IOException {
    String skippedLine =
        skipped.isEmpty() ? "" : "Skipped, no input changed: " + String.join(", ", skipped) + "\n";
    switch (format) {
      case TEXT, FINDINGS ->
          out.write(
              sections(projects, format, "=== project %s: %s ===%n%n", "\n")
                  + (projects.isEmpty() ? "" : "\n")
                  + skippedLine);
      case MARKDOWN ->
          out.write(
              sections(projects, format, "## Project `%s`: %s%n%n", "\n")
                  + (projects.isEmpty() || skipped.isEmpty() ? "" : "\n")
                  + skippedLine);
      case GITHUB -> out.write(sections(projects, format, "", ""));
      case JSON -> json(projects, skipped, out);
      case SARIF -> out.write(sarif(projects, skipped));
      case JUNIT -> out.write(junit(projects, skipped));
      case HTML -> out.write(html(projects, skippedLine));
    }
  }

  private static String verdictWord(Verdict verdict) {
    return verdict.passed() ? "PASS" : "FAIL";
  }

  private static String sections(
      List<Judged> projects, Format format, String header, String between) {
    StringBuilder out = new StringBuilder();
    for (Judged project : projects) {
      if (!out.isEmpty()) {
        out.append(between);
      }
      out.append(String.format(header, project.name(), verdictWord(project.verdict())));
      out.append(Reports.render(project.verdict(), format));
    }
    return out.toString();
  }

  /** The JSON reports (docs/json-report.md), each whole under {@code projects[].report}. */
  private static void json(List<Judged> projects, List<String> skipped, Writer out)
      throws IOException {
    try (JsonGenerator g = JsonReport.generator(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", 1);
      g.writeStringField(
          "verdict", projects.stream().allMatch(p -> p.verdict().passed()) ? "pass" : "fail");
      g.writeArrayFieldStart("projects");
      JsonGenerator readBack = new ReadBack(g);
      for (Judged project : projects) {
        g.writeStartObject();
        g.writeStringField("name", project.name());
        g.writeFieldName("report");
        JsonReport.write(project.verdict(), readBack);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("skipped");
      for (String name : skipped) {
        g.writeString(name);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  /**
   * A project's report with its fractions as they read back into doubles: the projects' report was
   * first made by parsing each project's report and writing it again, which printed 0.0000848176 as
   * 8.48176E-5. Kept, so that its readers see the same bytes; whole numbers read back as they were.
   */
  private static final class ReadBack extends JsonGeneratorDelegate {
    ReadBack(JsonGenerator g) {
      super(g, false);
    }

    @Override
    public void writeNumber(BigDecimal value) throws IOException {
      if (value.scale() <= 0) {
        super.writeNumber(value);
      } else {
        super.writeNumber(value.doubleValue());
      }
    }
  }

  /**
   * One SARIF log with one run holding every project's results, each result's message, fingerprint
   * and properties naming its project: the same finding in two projects stays two alerts. One run,
   * not a run per project: GitHub's ingestion rules (GH1004) allow few runs per file, and every
   * project's run would declare the same rules.
   */
  private static String sarif(List<Judged> projects, List<String> skipped) {
    ObjectNode root = null;
    ArrayNode results = null;
    List<String> summaries = new ArrayList<>();
    for (Judged project : projects) {
      ObjectNode log = parse(Reports.render(project.verdict(), Format.SARIF));
      ObjectNode run = (ObjectNode) log.get("runs").get(0);
      JsonNode own = run.get("results");
      if (root == null) {
        root = log;
        results = run.putArray("results");
      }
      for (JsonNode node : own) {
        ObjectNode result = (ObjectNode) node;
        ((ObjectNode) result.get("message"))
            .put("text", "project " + project.name() + ": " + result.at("/message/text").asText());
        ObjectNode fingerprints = (ObjectNode) result.get("partialFingerprints");
        List<String> keys = new ArrayList<>();
        fingerprints.fieldNames().forEachRemaining(keys::add);
        keys.forEach(
            key -> fingerprints.put(key, project.name() + ":" + fingerprints.get(key).asText()));
        ((ObjectNode) result.get("properties")).put("project", project.name());
        results.add(result);
      }
      summaries.add(project.name() + ": " + run.at("/properties/summary").asText());
    }
    if (root == null) {
      root = SarifReport.emptyLog();
      summaries.add("no project judged");
    }
    ObjectNode properties =
        ((ObjectNode) root.get("runs").get(0))
            .putObject("properties")
            .put("verdict", projects.stream().allMatch(p -> p.verdict().passed()) ? "pass" : "fail")
            .put("summary", String.join("; ", summaries));
    if (!skipped.isEmpty()) {
      skipped.forEach(properties.putArray("skippedProjects")::add);
    }
    return serialised(root);
  }

  /**
   * One {@code <testsuites>} holding every project's suites, each named after its project, and a
   * skipped test case for each project left out as unchanged, so that a CI's test view shows it.
   */
  private static String junit(List<Judged> projects, List<String> skipped) {
    long[] totals = new long[4];
    StringBuilder suites = new StringBuilder();
    String declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    for (Judged project : projects) {
      String xml = Reports.render(project.verdict(), Format.JUNIT);
      Matcher outer = SUITES.matcher(xml);
      if (!outer.find()) {
        throw new IllegalStateException("the JUnit report lost its <testsuites> element");
      }
      declaration = xml.substring(0, outer.start());
      for (int i = 0; i < totals.length; i++) {
        totals[i] += Long.parseLong(outer.group(i + 1));
      }
      suites.append(
          xml.substring(outer.end(), xml.lastIndexOf("</testsuites>"))
              .replace("<testsuite name=\"", "<testsuite name=\"" + project.name() + ": "));
    }
    for (String name : skipped) {
      suites
          .append("  <testsuite name=\"")
          .append(Markup.xml(name))
          .append(": not judged\" tests=\"1\" failures=\"0\" errors=\"0\" ")
          .append("skipped=\"1\" time=\"0\">\n    <testcase classname=\"kubeload.project\" name=\"")
          .append(Markup.xml(name))
          .append(
              "\" time=\"0\">\n      <skipped message=\"no input changed\"/>\n    </testcase>\n  </testsuite>\n");
      totals[0]++;
      totals[3]++;
    }
    boolean passed = projects.stream().allMatch(p -> p.verdict().passed());
    return declaration
        + "<testsuites name=\"kubeload "
        + (passed ? "PASS" : "FAIL")
        + " over "
        + projects.size()
        + " projects\" tests=\""
        + totals[0]
        + "\" failures=\""
        + totals[1]
        + "\" errors=\""
        + totals[2]
        + "\" skipped=\""
        + totals[3]
        + "\" time=\"0\">\n"
        + suites
        + "</testsuites>\n";
  }

  /** The first report's page, its body holding every project's report body under the project's heading. */
  private static String html(List<Judged> projects, String skippedLine) {
    String head =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>kubeload</title></head>\n<body>";
    StringBuilder bodies =
        new StringBuilder(projects.isEmpty() ? "\n<p>No project judged.</p>\n" : "");
    String tail = "</body>\n</html>\n";
    for (Judged project : projects) {
      String page = Reports.render(project.verdict(), Format.HTML);
      int open = page.indexOf("<body>") + "<body>".length();
      int close = page.lastIndexOf("</body>");
      head = page.substring(0, open);
      tail = page.substring(close);
      bodies
          .append("\n<section id=\"project-")
          .append(project.name())
          .append("\">\n<h1 class=\"")
          .append(project.verdict().passed() ? "pass" : "fail")
          .append("\">Project ")
          .append(project.name())
          .append("</h1>")
          .append(page, open, close)
          .append("</section>\n");
    }
    if (!skippedLine.isEmpty()) {
      bodies
          .append("\n<p class=\"skipped\">")
          .append(Markup.xml(skippedLine.strip()))
          .append("</p>\n");
    }
    return head + bodies + tail;
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report did not parse back: " + e.getOriginalMessage(), e);
    }
  }

  private static String serialised(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
