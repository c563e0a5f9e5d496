package io.kubeload.cli;

import io.kubeload.gate.Verdict;
import io.kubeload.report.Format;
import io.kubeload.report.Reports;
import java.util.List;
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
      "output keeps its template paths), infers what every pod asks of the API",
      "server (kubeload.io/access, then the catalog of known components and their",
      "configuration, then RBAC as an upper bound), projects that load onto the",
      "cluster profile, simulates the roll-out and an API-server restart, and",
      "judges it against the policy's budgets. Findings skipped with",
      "kubeload.io/ignore are listed with their reason. Never touches the network.",
      "Input beyond a --max-* limit (docs/limits.md) is an error, never cut short.",
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

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "Report format: text or json. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (whole or not at all) instead of stdout.")
  String output;

  AnalyzeCommand(Main.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Format reportFormat = Format.parse(format).orElseThrow(() -> new UsageException("unknown --format '" + format + "' (text, json)"));
    Verdict verdict = analysis.run(paths, io);
    Output.write(Reports.render(verdict, reportFormat), output, io);
    return verdict.passed() ? ExitCode.PASS : ExitCode.FAIL;
  }
}
