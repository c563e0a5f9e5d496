package io.kubeload.cli;

import java.util.concurrent.Callable;

/**
 * A command that runs the analysis ({@code analyze}, {@code explain}): it checks what needs no input
 * read first ({@link #validate}), so a usage error costs no rendering, then analyses and reports
 * ({@link #execute}), its exit code from {@link ExitCode#of}.
 */
abstract class PipelineCommand implements Callable<Integer> {

  final Main.Io io;

  final Analysis analysis = new Analysis();

  PipelineCommand(Main.Io io) {
    this.io = io;
  }

  @Override
  public final Integer call() {
    validate();
    return execute();
  }

  /** Throws {@link UsageException} for arguments that cannot be carried out, before any input is read. */
  abstract void validate();

  /** Analyses, writes the report, and returns the exit code. */
  abstract int execute();
}
