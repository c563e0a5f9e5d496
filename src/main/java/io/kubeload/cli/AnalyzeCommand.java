package io.kubeload.cli;

import io.kubeload.gate.Verdict;
import io.kubeload.report.Format;
import io.kubeload.report.Reports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeload analyze}: the whole pipeline, from manifests to an exit code. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Reads rendered manifests (files, folders, or - for stdin; `helm template`",
      "output keeps its template paths), infers what every pod asks of the API",
      "server (kubeload.io/access, then the catalog of known components and their",
      "configuration, then RBAC as an upper bound), projects that load onto the",
      "cluster profile, simulates the roll-out and an API-server restart, and",
      "judges it against the policy's budgets. Findings skipped with",
      "kubeload.io/ignore are listed with their reason. Never touches the network.",
      "Several reports in one run: repeat --format F --output FILE (docs/formats.md).",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:pass: every budget holds",
      "1:fail: the projected load breaks a budget",
      "2:bad input or usage (one line on stderr names the file and line)",
      "3:internal error (a kubeload bug)"
    })
final class AnalyzeCommand implements Callable<Integer> {

  private final Main.Io io;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = Analysis.PATHS_DESCRIPTION)
  List<String> paths;

  @Mixin Analysis analysis;

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<Target> targets = new ArrayList<>();

  /** One report: a format and the file the next --output names (stdout without one). */
  static final class Target {
    @Option(names = "--format", paramLabel = "FORMAT",
        description = "Report format: text, json, markdown, html, sarif, junit or github. Default: text. Repeatable.")
    String format;

    @Option(names = "--output", paramLabel = "FILE",
        description = "Write the report of the --format before it to FILE (whole or not at all) instead of stdout.")
    String output;
  }

  record Report(Format format, String file) {
    boolean toStdout() {
      return file == null || file.equals("-");
    }
  }

  AnalyzeCommand(Main.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    List<Report> reports = reports();
    Verdict verdict = analysis.run(paths, io);
    List<String> rendered = reports.stream().map(r -> Reports.render(verdict, r.format())).toList();
    for (int i = 0; i < reports.size(); i++) {
      Output.write(rendered.get(i), reports.get(i).file(), io);
    }
    return verdict.passed() ? ExitCode.PASS : ExitCode.FAIL;
  }

  /** The reports asked for, checked before any work: known formats, at most one on stdout, one format per file. */
  private List<Report> reports() {
    if (targets.isEmpty()) {
      return List.of(new Report(Format.TEXT, null));
    }
    List<Report> out = new ArrayList<>();
    Set<Path> files = new HashSet<>();
    for (Target target : targets) {
      String name = target.format == null ? Format.TEXT.label() : target.format;
      Format format = Format.parse(name)
          .orElseThrow(() -> new UsageException("unknown --format '" + name + "' (" + Format.labels() + ")"));
      Report report = new Report(format, target.output);
      if (!report.toStdout() && !files.add(Path.of(report.file()).toAbsolutePath().normalize())) {
        throw new UsageException("--output " + report.file() + " is named twice: give each format its own file");
      }
      out.add(report);
    }
    List<String> onStdout = out.stream().filter(Report::toStdout).map(r -> r.format().label()).toList();
    if (onStdout.size() > 1) {
      throw new UsageException("formats " + String.join(" and ", onStdout)
          + " would both go to stdout: give all but one of them an --output FILE after the --format");
    }
    return out;
  }
}
