package io.kubeload.cli;

import io.kubeload.yaml.InputLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The inputs kubeload renders itself, and the tools it renders them with: {@code --chart DIR} and its
 * Helm flags (rendered by {@code helm template}, which reads only local files and values), and
 * {@code --kustomize DIR} (built by kustomize or {@code kubectl kustomize}); each read like any
 * other input, located at the files a user edits ({@link Renderer}).
 */
final class ChartOptions {

  @Option(
      names = "--chart",
      paramLabel = "DIR",
      description =
          "Render this chart (a folder, or a packaged .tgz) with `helm template` and analyse it "
              + "(with the PATHs, if any).")
  String chart;

  @Option(
      names = {"-f", "--values"},
      paramLabel = "FILE",
      description = "With --chart: a values file (repeatable, as for helm).")
  List<String> values = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "With --chart: a value (repeatable, as for helm).")
  List<String> set = new ArrayList<>();

  @Option(
      names = "--release",
      paramLabel = "NAME",
      defaultValue = "release",
      description = "With --chart: the release name. Default: ${DEFAULT-VALUE}.")
  String release;

  @Option(
      names = "--helm",
      paramLabel = "FILE",
      defaultValue = "helm",
      description = "The helm 3 binary that renders charts. Default: ${DEFAULT-VALUE} on the PATH.")
  String helm;

  @Option(
      names = "--kustomize",
      paramLabel = "DIR",
      description =
          "Build this kustomization (a folder with kustomization.yaml; a PATH that is one is built too) and analyse it; "
              + "findings name the base or overlay file that defines each object. Repeatable.")
  List<String> kustomize = new ArrayList<>();

  @Option(
      names = "--kustomize-binary",
      paramLabel = "FILE",
      description =
          "The kustomize (or kubectl) binary that builds kustomizations. Default: kustomize, else kubectl, on the PATH.")
  String kustomizeBinary;

  @Option(
      names = "--chart-cache",
      paramLabel = "DIR",
      description =
          "Charts pulled beforehand (helm pull --untar --untardir DIR), used for the charts an Argo CD Application, a Flux "
              + "HelmRelease or an OCI reference would fetch. Default: none (such a chart is an error).")
  String chartCache;

  @Option(
      names = {"--render-timeout", "--helm-timeout"},
      paramLabel = "SECONDS",
      defaultValue = "120",
      description =
          "Stop helm, kustomize or git after this long (a local render takes seconds). Default: ${DEFAULT-VALUE}.")
  long timeoutSeconds;

  boolean given() {
    return chart != null;
  }

  Renderer renderer(InputLimits limits) {
    return new Renderer(
        helm,
        Optional.ofNullable(kustomizeBinary),
        timeoutSeconds,
        Optional.ofNullable(chartCache).map(Path::of),
        limits);
  }
}
