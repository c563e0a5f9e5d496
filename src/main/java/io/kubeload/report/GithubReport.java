package io.kubeload.report;

import io.kubeload.gate.Finding;
import io.kubeload.gate.Severity;
import io.kubeload.gate.Verdict;
import io.kubeload.yaml.SourceLocation;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands: one {@code ::error} or {@code ::warning} annotation per finding,
 * at the template line that writes its object when the template was found on disk (the file in the
 * pull request's diff, where GitHub shows it inline), else at the rendered file and line; escaped as
 * the Actions toolkit escapes them.
 */
final class GithubReport {

  /** GitHub shows 10 error and 10 warning annotations of a step (and 10 notices) and drops the rest. */
  static final int PER_LEVEL = 10;

  private GithubReport() {}

  static String render(Verdict verdict) {
    StringBuilder out = new StringBuilder();
    Map<Severity, Integer> shown = new EnumMap<>(Severity.class);
    List<Finding> ordered = Phrases.changeFirst(verdict.reviewed());
    // The verdict's own notice is one of the ten notices.
    shown.put(Severity.INFO, 1);
    for (Finding f : ordered) {
      long ofLevel =
          ordered.stream().filter(o -> o.severity() == f.severity()).count()
              + (f.severity() == Severity.INFO ? 1 : 0);
      int index = shown.merge(f.severity(), 1, Integer::sum);
      if (ofLevel > PER_LEVEL && index == PER_LEVEL) {
        out.append("::")
            .append(command(f.severity()))
            .append(" title=kubeload::")
            .append(
                data(
                    (ofLevel - PER_LEVEL + 1)
                        + " more "
                        + f.severity().label()
                        + "s not annotated (GitHub shows "
                        + PER_LEVEL
                        + " per level): see the job summary or the pull-request comment"))
            .append('\n');
      }
      if (index >= PER_LEVEL && ofLevel > PER_LEVEL) {
        continue;
      }
      SourceLocation at = f.location();
      boolean inTemplate = at.templateLine() > 0;
      out.append("::")
          .append(command(f.severity()))
          .append(" file=")
          .append(property(inTemplate ? at.template().orElseThrow() : at.file()))
          .append(",line=")
          .append(inTemplate ? at.templateLine() : at.line())
          .append(",title=")
          .append(property("kubeload " + f.rule().id() + ": " + f.subject()))
          .append("::")
          .append(
              data(
                  f.message()
                      + "\nfix: "
                      + f.fix()
                      + (inTemplate
                          ? "\n(rendered at " + at.file() + ":" + at.line() + ")"
                          : at.template().map(t -> "\n(Helm template " + t + ")").orElse(""))))
          .append('\n');
    }
    out.append("::notice title=kubeload::")
        .append(data(Phrases.verdict(verdict) + ": " + Phrases.counts(verdict)))
        .append('\n');
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
