package io.kubeload.cli;

/** The exit codes CI systems act on. */
public final class ExitCode {

  /** Every budget holds. */
  public static final int PASS = 0;

  /** The projected load breaks a budget. */
  public static final int FAIL = 1;

  /** Bad input or usage: a malformed file, an unknown flag, a profile that does not exist. */
  public static final int USAGE = 2;

  /** A kubeload bug: the input was fine but the tool failed. Please report it. */
  public static final int INTERNAL = 3;

  private ExitCode() {}

  /** A run's exit code: pass when every budget holds, or when a broken one is only to be reported ({@code --warn-only}). */
  static int of(boolean passed, boolean warnOnly) {
    return passed || warnOnly ? PASS : FAIL;
  }
}
