package io.kubeload.cli;

import io.kubeload.yaml.BoundedInput;
import io.kubeload.yaml.InputLimits;
import io.kubeload.yaml.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The one place kubeload starts a process (helm, kustomize, kubectl, git): its output read as it is
 * written and no further than the byte limit, under a time-out that kills it and its children, with
 * an environment that leaves it no way out to the network.
 */
final class Processes {

  private static final int ERROR_BYTES = 64 * 1024;

  /**
   * Go programs (helm, kustomize, kubectl) and git honour these: every HTTP(S) request goes to a
   * proxy that refuses the connection, and git may only read local repositories.
   */
  private static final Map<String, String> OFFLINE =
      Map.of(
          "HTTP_PROXY",
          "http://127.0.0.1:9",
          "HTTPS_PROXY",
          "http://127.0.0.1:9",
          "ALL_PROXY",
          "http://127.0.0.1:9",
          "http_proxy",
          "http://127.0.0.1:9",
          "https_proxy",
          "http://127.0.0.1:9",
          "all_proxy",
          "http://127.0.0.1:9",
          "NO_PROXY",
          "",
          "no_proxy",
          "",
          "GIT_ALLOW_PROTOCOL",
          "file",
          "GIT_TERMINAL_PROMPT",
          "0");

  /**
   * One run of a tool.
   *
   * @param label how errors name the run, e.g. {@code helm template charts/web}
   * @param environment variables set for the run, over the offline ones
   * @param needs what the error says before "cannot run 'binary' (reason)", e.g. {@code --chart needs helm 3}
   * @param install what the error says after it: what to install, or the flag that names the binary
   * @param timeoutFlag the flag that raises {@code timeoutSeconds}, named in the time-out's error
   */
  record Run(
      String label,
      List<String> command,
      Optional<Path> directory,
      Map<String, String> environment,
      long timeoutSeconds,
      String timeoutFlag,
      String needs,
      String install) {}

  private Processes() {}

  /**
   * The process's standard output, when it exits 0 in time; else a {@link UsageException} with the
   * first line of its error output. Variables named {@code HELM_*} (other than the given ones) are
   * removed: a user's helm settings must not point the render at a registry or repository.
   */
  static byte[] output(Run run, InputLimits limits) {
    Process process;
    try {
      ProcessBuilder builder =
          new ProcessBuilder(run.command()).redirectInput(ProcessBuilder.Redirect.PIPE);
      run.directory().ifPresent(dir -> builder.directory(dir.toFile()));
      builder.environment().keySet().removeIf(name -> name.startsWith("HELM_"));
      builder.environment().putAll(OFFLINE);
      builder.environment().putAll(run.environment());
      process = builder.start();
    } catch (IOException e) {
      throw new UsageException(
          run.needs()
              + ": cannot run '"
              + run.command().get(0)
              + "' ("
              + IoErrors.describe(e)
              + "); "
              + run.install());
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    CompletableFuture<Void> watchdog =
        CompletableFuture.runAsync(
            () -> {
              timedOut.set(true);
              kill(process);
            },
            CompletableFuture.delayedExecutor(run.timeoutSeconds(), TimeUnit.SECONDS));
    try {
      process.getOutputStream().close();
      CompletableFuture<byte[]> errors =
          CompletableFuture.supplyAsync(() -> firstBytes(process.getErrorStream()));
      byte[] out =
          BoundedInput.read(run.label(), process.getInputStream(), limits.maxInputBytes(), limits);
      process.waitFor();
      if (timedOut.get()) {
        throw new UsageException(
            run.label()
                + " did not finish in "
                + run.timeoutSeconds()
                + " s (raise it with "
                + run.timeoutFlag()
                + ")");
      }
      if (process.exitValue() != 0) {
        String first =
            new String(errors.join(), StandardCharsets.UTF_8)
                .strip()
                .lines()
                .findFirst()
                .orElse("exit " + process.exitValue());
        throw new UsageException(run.label() + " failed: " + first);
      }
      return out;
    } catch (IOException e) {
      throw new UsageException(run.label() + ": " + IoErrors.describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageException(run.label() + ": interrupted");
    } finally {
      watchdog.cancel(false);
      kill(process);
    }
  }

  /** The first executable named {@code name} on the PATH. */
  static Optional<Path> onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A fresh temporary folder for one run's files; {@code what} names it in the error. */
  static Path temporaryFolder(String what) {
    try {
      return Files.createTempDirectory("kubeload-" + what);
    } catch (IOException e) {
      throw new UsageException(
          "cannot create a temporary folder for " + what + ": " + IoErrors.describe(e));
    }
  }

  static void deleteQuietly(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary folder left behind is the system's to clean; the run's verdict stands.
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** The first lines of the error output (all that is reported); the rest is drained unread. */
  private static byte[] firstBytes(InputStream in) {
    try (in) {
      byte[] first = in.readNBytes(ERROR_BYTES);
      in.transferTo(OutputStream.nullOutputStream());
      return first;
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
