package io.kubeload.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pre-commit framework (https://pre-commit.com) for the test that commits through the hook:
 * installed from PyPI into a virtual environment under {@code target/tools/pre-commit}. Empty, with
 * the reason, where Python or PyPI cannot be had.
 */
public final class PreCommit {

  private static final Path VENV = Path.of("target/tools/pre-commit");

  private static Optional<Path> found;
  private static String why = "";

  private PreCommit() {}

  /** The pre-commit executable, installing it on first use. */
  public static synchronized Optional<Path> binary() {
    if (found == null) {
      found = locate();
    }
    return found;
  }

  public static synchronized String unavailableBecause() {
    return "pre-commit could not be installed from PyPI into " + VENV + ": " + why;
  }

  private static Optional<Path> locate() {
    Path binary = VENV.resolve("bin/pre-commit").toAbsolutePath();
    try {
      if (!Files.isExecutable(binary)) {
        Helm.run(Path.of("."), "python3", "-m", "venv", VENV.toString());
        Helm.run(Path.of("."), VENV.resolve("bin/pip").toString(), "install", "--quiet", "pre-commit");
      }
      Helm.run(Path.of("."), binary.toString(), "--version");
      return Optional.of(binary);
    } catch (IOException e) {
      why = e.getMessage();
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      why = "interrupted";
      return Optional.empty();
    }
  }
}
