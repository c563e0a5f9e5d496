package io.kubeload.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.IoErrors;
import io.kubeload.yaml.YamlDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The GitOps objects among the inputs, rendered from the repository the way their controllers would
 * (docs/inputs-argocd.md, docs/inputs-flux.md): Argo CD Applications (a chart, a kustomization or a
 * plain folder; several sources with {@code $ref} values), ApplicationSets' list generators, and
 * Flux HelmReleases (values from ConfigMaps and Secrets in the inputs) and Kustomizations. What they
 * render may hold more of them (app of apps): rendered in turn, each source once.
 *
 * <p>A source's {@code repoURL} is taken to be the repository that holds the object: its paths are
 * read from that repository's root (the folder holding {@code .git}, else the working directory). A
 * chart from a Helm repository or registry is read from the chart cache, else it is an error that
 * says how to vendor it.
 */
final class GitOps {

  private static final String ARGO = "argoproj.io";
  private static final String FLUX_HELM = "helm.toolkit.fluxcd.io";
  private static final String FLUX_KUSTOMIZE = "kustomize.toolkit.fluxcd.io";
  private static final int MAX_DEPTH = 8;

  /**
   * Built on first use: a release without GitOps objects does not pay for Jackson's start-up, some
   * 370 classes and the mapper's set-up (docs/performance.md, "A typical release: start-up").
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private GitOps() {}

  /** Everything the GitOps objects in {@code read} render to, recursively; empty when there are none. */
  static ManifestSet render(ManifestSet read, Renderer renderer) {
    List<ManifestSet> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    List<Manifest> pending = gitOpsObjects(read);
    ManifestSet known = read;
    for (int depth = 0; !pending.isEmpty(); depth++) {
      if (depth == MAX_DEPTH) {
        Manifest deepest = pending.get(0);
        throw new InputException(
            deepest.location().file(),
            deepest.location().line(),
            deepest.kind()
                + " "
                + deepest.name()
                + " is "
                + MAX_DEPTH
                + " levels of applications deep: is an application rendering itself?");
      }
      List<Manifest> next = new ArrayList<>();
      for (Manifest object : pending) {
        if (!done.add(object.apiVersion() + "/" + object.ref())) {
          continue;
        }
        for (ManifestSet rendered : render(object, known, renderer)) {
          out.add(rendered);
          known = Inputs.union(List.of(known, rendered));
          next.addAll(gitOpsObjects(rendered));
        }
      }
      pending = next;
    }
    return Inputs.union(out);
  }

  private static List<Manifest> gitOpsObjects(ManifestSet set) {
    return set.manifests().stream().filter(m -> kind(m).isPresent()).toList();
  }

  private static Optional<String> kind(Manifest m) {
    String key = m.group() + "/" + m.kind();
    return switch (key) {
      case ARGO + "/Application",
          ARGO + "/ApplicationSet",
          FLUX_HELM + "/HelmRelease",
          FLUX_KUSTOMIZE + "/Kustomization" ->
          Optional.of(key);
      default -> Optional.empty();
    };
  }

  private static List<ManifestSet> render(Manifest object, ManifestSet known, Renderer renderer) {
    return switch (kind(object).orElseThrow()) {
      case ARGO + "/Application" ->
          List.of(application(object, map(object.raw(), "spec"), object.name(), renderer));
      case ARGO + "/ApplicationSet" -> applicationSet(object, renderer);
      case FLUX_HELM + "/HelmRelease" -> List.of(helmRelease(object, known, renderer));
      default -> List.of(fluxKustomization(object, renderer));
    };
  }

  // ---- Argo CD ----

