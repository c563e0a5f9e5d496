package io.kubeload.cli;

import io.kubeload.gate.Verdict;
import io.kubeload.report.Format;
import io.kubeload.report.ProjectReports;
import io.kubeload.report.Reports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult.GroupMatch;

/** {@code kubeload analyze}: the whole pipeline, from manifests to an exit code. */
final class AnalyzeCommand extends PipelineCommand {

  final CommandSpec spec;

  List<String> paths = new ArrayList<>();

  /** The reports asked for: each a --format and the file the --output with it names. */
  private final ArgGroupSpec targets;

  private final OptionSpec format;
  private final OptionSpec output;

  boolean warnOnly;
  List<String> projectNames = new ArrayList<>();
  String changedSince;

  private ProjectConfig config;
  private List<ReportRequest> reports;

  AnalyzeCommand(Main.Io io) {
    super(io);
    spec =
        CommandSpecs.command(
            this,
            "analyze",
            "Reads rendered manifests (files, folders, or - for stdin; `helm template`",
            "output keeps its template paths), renders a chart (--chart) or builds a",
            "kustomization (--kustomize, or a PATH holding kustomization.yaml), and renders",
            "the Argo CD and Flux objects among them from the repository. With no input",
            "named, judges each project of .kubeload.yaml (--project, --changed-since)",
            "and reports them project by project. Then infers what",
            "every pod asks of the API server (kubeload.io/access, then the catalog of",
            "known components and their configuration, then RBAC as an upper bound),",
            "projects that load onto the cluster profile, simulates the roll-out and an",
            "API-server restart, and judges it against the policy's budgets. With",
            "--baseline it reports the change against the target branch and, by default,",
            "fails only on what the change causes. Findings skipped with",
            "kubeload.io/ignore are listed with their reason. Settings come from flags,",
            "then .kubeload.yaml (--config), then the defaults. Never touches the network.",
            "Input beyond a --max-* limit (docs/limits.md) is an error, never cut short.",
            "Several reports in one run: repeat --format F --output FILE (docs/formats.md).");
    // The one line `kubeload --help` lists it by: whole, where the description's first line is cut.
    spec.usageMessage()
        .header(
            "Judges rendered manifests (or a chart, a kustomization, the projects of .kubeload.yaml) against the cluster profile's budgets.");
    CommandSpecs.exitCodes(
        spec,
        "0:pass: every budget holds (or --warn-only)",
        "1:fail: the projected load breaks a budget",
        "2:bad input or usage (one line on stderr names the file and line)",
        "3:internal error (a kubeload bug)");
    analysis.addTo(spec);
    spec.addPositional(
        CommandSpecs.parameters(() -> paths, v -> paths = v)
            .arity("0..*")
            .paramLabel("PATH")
            .description(Analysis.PATHS_DESCRIPTION)
            .build());
    // The pairs are read from picocli's group matches (reports()): an option given again starts
    // the next pair, whichever of the two comes first.
    format =
        OptionSpec.builder("--format")
            .type(String.class)
            .paramLabel("FORMAT")
            .description(
                "Report format: text, json, markdown, html, sarif, junit, github or findings (the text report's "
                    + "verdict and findings only). Default: text. Repeatable.")
            .build();
    output =
        OptionSpec.builder("--output")
            .type(String.class)
            .paramLabel("FILE")
            .description(
                "Write the report of the --format before it to FILE (whole or not at all) instead of stdout.")
            .build();
    targets =
        ArgGroupSpec.builder()
            .exclusive(false)
            .multiplicity("0..*")
            .addArg(format)
            .addArg(output)
            .build();
    spec.addArgGroup(targets);
    spec.addOption(
        CommandSpecs.option(boolean.class, () -> warnOnly, v -> warnOnly = v, "--warn-only")
            .description("Report as usual but exit 0 when a budget breaks: for a gradual adoption.")
            .build());
    spec.addOption(
        CommandSpecs.repeated(() -> projectNames, v -> projectNames = v, "--project")
            .paramLabel("NAME")
            .description(
                "Judge only this project of .kubeload.yaml (repeatable). Default: every project, when no input is named.")
            .build());
    spec.addOption(
        CommandSpecs.option(
                String.class, () -> changedSince, v -> changedSince = v, "--changed-since")
            .paramLabel("REF")
            .description(
                "Judge only the projects of .kubeload.yaml whose inputs changed since this git ref (and say which were skipped).")
            .build());
  }

