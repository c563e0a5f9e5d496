package io.kubeload.cli;

import io.kubeload.manifest.BoundedInput;
import io.kubeload.manifest.InputLimits;
import io.kubeload.manifest.IoErrors;
import io.kubeload.manifest.ManifestReader;
import io.kubeload.manifest.ManifestSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * {@code --chart DIR} and its Helm flags: the chart is rendered by {@code helm template} (which
 * reads only local files and values) and read like any other input, its {@code # Source:} paths
 * pointed at the chart's files on disk so that findings name the template to edit.
 */
final class ChartOptions {

  /** {@code # Source: <chart name>/<path inside the chart>}, as {@code helm template} writes it. */
  private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: [^/\\r\\n]+/");

  private static final int ERROR_BYTES = 64 * 1024;

  @Option(names = "--chart", paramLabel = "DIR", description = "Render this chart (a folder, or a packaged .tgz) with `helm template` and analyse it "
      + "(with the PATHs, if any).")
  String chart;

  @Option(names = {"-f", "--values"}, paramLabel = "FILE", description = "With --chart: a values file (repeatable, as for helm).")
  List<String> values = new ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "With --chart: a value (repeatable, as for helm).")
  List<String> set = new ArrayList<>();

  @Option(names = "--release", paramLabel = "NAME", defaultValue = "release", description = "With --chart: the release name. Default: ${DEFAULT-VALUE}.")
  String release;

  @Option(names = "--helm", paramLabel = "FILE", defaultValue = "helm",
      description = "With --chart: the helm 3 binary. Default: ${DEFAULT-VALUE} on the PATH.")
  String helm;

  @Option(names = "--helm-timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "With --chart: stop helm after this long (a local chart renders in seconds). Default: ${DEFAULT-VALUE}.")
  long timeoutSeconds;

  boolean given() {
    return chart != null;
  }

  /** The rendered chart (into {@code namespace}, if given), read within the run's limits, or empty without {@code --chart}. */
  Optional<ManifestSet> render(InputLimits limits, Optional<String> namespace) {
    if (chart == null) {
      if (!values.isEmpty() || !set.isEmpty()) {
        throw new UsageException("-f and --set go with --chart DIR");
      }
      return Optional.empty();
    }
    String dir = chart.replaceAll("/+$", "");
    boolean packaged = dir.endsWith(".tgz") && Files.isRegularFile(Path.of(dir));
    if (remote(chart) || !Files.isDirectory(Path.of(dir)) && !packaged) {
      throw new UsageException("--chart " + chart + ": not a local chart folder or packaged chart (.tgz) (analyze never touches the network)");
    }
    for (String file : values) {
      if (remote(file) || !Files.isRegularFile(Path.of(file))) {
        throw new UsageException("-f " + file + ": not a local file (analyze never touches the network)");
      }
    }
    byte[] rendered = helmTemplate(dir, namespace, limits);
    String text = new String(rendered, StandardCharsets.UTF_8);
    // A packaged chart's templates are inside the archive: its # Source: paths stay as helm wrote them.
    if (!packaged) {
      text = SOURCE.matcher(text).replaceAll(Matcher.quoteReplacement("# Source: " + dir + "/"));
    }
    return Optional.of(ManifestSet.of(ManifestReader.parse("helm template " + dir, text.getBytes(StandardCharsets.UTF_8), limits)));
  }

  /** A URL or an OCI reference, which helm would fetch. */
  private static boolean remote(String location) {
    return location.contains("://");
  }

  /**
   * helm's output, read as it is written and no further than the byte limit, under a time-out that
   * kills helm (a looping template never returns). helm gets cache, configuration and data folders
   * of its own, empty, so it finds no repository or registry credentials to use.
   */
  private byte[] helmTemplate(String dir, Optional<String> namespace, InputLimits limits) {
    List<String> command = new ArrayList<>(List.of(helm, "template", release, dir));
    namespace.ifPresent(ns -> command.addAll(List.of("--namespace", ns)));
    values.forEach(file -> command.addAll(List.of("--values", file)));
    set.forEach(value -> command.addAll(List.of("--set", value)));
    Path home = helmHome();
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
      for (String folder : List.of("HELM_CACHE_HOME", "HELM_CONFIG_HOME", "HELM_DATA_HOME")) {
        builder.environment().put(folder, home.resolve(folder).toString());
      }
      builder.environment().keySet().removeIf(name -> name.startsWith("HELM_") && !name.endsWith("_HOME"));
      process = builder.start();
    } catch (IOException e) {
      deleteQuietly(home);
      throw new UsageException("--chart needs helm 3: cannot run '" + helm + "' (" + IoErrors.describe(e)
          + "); install helm or name it with --helm FILE");
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
      timedOut.set(true);
      kill(process);
    }, CompletableFuture.delayedExecutor(timeoutSeconds, TimeUnit.SECONDS));
    try {
      process.getOutputStream().close();
      CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> firstBytes(process.getErrorStream()));
      byte[] out = BoundedInput.read("helm template " + dir, process.getInputStream(), limits.maxInputBytes(), limits);
      process.waitFor();
      if (timedOut.get()) {
        throw new UsageException("helm template " + dir + " did not finish in " + timeoutSeconds + " s (raise it with --helm-timeout)");
      }
      if (process.exitValue() != 0) {
        String first = new String(errors.join(), StandardCharsets.UTF_8).strip().lines().findFirst().orElse("exit " + process.exitValue());
        throw new UsageException("helm template " + dir + " failed: " + first);
      }
      return out;
    } catch (IOException e) {
      throw new UsageException("helm template " + dir + ": " + IoErrors.describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageException("helm template " + dir + ": interrupted");
    } finally {
      watchdog.cancel(false);
      kill(process);
      deleteQuietly(home);
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static Path helmHome() {
    try {
      return Files.createTempDirectory("kubeload-helm");
    } catch (IOException e) {
      throw new UsageException("--chart: cannot create a folder for helm: " + IoErrors.describe(e));
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary folder left behind is the system's to clean; the render's verdict stands.
    }
  }

  /** The first lines of helm's error output (all that is reported); the rest is drained unread. */
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
