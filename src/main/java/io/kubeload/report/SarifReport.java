package io.kubeload.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeload.gate.Finding;
import io.kubeload.gate.Rule;
import io.kubeload.gate.Severity;
import io.kubeload.gate.SkippedFinding;
import io.kubeload.gate.Verdict;
import io.kubeload.yaml.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * SARIF 2.1.0 for code scanning: one result per finding (ignored ones as suppressed results), every
 * rule described in the driver. A finding is located at its Helm template when that was found on disk
 * (the template is what the repository holds and the reviewer edits), at the line that writes the
 * object; the rendered file and line follow as a related location. Otherwise the rendered file and
 * line are the location. Every location has a region: code scanning drops a result without one.
 */
final class SarifReport {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SarifReport() {}

  /**
   * A log of one run whose driver declares every rule, with no result yet: each report starts from
   * it, and a run that judged nothing (every project unchanged) is it, as GitHub's ingestion wants.
   */
  static ObjectNode emptyLog() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "kubeload");
    driver.put("version", Versions.tool());
    // Where a reader of the alert learns what kubeload is (the repository docs/ci.md installs
    // from).
    driver.put("informationUri", "https://github.com/kubeload/kubeload");
    ArrayNode rules = driver.putArray("rules");
    for (Rule rule : Rule.values()) {
      ObjectNode r = rules.addObject();
      r.put("id", rule.id());
      r.putObject("shortDescription").put("text", rule.summary());
      r.putObject("fullDescription").put("text", rule.description());
      r.putObject("help").put("text", rule.help());
      r.putObject("defaultConfiguration").put("level", level(rule.severity()));
      r.putObject("properties")
          .putArray("tags")
          .add("kubernetes")
          .add(rule.budget() ? "budget" : "warning");
    }
    run.putArray("results");
    return root;
  }

  static String render(Verdict verdict) {
    ObjectNode root = emptyLog();
    ObjectNode run = (ObjectNode) root.get("runs").get(0);
    ArrayNode results = (ArrayNode) run.get("results");
    for (Finding f : verdict.reviewed()) {
      result(results.addObject(), f);
    }
    for (SkippedFinding s : verdict.skippedFindings()) {
      ObjectNode r = results.addObject();
      result(r, s.finding());
      ObjectNode suppression = r.putArray("suppressions").addObject();
      suppression.put("kind", "inSource");
      suppression.put("justification", s.reason());
      suppression.set("location", location(s.ignoredAt()));
    }
    run.putObject("properties")
        .put("verdict", verdict.passed() ? "pass" : "fail")
        .put("summary", Phrases.verdict(verdict));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the SARIF report", e);
    }
  }

  // SARIF's ruleIndex is the rule's position in the run's rules array, which lists the enum as
  // declared.
  @SuppressWarnings("EnumOrdinal")
  private static void result(ObjectNode r, Finding f) {
    r.put("ruleId", f.rule().id());
    r.put("ruleIndex", f.rule().ordinal());
    r.put("level", level(f.severity()));
    SourceLocation at = f.location();
    String unresolved =
        at.templateLine() == 0
            ? at.template().map(t -> " (Helm template " + t + ")").orElse("")
            : "";
    r.putObject("message")
        .put("text", f.subject() + ": " + f.message() + ". Fix: " + f.fix() + unresolved);
    r.putArray("locations").add(location(at));
    if (at.templateLine() > 0) {
      ObjectNode rendered = rendered(f.location());
      rendered.put("id", 1);
      // The rendered output is helm's or kustomize's (named by its command) or a file rendered
      // beforehand.
      rendered.putObject("message").put("text", "as rendered in " + at.file());
      r.putArray("relatedLocations").add(rendered);
    }
    r.putObject("partialFingerprints").put("kubeloadFinding/v1", f.rule().id() + ":" + f.subject());
    r.putObject("properties").put("workload", f.subject().toString()).put("fix", f.fix());
  }

  /** The template when found (the chart source the repository holds), else the rendered file and line. */
  private static ObjectNode location(SourceLocation at) {
    if (at.templateLine() == 0) {
      return rendered(at);
    }
    ObjectNode location = MAPPER.createObjectNode();
    ObjectNode physical = location.putObject("physicalLocation");
    artifact(physical.putObject("artifactLocation"), at.template().orElseThrow());
    physical.putObject("region").put("startLine", at.templateLine());
    return location;
  }

  private static ObjectNode rendered(SourceLocation at) {
    ObjectNode location = MAPPER.createObjectNode();
    ObjectNode physical = location.putObject("physicalLocation");
    artifact(physical.putObject("artifactLocation"), at.file());
    physical.putObject("region").put("startLine", at.line());
    return location;
  }

  /** A path relative to the checkout (uriBaseId {@code %SRCROOT%}), or an absolute {@code file://} URI. */
  private static void artifact(ObjectNode artifactLocation, String path) {
    String slashed = path.replace('\\', '/');
    while (slashed.startsWith("./")) {
      slashed = slashed.substring(2);
    }
    if (slashed.startsWith("/")) {
      artifactLocation.put("uri", "file://" + encoded(slashed));
    } else {
      artifactLocation.put("uri", encoded(slashed)).put("uriBaseId", "%SRCROOT%");
    }
  }

  /** Unreserved characters and slashes as they are, every other byte percent-encoded (RFC 3986). */
  static String encoded(String slashed) {
    StringBuilder out = new StringBuilder();
    for (byte b : slashed.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((Character.isLetterOrDigit(c) && c < 128) || "/-._~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}
