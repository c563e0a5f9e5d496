package io.kubeload.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeload.gate.Verdict;
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

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final Pattern SUITES = Pattern.compile("<testsuites name=\"[^\"]*\" tests=\"(\\d+)\" failures=\"(\\d+)\" errors=\"(\\d+)\" skipped=\"(\\d+)\"[^>]*>\\n");

  private ProjectReports() {}

  /**
   * @param skipped the projects left out as unchanged ({@code --changed-since}): named by the text,
   *     Markdown and JSON reports; the others hold judged projects only
   */
  public static String render(List<Judged> projects, List<String> skipped, Format format) {
    String skippedLine = skipped.isEmpty() ? "" : "Skipped, no input changed: " + String.join(", ", skipped) + "\n";
    return switch (format) {
      case TEXT, FINDINGS -> sections(projects, format, "=== project %s: %s ===%n%n", "\n") + (projects.isEmpty() ? "" : "\n") + skippedLine;
      case MARKDOWN -> sections(projects, format, "## Project `%s`: %s%n%n", "\n") + (projects.isEmpty() || skipped.isEmpty() ? "" : "\n") + skippedLine;
      case GITHUB -> sections(projects, format, "", "");
      case JSON -> json(projects, skipped);
      case SARIF -> sarif(projects);
      case JUNIT -> junit(projects);
      case HTML -> html(projects);
    };
  }

  private static String verdictWord(Verdict verdict) {
    return verdict.passed() ? "PASS" : "FAIL";
  }

  private static String sections(List<Judged> projects, Format format, String header, String between) {
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
  private static String json(List<Judged> projects, List<String> skipped) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", 1);
    root.put("verdict", projects.stream().allMatch(p -> p.verdict().passed()) ? "pass" : "fail");
    ArrayNode list = root.putArray("projects");
    for (Judged project : projects) {
      ObjectNode entry = list.addObject();
      entry.put("name", project.name());
      entry.set("report", parse(Reports.render(project.verdict(), Format.JSON)));
    }
    skipped.forEach(root.putArray("skipped")::add);
    return write(root);
  }

  /**
   * One SARIF log with one run holding every project's results, each result's message, fingerprint
   * and properties naming its project: the same finding in two projects stays two alerts. One run,
   * not a run per project: GitHub's ingestion rules (GH1004) allow few runs per file, and every
   * project's run would declare the same rules.
   */
  private static String sarif(List<Judged> projects) {
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
        ((ObjectNode) result.get("message")).put("text", "project " + project.name() + ": " + result.at("/message/text").asText());
        ObjectNode fingerprints = (ObjectNode) result.get("partialFingerprints");
        List<String> keys = new ArrayList<>();
        fingerprints.fieldNames().forEachRemaining(keys::add);
        keys.forEach(key -> fingerprints.put(key, project.name() + ":" + fingerprints.get(key).asText()));
        ((ObjectNode) result.get("properties")).put("project", project.name());
        results.add(result);
      }
      summaries.add(project.name() + ": " + run.at("/properties/summary").asText());
    }
    if (root == null) {
      root = MAPPER.createObjectNode();
      root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json").put("version", "2.1.0");
      ObjectNode run = root.putArray("runs").addObject();
      run.putObject("tool").putObject("driver").put("name", "kubeload").put("informationUri", "https://github.com/kubeload/kubeload");
      run.putArray("results");
      return write(root);
    }
    ((ObjectNode) root.get("runs").get(0)).putObject("properties")
        .put("verdict", projects.stream().allMatch(p -> p.verdict().passed()) ? "pass" : "fail").put("summary", String.join("; ", summaries));
    return write(root);
  }

  /** One {@code <testsuites>} holding every project's suites, each named after its project. */
  private static String junit(List<Judged> projects) {
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
      suites.append(xml.substring(outer.end(), xml.lastIndexOf("</testsuites>"))
          .replace("<testsuite name=\"", "<testsuite name=\"" + project.name() + ": "));
    }
    boolean passed = projects.stream().allMatch(p -> p.verdict().passed());
    return declaration + "<testsuites name=\"kubeload " + (passed ? "PASS" : "FAIL") + " over " + projects.size() + " projects\" tests=\""
        + totals[0] + "\" failures=\"" + totals[1] + "\" errors=\"" + totals[2] + "\" skipped=\"" + totals[3] + "\" time=\"0\">\n"
        + suites + "</testsuites>\n";
  }

  /** The first report's page, its body holding every project's report body under the project's heading. */
  private static String html(List<Judged> projects) {
    String head = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>kubeload</title></head>\n<body>";
    StringBuilder bodies = new StringBuilder(projects.isEmpty() ? "\n<p>No project judged.</p>\n" : "");
    String tail = "</body>\n</html>\n";
    for (Judged project : projects) {
      String page = Reports.render(project.verdict(), Format.HTML);
      int open = page.indexOf("<body>") + "<body>".length();
      int close = page.lastIndexOf("</body>");
      head = page.substring(0, open);
      tail = page.substring(close);
      bodies.append("\n<section id=\"project-").append(project.name()).append("\">\n<h1 class=\"")
          .append(project.verdict().passed() ? "pass" : "fail").append("\">Project ").append(project.name()).append("</h1>")
          .append(page, open, close).append("</section>\n");
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

  private static String write(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
