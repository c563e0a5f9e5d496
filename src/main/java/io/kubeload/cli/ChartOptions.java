package io.kubeload.cli;

import io.kubeload.manifest.InputLimits;
import io.kubeload.manifest.IoErrors;
import io.kubeload.manifest.ManifestReader;
import io.kubeload.manifest.ManifestSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * {@code --chart DIR} and its Helm flags: the chart is rendered by {@code helm template} (which
 * reads only local files and values) and read like any other input, its {@code # Source:} paths
 * pointed at the chart's files on disk so that findings name the template to edit.
 */
final class ChartOptions {

  /** {@code # Source: <chart name>/<path inside the chart>}, as {@code helm template} writes it. */
  private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: [^/\\r\\n]+/");

  /** A render that has not finished by then is stuck: local charts render in seconds. */
  private static final long HELM_TIMEOUT_SECONDS = 120;

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
    if (!Files.isDirectory(Path.of(dir)) && !packaged) {
      throw new UsageException("--chart " + chart + ": not a chart folder or a packaged chart (.tgz)");
    }
    byte[] rendered = helmTemplate(dir, namespace);
    String text = new String(rendered, StandardCharsets.UTF_8);
    // A packaged chart's templates are inside the archive: its # Source: paths stay as helm wrote them.
    if (!packaged) {
      text = SOURCE.matcher(text).replaceAll(Matcher.quoteReplacement("# Source: " + dir + "/"));
    }
    return Optional.of(ManifestSet.of(ManifestReader.parse("helm template " + dir, text.getBytes(StandardCharsets.UTF_8), limits)));
  }

  private byte[] helmTemplate(String dir, Optional<String> namespace) {
    List<String> command = new ArrayList<>(List.of(helm, "template", release, dir));
    namespace.ifPresent(ns -> command.addAll(List.of("--namespace", ns)));
    values.forEach(file -> command.addAll(List.of("--values", file)));
    set.forEach(value -> command.addAll(List.of("--set", value)));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new UsageException("--chart needs helm 3: cannot run '" + helm + "' (" + IoErrors.describe(e)
          + "); install helm or name it with --helm FILE");
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(HELM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new UsageException("helm template " + dir + " did not finish in " + HELM_TIMEOUT_SECONDS + " s");
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
      process.destroy();
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
