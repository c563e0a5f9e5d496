package io.kubeload.cli;

import io.kubeload.gate.Verdict;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.report.ExplainReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kubeload explain WORKLOAD PATH...}: the derivation of one workload's verdict. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    header = "Shows how kubeload reached one workload's numbers, formula by formula.",
    description = {
      "Prints how kubeload reached its numbers for one workload: the manifest lines behind each",
      "access, the FlowSchema and priority level, every formula with its inputs and result, the",
      "start-up storm, the simulations, the scaling class and the findings. Exit codes as analyze."
    })
final class ExplainCommand extends PipelineCommand {

  @Parameters(
      index = "0",
      paramLabel = "WORKLOAD",
      description = "Kind/namespace/name (or Kind/name when the name is unique).")
  String workload;

  @Parameters(
      index = "1..*",
      arity = "0..*",
      paramLabel = "PATH",
      description = Analysis.PATHS_DESCRIPTION)
  List<String> paths = new ArrayList<>();

  ExplainCommand(Main.Io io) {
    super(io);
  }

  @Override
  void validate() {
    // `explain FILE WORKLOAD`: the first argument is a manifest and the workload came after it.
    if (Files.exists(Path.of(workload))
        && !paths.isEmpty()
        && paths.get(0).contains("/")
        && !Files.exists(Path.of(paths.get(0)))) {
      throw new UsageException(
          "explain takes the workload first, then the manifests: kubeload explain "
              + paths.get(0)
              + " "
              + workload
              + (paths.size() > 1 ? " ..." : ""));
    }
  }

  @Override
  int execute() {
    Verdict verdict = analysis.run(paths, io);
    WorkloadLoad load = find(verdict.projection().workloads());
    io.out().print(ExplainReport.render(verdict, load));
    io.out().flush();
    return ExitCode.of(verdict.passed(), false);
  }

  /** The one workload {@link #workload} names, matched case-insensitively (Kind/name in any namespace). */
  private WorkloadLoad find(List<WorkloadLoad> loads) {
    List<WorkloadLoad> matches =
        ObjectRef.parse(workload)
            .map(wanted -> loads.stream().filter(l -> wanted.matches(l.ref())).toList())
            .orElse(List.of());
    if (matches.size() == 1) {
      return matches.get(0);
    }
    String known =
        loads.stream()
            .map(l -> l.ref().toString())
            .sorted()
            .reduce((a, b) -> a + ", " + b)
            .orElse("none");
    throw new UsageException(
        (matches.isEmpty() ? "no workload " : "more than one workload matches ")
            + workload
            + " in the inputs (workloads: "
            + known
            + ")");
  }
}
