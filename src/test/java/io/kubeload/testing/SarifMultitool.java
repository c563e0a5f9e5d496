package io.kubeload.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Microsoft's SARIF Multitool (the validator GitHub points SARIF producers to), installed under
 * {@code target/tools/} from its npm package for Linux, whose tarball holds the self-contained
 * {@code Sarif.Multitool} executable. Called directly: the npm wrapper passes its arguments through a
 * shell, which splits {@code --rule-kind "Gh;Sarif"} at the semicolon.
 */
public final class SarifMultitool {

  static final String NPM_PACKAGE = "@microsoft/sarif-multitool-linux@5.7.0";

  private static final Path INSTALLED = Path.of("target/tools/Sarif.Multitool");

  private static Optional<Path> found;
  private static String why = "";

  private SarifMultitool() {}

  public static synchronized Optional<Path> binary() {
    if (found == null) {
      found = locate();
    }
    return found;
  }

  public static synchronized String unavailableBecause() {
    return "the SARIF Multitool could not be installed from npm (" + NPM_PACKAGE + "): " + why;
  }

  private static Optional<Path> locate() {
    try {
      if (!Files.isExecutable(INSTALLED)) {
        Path work = Files.createTempDirectory("kubeload-sarif");
        Helm.run(work, "npm", "pack", "--silent", NPM_PACKAGE);
        Path tarball;
        try (var files = Files.list(work)) {
          tarball = files.filter(f -> f.toString().endsWith(".tgz")).findFirst().orElseThrow(() -> new IOException("npm pack wrote no .tgz"));
        }
        Helm.run(work, "tar", "xzf", tarball.getFileName().toString(), "package/Sarif.Multitool");
        Files.createDirectories(INSTALLED.getParent());
        Path partial = Files.createTempFile(INSTALLED.getParent(), "sarif", ".tmp");
        Files.copy(work.resolve("package/Sarif.Multitool"), partial, StandardCopyOption.REPLACE_EXISTING);
        partial.toFile().setExecutable(true);
        Files.move(partial, INSTALLED, StandardCopyOption.REPLACE_EXISTING);
      }
      Helm.run(Path.of("."), INSTALLED.toAbsolutePath().toString(), "--version");
      return Optional.of(INSTALLED.toAbsolutePath());
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
