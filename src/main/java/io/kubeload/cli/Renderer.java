package io.kubeload.cli;

import io.kubeload.cluster.ProfileYaml;
import io.kubeload.manifest.ManifestParser;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.yaml.InputLimits;
import io.kubeload.yaml.IoErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders what users keep instead of manifests (a Helm chart, a kustomization) with the real tools,
 * offline and within the run's limits, into manifests whose locations name the files a user edits:
 * a chart's templates, a kustomization's base or overlay file.
 *
 * @param helm the helm 3 binary
 * @param kustomize the kustomize (or kubectl) binary; empty: kustomize, else kubectl, on the PATH
 * @param chartCache a folder holding charts pulled beforehand ({@code helm pull --untar}), for charts
 *     that would otherwise be fetched from a repository or registry
 */
record Renderer(
    String helm,
    Optional<String> kustomize,
    long timeoutSeconds,
    Optional<Path> chartCache,
    InputLimits limits) {

  /** {@code # Source: <chart name>/<path inside the chart>}, as {@code helm template} writes it. */
  private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: [^/\\r\\n]+/");

  /** The annotation {@code buildMetadata: [originAnnotations]} adds: {@code path: <file>} in a block scalar. */
  private static final Pattern ORIGIN =
      Pattern.compile(
          "(?m)^(\\s+)config\\.kubernetes\\.io/origin: \\|\\n\\1  path: ([^\\n]+)\\n(?:\\1  [^\\n]*\\n)*");

  private static final Pattern EMPTY_ANNOTATIONS =
      Pattern.compile("(?m)^(\\s+)annotations:\\n(?!\\1\\s)");

  static final String TIMEOUT_FLAG = "--render-timeout";

  /**
   * A chart to render as {@code helm template} would.
   *
   * @param values values files, in order
   * @param set {@code --set} values, in order
   */
  record HelmChart(
      String chart,
      List<String> values,
      List<String> set,
      String release,
      Optional<String> namespace) {}

  /**
   * The rendered chart, its {@code # Source:} paths pointed at the chart's files on disk. An OCI
   * reference ({@code oci://host/path/chart[:version]}) is rendered from the chart cache.
   */
  ManifestSet helm(HelmChart chart) {
    if (chart.chart().startsWith("oci://")) {
      String reference = chart.chart().substring(chart.chart().lastIndexOf('/') + 1);
      int tag = reference.indexOf(':');
      String name = tag < 0 ? reference : reference.substring(0, tag);
      String version = tag < 0 ? "" : reference.substring(tag + 1);
      String repository = chart.chart().substring(0, chart.chart().lastIndexOf('/'));
      String local =
          cached(name, version)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "--chart "
                              + chart.chart()
                              + ": "
                              + notCached(name, repository, version)));
      return helm(
          new HelmChart(local, chart.values(), chart.set(), chart.release(), chart.namespace()));
    }
    String dir = chart.chart().replaceAll("/+$", "");
    boolean packaged = dir.endsWith(".tgz") && Files.isRegularFile(Path.of(dir));
    if (remote(chart.chart()) || (!Files.isDirectory(Path.of(dir)) && !packaged)) {
      throw new UsageException(
          "--chart "
              + chart.chart()
              + ": not a local chart folder or packaged chart (.tgz) (analyze never touches the network)");
    }
    for (String file : chart.values()) {
      if (remote(file) || !Files.isRegularFile(Path.of(file))) {
        throw new UsageException(
            "-f " + file + ": not a local file (analyze never touches the network)");
      }
    }
    List<String> command = new ArrayList<>(List.of(helm, "template", chart.release(), dir));
    chart.namespace().ifPresent(ns -> command.addAll(List.of("--namespace", ns)));
    chart.values().forEach(file -> command.addAll(List.of("--values", file)));
    chart.set().forEach(value -> command.addAll(List.of("--set", value)));
    // helm gets cache, configuration and data folders of its own, empty, so it finds no repository
    // or
    // registry credentials to use.
    Path home = Processes.temporaryFolder("helm");
    String text;
    try {
      Map<String, String> folders =
          Map.of(
              "HELM_CACHE_HOME",
              home.resolve("cache").toString(),
              "HELM_CONFIG_HOME",
              home.resolve("config").toString(),
              "HELM_DATA_HOME",
              home.resolve("data").toString());
      text =
          new String(
              Processes.output(
                  new Processes.Run(
                      "helm template " + dir,
                      command,
                      Optional.empty(),
                      folders,
                      timeoutSeconds,
                      TIMEOUT_FLAG,
                      "--chart needs helm 3",
                      "install helm or name it with --helm FILE"),
                  limits),
              StandardCharsets.UTF_8);
    } finally {
      Processes.deleteQuietly(home);
    }
    // A packaged chart's templates are inside the archive: its # Source: paths stay as helm wrote
    // them.
    if (!packaged) {
      text = SOURCE.matcher(text).replaceAll(Matcher.quoteReplacement("# Source: " + dir + "/"));
    }
    return ManifestSet.of(
        ManifestParser.parse(
            "helm template " + dir, text.getBytes(StandardCharsets.UTF_8), limits));
  }

  /**
   * The kustomization in {@code dir}, built by a kustomization of kubeload's own in a temporary folder
   * that names it as its only resource and asks for origin annotations: the user's files are never
   * written to. Each object's origin becomes a {@code # Source:} comment (the annotation itself is
   * dropped, so that a checkout's folder never reaches a report), which {@link TemplateFiles} then
   * finds on disk as it does a chart's templates.
   */
  ManifestSet kustomize(String dir) {
    Path root = Path.of(dir).toAbsolutePath().normalize();
    if (!Kustomizations.isKustomization(root)) {
      throw new UsageException("--kustomize " + dir + ": no kustomization.yaml in that folder");
    }
    Kustomizations.requireLocal(root);
    Path work = Processes.temporaryFolder("kustomize");
    String text;
    try {
      Path wrapper = work.toRealPath();
      Files.writeString(
          wrapper.resolve("kustomization.yaml"),
          // Quoted: a folder's name (a pull request's to choose) must not end the path or add keys.
          "resources:\n  - "
              + ProfileYaml.quote(wrapper.relativize(root.toRealPath()).toString())
              + "\nbuildMetadata: [originAnnotations]\n");
      List<String> command = new ArrayList<>();
      String binary = kustomizeBinary();
      command.add(binary);
      if (Path.of(binary).getFileName().toString().startsWith("kubectl")) {
        command.add("kustomize");
      } else {
        command.add("build");
      }
      command.add(wrapper.toString());
      byte[] out =
          Processes.output(
              new Processes.Run(
                  "kustomize build " + dir,
                  command,
                  Optional.empty(),
                  Map.of(),
                  timeoutSeconds,
                  TIMEOUT_FLAG,
                  "kustomization " + dir + " needs kustomize",
                  "install kustomize (or kubectl, which has it built in) or name it with --kustomize-binary FILE"),
              limits);
      text = origins(new String(out, StandardCharsets.UTF_8), wrapper);
    } catch (IOException e) {
      throw new UsageException("kustomize build " + dir + ": " + IoErrors.describe(e));
    } finally {
      Processes.deleteQuietly(work);
    }
    return ManifestSet.of(
        ManifestParser.parse(
            "kustomize build " + dir, text.getBytes(StandardCharsets.UTF_8), limits));
  }

  /** The given binary, else kustomize, else kubectl on the PATH; else the name, whose run fails with what to install. */
  private String kustomizeBinary() {
    return kustomize
        .or(() -> Processes.onPath("kustomize").map(Path::toString))
        .or(() -> Processes.onPath("kubectl").map(Path::toString))
        .orElse("kustomize");
  }

  /** Each document's origin annotation turned into a {@code # Source:} comment naming the file on disk. */
  private static String origins(String built, Path wrapper) {
    StringBuilder out = new StringBuilder();
    for (String document : built.split("(?m)^---\\n", -1)) {
      Matcher origin = ORIGIN.matcher(document);
      if (origin.find()) {
        Path file = wrapper.resolve(unquoted(origin.group(2).strip())).normalize();
        document = EMPTY_ANNOTATIONS.matcher(origin.replaceFirst("")).replaceFirst("");
        out.append("# Source: ").append(file).append('\n');
      }
      out.append(document).append("---\n");
    }
    return out.toString();
  }

  /**
   * The origin's path as kustomize writes it: plain, or quoted where it holds YAML syntax ({@code #},
   * {@code : }). Escapes other than a quote's are left as written: a path with a control character
   * is then not found on disk, and the finding names the rendered line instead.
   */
  private static String unquoted(String path) {
    if (path.length() >= 2 && path.startsWith("'") && path.endsWith("'")) {
      return path.substring(1, path.length() - 1).replace("''", "'");
    }
    if (path.length() >= 2 && path.startsWith("\"") && path.endsWith("\"")) {
      return path.substring(1, path.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return path;
  }

  /**
   * A chart pulled beforehand into the chart cache: {@code DIR/<chart>} (as {@code helm pull --untar}
   * leaves it) or {@code DIR/<chart>-<version>.tgz} (as {@code helm pull} does).
   */
  Optional<String> cached(String chart, String version) {
    String name = chart.substring(chart.lastIndexOf('/') + 1);
    return chartCache.flatMap(
        cache ->
            Stream.of(cache.resolve(name + "-" + version + ".tgz"), cache.resolve(name))
                .filter(c -> Files.isRegularFile(c) || Files.isRegularFile(c.resolve("Chart.yaml")))
                .findFirst()
                .map(Path::toString));
  }

  /** Why a remote chart cannot be rendered, and the {@code helm pull} that vendors it. */
  static String notCached(String chart, String repository, String version) {
    String name = chart.substring(chart.lastIndexOf('/') + 1);
    boolean oci = repository.startsWith("oci://") || !repository.contains("://");
    String versionFlag = version.isEmpty() ? "" : " --version " + version;
    String pull =
        oci
            ? "helm pull "
                + (repository.startsWith("oci://") ? repository : "oci://" + repository)
                + "/"
                + name
                + versionFlag
            : "helm pull --repo " + repository + " " + name + versionFlag;
    return "chart "
        + name
        + (version.isEmpty() ? "" : " " + version)
        + " would be fetched from "
        + repository
        + "; vendor it with `"
        + pull
        + " --untar --untardir DIR` and give --chart-cache DIR (analyze never touches the network)";
  }

  /** A URL or an OCI reference, which helm would fetch. */
  static boolean remote(String location) {
    return location.contains("://");
  }
}