  @Override
  void validate() {
    config = analysis.config(paths);
    reports = reports(config);
    if (oneRun() && (!projectNames.isEmpty() || changedSince != null)) {
      throw new UsageException(
          (projectNames.isEmpty() ? "--changed-since" : "--project")
              + " chooses among the projects of .kubeload.yaml: name no input with it, and list projects in the configuration");
    }
  }

  /** Whether the run judges the inputs the command line names (or the configuration's only set), not its projects one by one. */
  private boolean oneRun() {
    return analysis.namesInputs(paths) || config.projects().isEmpty();
  }

  @Override
  int execute() {
    if (oneRun()) {
      Verdict verdict = analysis.run(paths, config, io);
      Output.writeAll(
          reports.stream()
              .map(r -> new Output.Report(out -> Reports.write(verdict, r.format(), out), r.file()))
              .toList(),
          io);
      return exitCode(verdict.passed());
    }
    Projects.Chosen chosen =
        Projects.choose(
            config, projectNames, Optional.ofNullable(changedSince), analysis.renderer(config));
    chosen
        .skipped()
        .forEach(
            name ->
                io.err()
                    .println(
                        "kubeload: skipped project "
                            + name
                            + ": no input changed since "
                            + changedSince));
    List<ProjectReports.Judged> judged = new ArrayList<>();
    for (Project project : chosen.judged()) {
      judged.add(new ProjectReports.Judged(project.name(), analysis.run(project, config, io)));
    }
    Output.writeAll(
        reports.stream()
            .map(
                r ->
                    new Output.Report(
                        out -> ProjectReports.write(judged, chosen.skipped(), r.format(), out),
                        r.file()))
            .toList(),
        io);
    return exitCode(judged.stream().allMatch(j -> j.verdict().passed()));
  }

  /** The exit code of a run: the worst over its projects, 0 with --warn-only (which says so). */
  private int exitCode(boolean passed) {
    boolean warnOnly = this.warnOnly || config.warnOnly();
    if (!passed && warnOnly) {
      io.err()
          .println(
              "kubeload: a budget breaks, but --warn-only (or warnOnly in the configuration) makes the exit code 0");
    }
    return ExitCode.of(passed, warnOnly);
  }

  /**
   * The reports asked for, checked before any work: the flags', else the configuration's, else text
   * on stdout; known formats, at most one on stdout, one format per file.
   */
  private List<ReportRequest> reports(ProjectConfig config) {
    List<ReportRequest> out = new ArrayList<>();
    for (GroupMatch target : matches()) {
      String name = value(target, format).orElse(Format.TEXT.label());
      Format format =
          Format.parse(name)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "unknown --format '" + name + "' (" + Format.labels() + ")"));
      out.add(new ReportRequest(format, Output.fileOf(value(target, output).orElse(null))));
    }
    if (out.isEmpty()) {
      out.addAll(config.reports());
    }
    if (out.isEmpty()) {
      out.add(new ReportRequest(Format.TEXT, Optional.empty()));
    }
    Set<Path> files = new HashSet<>();
    for (ReportRequest report : out) {
      if (report.file().isPresent()
          && !files.add(Path.of(report.file().get()).toAbsolutePath().normalize())) {
        throw new UsageException(
            "--output " + report.file().get() + " is named twice: give each format its own file");
      }
    }
    List<String> onStdout =
        out.stream().filter(ReportRequest::toStdout).map(r -> r.format().label()).toList();
    if (onStdout.size() > 1) {
      throw new UsageException(
          "formats "
              + String.join(" and ", onStdout)
              + " would both go to stdout: give all but one of them an --output FILE after the --format");
    }
    return out;
  }

  /** The --format and --output pairs given, in order. */
  private List<GroupMatch> matches() {
    return spec.commandLine().getParseResult().findMatches(targets).stream()
        .flatMap(container -> container.matches().stream())
        .toList();
  }

  private static Optional<String> value(GroupMatch target, OptionSpec option) {
    return target.matchedValues(option).stream().map(String.class::cast).findFirst();
  }
}
