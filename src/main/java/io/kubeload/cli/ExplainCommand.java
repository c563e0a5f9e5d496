package io.kubeload.cli;

import io.kubeload.gate.Verdict;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.report.ExplainReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kubeload explain WORKLOAD PATH...}: the derivation of one workload's verdict. */
final class ExplainCommand extends PipelineCommand {

  final CommandSpec spec;

  String workload;
  List<String> paths = new ArrayList<>();

  ExplainCommand(Main.Io io) {
    super(io);
    spec =
        CommandSpecs.command(
            this,
            "explain",
            "Prints how kubeload reached its numbers for one workload: the manifest lines behind each",
            "access, the FlowSchema and priority level, every formula with its inputs and result, the",
            "start-up storm, the simulations, the scaling class and the findings. Exit codes as analyze.");
    spec.usageMessage()
        .header("Shows how kubeload reached one workload's numbers, formula by formula.");
    analysis.addTo(spec);
    spec.addPositional(
        CommandSpecs.parameter(String.class, () -> workload, v -> workload = v)
            .index("0")
            .paramLabel("WORKLOAD")
            .description("Kind/namespace/name (or Kind/name when the name is unique).")
            .build());
    spec.addPositional(
        CommandSpecs.parameters(() -> paths, v -> paths = v)
            .index("1..*")
            .arity("0..*")
            .paramLabel("PATH")
            .description(Analysis.PATHS_DESCRIPTION)
            .build());
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
