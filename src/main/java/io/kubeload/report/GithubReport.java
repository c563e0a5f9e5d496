package io.kubeload.report;

import io.kubeload.gate.Finding;
import io.kubeload.gate.Severity;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.SourceLocation;

/**
 * GitHub Actions workflow commands: one {@code ::error} or {@code ::warning} annotation per finding,
 * at the template line that writes its object when the template was found on disk (the file in the
 * pull request's diff, where GitHub shows it inline), else at the rendered file and line; escaped as
 * the Actions toolkit escapes them.
 */
final class GithubReport {

  private GithubReport() {}

  static String render(Verdict verdict) {
    StringBuilder out = new StringBuilder();
    for (Finding f : verdict.findings()) {
      SourceLocation at = f.location();
      boolean inTemplate = at.templateLine() > 0;
      out.append("::").append(command(f.severity()))
          .append(" file=").append(property(inTemplate ? at.template().orElseThrow() : at.file()))
          .append(",line=").append(inTemplate ? at.templateLine() : at.line())
          .append(",title=").append(property("kubeload " + f.rule() + ": " + f.workload()))
          .append("::").append(data(f.message() + "\nfix: " + f.fix()
              + (inTemplate ? "\n(rendered at " + at.file() + ":" + at.line() + ")" : at.template().map(t -> "\n(Helm template " + t + ")").orElse(""))))
          .append('\n');
    }
    out.append("::notice title=kubeload::").append(data(Phrases.verdict(verdict) + ": " + Phrases.counts(verdict))).append('\n');
    return out.toString();
  }

  private static String command(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
  }

  /** A command's message: {@code %}, CR and LF escaped (actions/toolkit, command.ts escapeData). */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property's value: the message's escapes plus {@code :} and {@code ,} (command.ts escapeProperty). */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
