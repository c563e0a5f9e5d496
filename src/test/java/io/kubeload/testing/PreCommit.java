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

  private static final Path VENV = TestTool.TOOLS.resolve("pre-commit");

  private static final TestTool TOOL =
      new TestTool("pre-commit could not be installed from PyPI into " + VENV, PreCommit::locate);

  private PreCommit() {}

  /** The pre-commit executable, installing it on first use. */
  public static Optional<Path> binary() {
    return TOOL.binary();
  }

  public static String unavailableBecause() {
    return TOOL.unavailableBecause();
  }

  private static Path locate() throws IOException, InterruptedException {
    Path binary = VENV.resolve("bin/pre-commit").toAbsolutePath();
    if (!Files.isExecutable(binary)) {
      TestTool.run(Path.of("."), "python3", "-m", "venv", VENV.toString());
      TestTool.run(
          Path.of("."), VENV.resolve("bin/pip").toString(), "install", "--quiet", "pre-commit");
    }
    TestTool.run(Path.of("."), binary.toString(), "--version");
    return binary;
  }
}
