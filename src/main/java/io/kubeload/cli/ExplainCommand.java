package io.kubeload.cli;

import io.kubeload.gate.Verdict;
import io.kubeload.model.WorkloadLoad;
import io.kubeload.report.ExplainReport;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
final class ExplainCommand implements Callable<Integer> {

  private final Main.Io io;

  @Parameters(index = "0", paramLabel = "WORKLOAD", description = "Kind/namespace/name (or Kind/name when the name is unique).")
  String workload;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "PATH", description = Analysis.PATHS_DESCRIPTION)
  List<String> paths = new java.util.ArrayList<>();

  @Mixin Analysis analysis;

  ExplainCommand(Main.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    // `explain FILE WORKLOAD`: the first argument is a manifest and the workload came after it.
    if (java.nio.file.Files.exists(java.nio.file.Path.of(workload)) && !paths.isEmpty() && paths.get(0).contains("/")
        && !java.nio.file.Files.exists(java.nio.file.Path.of(paths.get(0)))) {
      throw new UsageException("explain takes the workload first, then the manifests: kubeload explain " + paths.get(0) + " " + workload
          + (paths.size() > 1 ? " ..." : ""));
    }
    Verdict verdict = analysis.run(paths, io);
    WorkloadLoad load = find(verdict.projection().workloads());
    io.out().print(ExplainReport.render(verdict, load));
    io.out().flush();
    return verdict.passed() ? ExitCode.PASS : ExitCode.FAIL;
  }

  private WorkloadLoad find(List<WorkloadLoad> loads) {
    String wanted = workload.toLowerCase(Locale.ROOT);
    List<WorkloadLoad> matches = loads.stream().filter(l -> l.ref().toString().toLowerCase(Locale.ROOT).equals(wanted)).toList();
    if (matches.isEmpty()) {
      String[] parts = wanted.split("/");
      if (parts.length == 2) {
        matches = loads.stream()
            .filter(l -> l.ref().kind().toLowerCase(Locale.ROOT).equals(parts[0]) && l.ref().name().toLowerCase(Locale.ROOT).equals(parts[1]))
            .toList();
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    String known = loads.stream().map(l -> l.ref().toString()).sorted().reduce((a, b) -> a + ", " + b).orElse("none");
    throw new UsageException((matches.isEmpty() ? "no workload " : "more than one workload matches ") + workload
        + " in the inputs (workloads: " + known + ")");
  }
}
