package io.kubeload.cli;

import static io.kubeload.cli.CommandSpecs.option;
import static io.kubeload.cli.CommandSpecs.repeated;

import io.kubeload.yaml.InputLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The inputs kubeload renders itself, and the tools it renders them with: {@code --chart DIR} and its
 * Helm flags (rendered by {@code helm template}, which reads only local files and values), and
 * {@code --kustomize DIR} (built by kustomize or {@code kubectl kustomize}); each read like any
 * other input, located at the files a user edits ({@link Renderer}).
 */
final class ChartOptions {

  String chart;
  List<String> values = new ArrayList<>();
  List<String> set = new ArrayList<>();
  String release;
  String helm;
  List<String> kustomize = new ArrayList<>();
  String kustomizeBinary;
  String chartCache;
  long timeoutSeconds;

  void addTo(CommandSpec spec) {
    spec.addOption(
        option(String.class, () -> chart, v -> chart = v, "--chart")
            .paramLabel("DIR")
            .description(
                "Render this chart (a folder, or a packaged .tgz) with `helm template` and analyse it "
                    + "(with the PATHs, if any).")
            .build());
    spec.addOption(
        repeated(() -> values, v -> values = v, "-f", "--values")
            .paramLabel("FILE")
            .description("With --chart: a values file (repeatable, as for helm).")
            .build());
    spec.addOption(
        repeated(() -> set, v -> set = v, "--set")
            .paramLabel("KEY=VALUE")
            .description("With --chart: a value (repeatable, as for helm).")
            .build());
    spec.addOption(
        option(String.class, () -> release, v -> release = v, "--release")
            .paramLabel("NAME")
            .defaultValue("release")
            .description("With --chart: the release name. Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        option(String.class, () -> helm, v -> helm = v, "--helm")
            .paramLabel("FILE")
            .defaultValue("helm")
            .description(
                "The helm 3 binary that renders charts. Default: ${DEFAULT-VALUE} on the PATH.")
            .build());
    spec.addOption(
        repeated(() -> kustomize, v -> kustomize = v, "--kustomize")
            .paramLabel("DIR")
            .description(
                "Build this kustomization (a folder with kustomization.yaml; a PATH that is one is built too) and analyse it; "
                    + "findings name the base or overlay file that defines each object. Repeatable.")
            .build());
    spec.addOption(
        option(String.class, () -> kustomizeBinary, v -> kustomizeBinary = v, "--kustomize-binary")
            .paramLabel("FILE")
            .description(
                "The kustomize (or kubectl) binary that builds kustomizations. Default: kustomize, else kubectl, on the PATH.")
            .build());
    spec.addOption(
        option(String.class, () -> chartCache, v -> chartCache = v, "--chart-cache")
            .paramLabel("DIR")
            .description(
                "Charts pulled beforehand (helm pull --untar --untardir DIR), used for the charts an Argo CD Application, a Flux "
                    + "HelmRelease or an OCI reference would fetch. Default: none (such a chart is an error).")
            .build());
    spec.addOption(
        option(
                long.class,
                () -> timeoutSeconds,
                v -> timeoutSeconds = v,
                "--render-timeout",
                "--helm-timeout")
            .paramLabel("SECONDS")
            .defaultValue("120")
            .description(
                "Stop helm, kustomize or git after this long (a local render takes seconds). Default: ${DEFAULT-VALUE}.")
            .build());
  }

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
