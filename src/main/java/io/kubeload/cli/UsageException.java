package io.kubeload.cli;

/** A command line that parses but cannot be carried out (e.g. two outputs for one format). */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