  private static ManifestSet application(
      Manifest app, Map<String, Object> spec, String name, Renderer renderer) {
    Optional<String> namespace = string(map(spec, "destination"), "namespace");
    List<Map<String, Object>> sources = new ArrayList<>();
    if (spec.get("source") instanceof Map<?, ?>) {
      sources.add(map(spec, "source"));
    }
    if (spec.get("sources") instanceof List<?> list) {
      list.forEach(s -> sources.add(s instanceof Map<?, ?> ? cast(s) : Map.of()));
    }
    if (sources.isEmpty()) {
      throw error(app, "Application " + name + " has no spec.source or spec.sources to render");
    }
    Path root = repositoryRoot(app);
    List<ManifestSet> parts = new ArrayList<>();
    for (Map<String, Object> source : sources) {
      // A source that only lends its files to others' $ref values renders nothing itself.
      if (string(source, "ref").isPresent()
          && string(source, "path").isEmpty()
          && string(source, "chart").isEmpty()) {
        continue;
      }
      parts.add(argoSource(app, name, source, root, namespace, renderer));
    }
    ManifestSet rendered = Inputs.union(parts);
    return namespace.map(rendered::placedIn).orElse(rendered);
  }

  private static ManifestSet argoSource(
      Manifest app,
      String name,
      Map<String, Object> source,
      Path root,
      Optional<String> namespace,
      Renderer renderer) {
    Map<String, Object> helm = map(source, "helm");
    Optional<String> chartName = string(source, "chart");
    String chart;
    Path valuesBase;
    if (chartName.isPresent()) {
      chart =
          cachedChart(
              app,
              chartName.get(),
              string(source, "repoURL").orElse(""),
              string(source, "targetRevision").orElse(""),
              renderer);
      valuesBase = Path.of(chart);
    } else {
      Path dir =
          inRepository(
              app,
              root,
              root.resolve(string(source, "path").orElse(".")),
              "Application " + name + ": source path");
      if (!Files.isDirectory(dir)) {
        throw error(
            app,
            "Application "
                + name
                + ": source path "
                + string(source, "path").orElse(".")
                + " is not a folder of the repository at "
                + display(root));
      }
      if (Kustomizations.isKustomization(dir)) {
        return renderer.kustomize(display(dir));
      }
      if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) {
        return directory(
            app, dir, Boolean.TRUE.equals(map(source, "directory").get("recurse")), renderer);
      }
      chart = display(dir);
      valuesBase = dir;
    }
    List<String> values = new ArrayList<>();
    for (String file : strings(helm, "valueFiles")) {
      // A plain entry is relative to the chart, a $ref one to the repository's root. A remote
      // chart's entries are
      // files of its cached copy and must stay in it; every other entry must stay in the
      // repository.
      boolean fromRepository = file.startsWith("$") || chartName.isEmpty();
      Path within = fromRepository ? root : valuesBase.toAbsolutePath().normalize();
      Path resolved =
          file.startsWith("$")
              ? root.resolve(file.substring(file.indexOf('/') + 1))
              : valuesBase.resolve(file);
      values.add(
          display(
              inside(
                  app,
                  within,
                  fromRepository ? "the repository" : "the chart",
                  resolved,
                  "Application " + name + ": a valueFiles entry")));
    }
    List<String> set = new ArrayList<>();
    if (helm.get("parameters") instanceof List<?> parameters) {
      parameters.forEach(
          p ->
              set.add(
                  string(cast(p), "name").orElse("") + "=" + string(cast(p), "value").orElse("")));
    }
    Object inline =
        helm.containsKey("valuesObject") ? helm.get("valuesObject") : helm.get("values");
    String release = string(helm, "releaseName").orElse(name);
    return withValuesFile(
        inline,
        values,
        file -> renderer.helm(new Renderer.HelmChart(chart, file, set, release, namespace)));
  }

  private static ManifestSet directory(Manifest app, Path dir, boolean recurse, Renderer renderer) {
    if (recurse) {
      return Inputs.files(List.of(display(dir)), renderer.limits());
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<String> manifests =
          files
              .filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().matches("[^.].*\\.(ya?ml|json)"))
              .map(GitOps::display)
              .sorted()
              .toList();
      return manifests.isEmpty()
          ? ManifestSet.of(List.of())
          : Inputs.files(manifests, renderer.limits());
    } catch (IOException e) {
      throw error(app, "cannot list " + display(dir) + ": " + IoErrors.describe(e));
    }
  }

  /** The list generator's elements, each filling the template's {@code {{key}}} placeholders. */
  private static List<ManifestSet> applicationSet(Manifest set, Renderer renderer) {
    Map<String, Object> spec = map(set.raw(), "spec");
    List<ManifestSet> out = new ArrayList<>();
    if (!(spec.get("generators") instanceof List<?> generators)) {
      throw error(set, "ApplicationSet " + set.name() + " has no spec.generators");
    }
    for (Object generator : generators) {
      Map<String, Object> list = map(cast(generator), "list");
      if (list.isEmpty()) {
        throw error(
            set,
            "ApplicationSet "
                + set.name()
                + ": only the list generator is rendered offline (a git, cluster or matrix "
                + "generator needs a live Argo CD); write the Applications out, or use a list");
      }
      if (!(list.get("elements") instanceof List<?> elements)) {
        continue;
      }
      for (Object element : elements) {
        Map<String, Object> params = cast(element);
        String template;
        try {
          template = Json.MAPPER.writeValueAsString(map(spec, "template"));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
        for (Map.Entry<String, Object> param : params.entrySet()) {
          template =
              template.replaceAll(
                  "\\{\\{\\s*\\.?" + Pattern.quote(param.getKey()) + "\\s*}}",
                  Matcher.quoteReplacement(
                      String.valueOf(param.getValue())
                          .replace("\\", "\\\\")
                          .replace("\"", "\\\"")));
        }
        Map<String, Object> app;
        try {
          app = cast(Json.MAPPER.readValue(template, Map.class));
        } catch (JsonProcessingException e) {
          throw error(
              set,
              "ApplicationSet "
                  + set.name()
                  + ": the template does not fill in: "
                  + e.getOriginalMessage());
        }
        String name = string(map(app, "metadata"), "name").orElse(set.name());
        out.add(application(set, map(app, "spec"), name, renderer));
      }
    }
    return out;
  }

  // ---- Flux ----

  private static ManifestSet helmRelease(Manifest release, ManifestSet known, Renderer renderer) {
    Map<String, Object> spec = map(release.raw(), "spec");
    Map<String, Object> chartSpec = map(map(spec, "chart"), "spec");
    String chartName =
        string(chartSpec, "chart")
            .orElseThrow(
                () ->
                    error(
                        release,
                        "HelmRelease "
                            + release.name()
                            + ": only spec.chart.spec is rendered offline (a chartRef names an object "
                            + "the controller fetches)"));
    Map<String, Object> sourceRef = map(chartSpec, "sourceRef");
    String sourceKind = string(sourceRef, "kind").orElse("");
    Path root = repositoryRoot(release);
    String chart;
    if (sourceKind.equals("GitRepository") || sourceKind.equals("Bucket")) {
      chart =
          display(
              inRepository(
                  release,
                  root,
                  root.resolve(chartName),
                  "HelmRelease " + release.name() + ": spec.chart.spec.chart"));
    } else {
      String url =
          known
              .find(
                  "HelmRepository",
                  string(sourceRef, "namespace").orElse(release.namespace()),
                  string(sourceRef, "name").orElse(""))
              .flatMap(repo -> string(map(repo.raw(), "spec"), "url"))
              .orElse(string(sourceRef, "name").orElse("the HelmRepository"));
      chart =
          cachedChart(release, chartName, url, string(chartSpec, "version").orElse(""), renderer);
    }
    List<String> values =
        new ArrayList<>(
            strings(chartSpec, "valuesFiles").stream()
                .map(
                    f ->
                        display(
                            inRepository(
                                release,
                                root,
                                root.resolve(f),
                                "HelmRelease " + release.name() + ": a valuesFiles entry")))
                .toList());
    Map<String, Object> merged = new LinkedHashMap<>();
    if (spec.get("valuesFrom") instanceof List<?> from) {
      for (Object reference : from) {
        mergeInto(merged, valuesFrom(release, cast(reference), known));
      }
    }
    mergeInto(merged, map(spec, "values"));
    Optional<String> namespace =
        string(spec, "targetNamespace")
            .or(() -> Optional.of(release.namespace()).filter(ns -> !ns.isEmpty()));
    String name =
        string(spec, "releaseName")
            .orElse(
                string(spec, "targetNamespace")
                    .map(ns -> ns + "-" + release.name())
                    .orElse(release.name()));
    ManifestSet rendered =
        withValuesFile(
            merged.isEmpty() ? null : merged,
            values,
            files ->
                renderer.helm(new Renderer.HelmChart(chart, files, List.of(), name, namespace)));
    return namespace.map(rendered::placedIn).orElse(rendered);
  }

  /**
   * One {@code valuesFrom} entry: a ConfigMap's data as read, or a Secret's, read from its file here
   * (the reader drops Secret data, so that it reaches no report): its values go to helm only.
   */
  private static Map<String, Object> valuesFrom(
      Manifest release, Map<String, Object> reference, ManifestSet known) {
    String kind = string(reference, "kind").orElse("");
    String name = string(reference, "name").orElse("");
    String key = string(reference, "valuesKey").orElse("values.yaml");
    boolean optional = Boolean.TRUE.equals(reference.get("optional"));
    Optional<Manifest> found = known.find(kind, release.namespace(), name);
    if (found.isEmpty() || (!kind.equals("ConfigMap") && !kind.equals("Secret"))) {
      if (optional) {
        return Map.of();
      }
      throw error(
          release,
          "HelmRelease "
              + release.name()
              + ": valuesFrom "
              + kind
              + " "
              + name
              + " is not among the inputs: add its file "
              + "to the inputs (a value kept outside the repository cannot be rendered offline)");
    }
    Optional<String> text =
        kind.equals("ConfigMap")
            ? string(map(found.get().raw(), "data"), key)
            : secretValue(found.get(), key);
    if (text.isEmpty()) {
      if (optional) {
        return Map.of();
      }
      throw error(
          release,
          "HelmRelease "
              + release.name()
              + ": valuesFrom "
              + kind
              + " "
              + name
              + " has no key "
              + key);
    }
    Optional<String> targetPath = string(reference, "targetPath");
    if (targetPath.isPresent()) {
      Map<String, Object> nested = new LinkedHashMap<>();
      Map<String, Object> at = nested;
      String[] keys = targetPath.get().split("\\.", -1);
      for (int i = 0; i < keys.length - 1; i++) {
        Map<String, Object> inner = new LinkedHashMap<>();
        at.put(keys[i], inner);
        at = inner;
      }
      at.put(keys[keys.length - 1], text.get());
      return nested;
    }
    List<YamlDocuments.Document> documents;
    try {
      documents =
          YamlDocuments.read(
              found.get().location().file() + " (" + kind + " " + name + ")",
              text.get().getBytes(StandardCharsets.UTF_8));
    } catch (InputException e) {
      if (kind.equals("Secret")) {
        // The reader's message may quote the text, and a Secret's text must reach no output.
        throw new InputException(
            found.get().location().file(),
            found.get().location().line(),
            "Secret "
                + name
                + ": "
                + key
                + " does not hold YAML values (its content is not shown)");
      }
      throw e;
    }
    return documents.isEmpty() || !(documents.get(0).value() instanceof Map<?, ?>)
        ? Map.of()
        : cast(documents.get(0).value());
  }

  /** A Secret's {@code stringData} or decoded {@code data} entry, from the document the reader located. */
  private static Optional<String> secretValue(Manifest secret, String key) {
    Path file = Path.of(secret.location().file());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InputException(
          secret.location().file(),
          "cannot read the Secret " + secret.name() + ": " + IoErrors.describe(e));
    }
    for (YamlDocuments.Document document : YamlDocuments.read(secret.location().file(), bytes)) {
      if (document.startLine() == secret.location().line()
          && document.value() instanceof Map<?, ?> tree) {
        Optional<String> plain = string(map(cast(tree), "stringData"), key);
        if (plain.isPresent()) {
          return plain;
        }
        return string(map(cast(tree), "data"), key)
            .map(
                encoded -> {
                  try {
                    return new String(
                        Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8);
                  } catch (IllegalArgumentException e) {
                    throw new InputException(
                        secret.location().file(),
                        secret.location().line(),
                        "Secret " + secret.name() + ": data." + key + " is not base64");
                  }
                });
      }
    }
    return Optional.empty();
  }

  private static ManifestSet fluxKustomization(Manifest kustomization, Renderer renderer) {
    Map<String, Object> spec = map(kustomization.raw(), "spec");
    Path root = repositoryRoot(kustomization);
    Path dir =
        inRepository(
            kustomization,
            root,
            root.resolve(string(spec, "path").orElse(".")),
            "Kustomization " + kustomization.name() + ": spec.path");
    if (!Files.isDirectory(dir)) {
      throw error(
          kustomization,
          "Kustomization "
              + kustomization.name()
              + ": spec.path "
              + string(spec, "path").orElse(".")
              + " is not a folder of the repository at "
              + display(root));
    }
    // Without a kustomization.yaml, the controller builds one that names every manifest under the
    // folder.
    ManifestSet rendered =
        Kustomizations.isKustomization(dir)
            ? renderer.kustomize(display(dir))
            : Inputs.files(List.of(display(dir)), renderer.limits());
    return string(spec, "targetNamespace").map(rendered::placedIn).orElse(rendered);
  }

  // ---- shared ----

  /** A chart that the controller would fetch, from the chart cache, else the error that says how to vendor it. */
  private static String cachedChart(
      Manifest object, String chart, String repository, String version, Renderer renderer) {
    return renderer
        .cached(chart, version)
        .orElseThrow(
            () ->
                error(
                    object,
                    object.kind()
                        + " "
                        + object.name()
                        + ": "
                        + Renderer.notCached(chart, repository, version)));
  }

  /** Runs {@code render} with the values files and, when there are inline values, a temporary file of them last. */
  private static ManifestSet withValuesFile(
      Object inline, List<String> files, Function<List<String>, ManifestSet> render) {
    if (inline == null || (inline instanceof String s && s.isBlank())) {
      return render.apply(files);
    }
    Path folder = Processes.temporaryFolder("values");
    try {
      Path values = folder.resolve("values.yaml");
      Files.createFile(
          values,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          values, inline instanceof String s ? s : Json.MAPPER.writeValueAsString(inline));
      List<String> all = new ArrayList<>(files);
      all.add(values.toString());
      return render.apply(all);
    } catch (IOException e) {
      throw new UsageException("cannot write the inline values for helm: " + IoErrors.describe(e));
    } finally {
      Processes.deleteQuietly(folder);
    }
  }

  @SuppressWarnings("unchecked")
  private static void mergeInto(Map<String, Object> target, Map<String, Object> source) {
    for (Map.Entry<String, Object> entry : source.entrySet()) {
      if (entry.getValue() instanceof Map<?, ?> inner
          && target.get(entry.getKey()) instanceof Map<?, ?> existing) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existing);
        mergeInto(copy, (Map<String, Object>) inner);
        target.put(entry.getKey(), copy);
      } else {
        target.put(entry.getKey(), entry.getValue());
      }
    }
  }

  /** The repository that holds the object's file, else the working directory. */
  private static Path repositoryRoot(Manifest object) {
    Path file =
        Path.of(
            object
                .location()
                .template()
                .filter(t -> Files.exists(Path.of(t)))
                .orElse(object.location().file()));
    return Repository.around(file, Path.of("")).root();
  }

  /** A path as reports show it: from the working directory when it lies below it. */
  private static String display(Path path) {
    return ProjectConfig.relative(Path.of("").toAbsolutePath(), path.toString());
  }

  /**
   * {@code path}, named by {@code what} in {@code object}, when it stays inside the repository, links
   * resolved: the object comes with a pull request, and a values file or chart outside the repository
   * (a runner's credentials) must never reach the render and so the report.
   */
  private static Path inRepository(Manifest object, Path root, Path path, String what) {
    return inside(object, root, "the repository", path, what);
  }

  private static Path inside(Manifest object, Path root, String place, Path path, String what) {
    Repository repository = new Repository(root);
    if (!repository.holds(path)) {
      throw error(object, what + " leads outside " + place + " at " + repository.display());
    }
    return path.normalize();
  }

  private static InputException error(Manifest object, String problem) {
    return new InputException(object.location().file(), object.location().line(), problem);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return cast(parent.get(key));
  }

  private static Optional<String> string(Map<String, Object> parent, String key) {
    return parent.get(key) instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
  }

  private static List<String> strings(Map<String, Object> parent, String key) {
    return parent.get(key) instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of();
  }
}
