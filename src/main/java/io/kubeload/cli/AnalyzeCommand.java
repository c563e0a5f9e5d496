package io.kubeload.cli;

import io.kubeload.gate.Verdict;
import io.kubeload.report.Format;
import io.kubeload.report.Reports;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
      "output keeps its template paths) or renders a chart (--chart), infers what",
      "every pod asks of the API server (kubeload.io/access, then the catalog of",
      "known components and their configuration, then RBAC as an upper bound),",
      "projects that load onto the cluster profile, simulates the roll-out and an",
      "API-server restart, and judges it against the policy's budgets. With",
      "--baseline it reports the change against the target branch and, by default,",
      "fails only on what the change causes. Findings skipped with",
      "kubeload.io/ignore are listed with their reason. Settings come from flags,",
      "then .kubeload.yaml (--config), then the defaults. Never touches the network.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:pass: every budget holds (or --warn-only)",
      "1:fail: the projected load breaks a budget",
      "2:bad input or usage (one line on stderr names the file and line)",
      "3:internal error (a kubeload bug)"
    })
final class AnalyzeCommand implements Callable<Integer> {

  private final Main.Io io;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = Analysis.PATHS_DESCRIPTION)
  List<String> paths = new ArrayList<>();

  @Mixin Analysis analysis;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Report format: text (default) or json.")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (whole or not at all) instead of stdout.")
  String output;

  @Option(names = "--warn-only", description = "Report as usual but exit 0 when a budget breaks: for a gradual adoption.")
  boolean warnOnly;

  AnalyzeCommand(Main.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    ProjectConfig config = analysis.config();
    List<ProjectConfig.Report> reports = reports(config);
    Verdict verdict = analysis.run(paths, config, io);
    for (ProjectConfig.Report report : reports) {
      Output.write(Reports.render(verdict, report.format()), report.output().orElse(null), io);
    }
    if (verdict.passed()) {
      return ExitCode.PASS;
    }
    if (warnOnly || config.warnOnly()) {
      io.err().println("kubeload: a budget breaks, but --warn-only (or warnOnly in the configuration) makes the exit code 0");
      return ExitCode.PASS;
    }
    return ExitCode.FAIL;
  }

  private List<ProjectConfig.Report> reports(ProjectConfig config) {
    if (format == null && output == null && !config.reports().isEmpty()) {
      return config.reports();
    }
    String name = format == null ? "text" : format;
    Format reportFormat = Format.parse(name).orElseThrow(() -> new UsageException("unknown --format '" + name + "' (" + Format.names() + ")"));
    return List.of(new ProjectConfig.Report(reportFormat, Optional.ofNullable(output).filter(o -> !o.equals("-"))));
  }
}
