package io.kubeload.cli;

import io.kubeload.analysis.GateMode;
import io.kubeload.cluster.Profiles;
import io.kubeload.gate.Policy;
import io.kubeload.report.Format;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.IoErrors;
import io.kubeload.yaml.YamlDocuments;
import io.kubeload.yaml.YamlObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A project's {@code .kubeload.yaml} (docs/configuration.md): the profile, budgets, ignores policy,
 * gate mode and default reports its CI check runs with. Paths in it are relative to its folder.
 *
 * @param reports the reports {@code analyze} writes when no {@code --format} is given
 * @param projects what {@code analyze} judges when no input is named, each on its own (docs/inputs-projects.md)
 * @param chartCache charts pulled beforehand, for those a GitOps object or an OCI reference would fetch
 */
record ProjectConfig(
    Optional<String> profile,
    Optional<Integer> nodes,
    Optional<String> kubernetesVersion,
    Optional<GateMode> gate,
    boolean warnOnly,
    Optional<Policy> policy,
    List<ReportRequest> reports,
    List<Project> projects,
    Optional<String> chartCache) {

  static final String FILE_NAME = ".kubeload.yaml";

  static final ProjectConfig NONE =
      new ProjectConfig(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false,
          Optional.empty(),
          List.of(),
          List.of(),
          Optional.empty());

  /**
   * {@code --config FILE}, else {@code .kubeload.yaml} in the working directory, else the nearest one
   * above the first input that has one (a CI job that checks the repository out into {@code head/}
   * and renders it beside: the repository's own settings), not above the repository's root (the
   * folder holding {@code .git}); else none.
   */
  static ProjectConfig find(String explicit, List<String> inputs) {
    if (explicit != null) {
      return load(Path.of(explicit));
    }
    Path here = Path.of(FILE_NAME);
    if (Files.isRegularFile(here)) {
      return load(here);
    }
    for (String input : inputs) {
      Optional<Path> beside = above(input);
      if (beside.isPresent()) {
        return load(beside.get());
      }
    }
    return NONE;
  }

  private static Optional<Path> above(String input) {
    if (input.equals("-")) {
      return Optional.empty();
    }
    Path path = Path.of(input).toAbsolutePath().normalize();
    for (Path folder = Files.isDirectory(path) ? path : path.getParent();
        folder != null;
        folder = folder.getParent()) {
      Path candidate = folder.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(Path.of("").toAbsolutePath().relativize(candidate));
      }
      if (Files.exists(folder.resolve(".git"))) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  static ProjectConfig load(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InputException(name, "cannot read configuration: " + IoErrors.describe(e));
    }
    List<YamlDocuments.Document> documents = YamlDocuments.read(name, bytes);
    if (documents.size() != 1) {
      throw new InputException(name, 1, "a configuration file holds exactly one Config document");
    }
    YamlObject root =
        YamlObject.root(documents.get(0), name).onlyKeys("apiVersion", "kind", "spec");
    if (!root.string("kind").equals("Config")) {
      throw root.error("kind", "kind must be Config, not " + root.string("kind"));
    }
    YamlObject spec =
        root.object("spec")
            .onlyKeys(
                "profile",
                "nodes",
                "kubernetesVersion",
                "gate",
                "warnOnly",
                "policy",
                "reports",
                "projects",
                "chartCache");
    Path folder = file.toAbsolutePath().getParent();
    Paths paths = new Paths(folder, Repository.around(file, folder));
    Optional<String> profile =
        spec.optionalString("profile")
            .map(p -> Profiles.PRESETS.contains(p) ? p : paths.resolve(spec, "profile", p));
    Optional<Integer> nodes =
        spec.has("nodes") ? Optional.of(spec.integer("nodes", 1)) : Optional.empty();
    Optional<GateMode> gate =
        spec.optionalString("gate")
            .map(
                label ->
                    GateMode.parse(label)
                        .orElseThrow(
                            () ->
                                spec.error(
                                    "gate",
                                    "spec.gate must be change or all, not '" + label + "'")));
    String warnOnly = spec.optionalString("warnOnly").orElse("false");
    if (!warnOnly.equals("true") && !warnOnly.equals("false")) {
      throw spec.error("warnOnly", "spec.warnOnly must be true or false, not '" + warnOnly + "'");
    }
    List<ReportRequest> reports =
        spec.objectList("reports").stream().map(r -> report(r, paths)).toList();
    List<Project> projects =
        spec.objectList("projects").stream().map(p -> Project.read(p, paths)).toList();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < projects.size(); i++) {
      if (!names.add(projects.get(i).name())) {
        throw spec.objectList("projects")
            .get(i)
            .error("name", "project " + projects.get(i).name() + " is named twice");
      }
    }
    return new ProjectConfig(
        profile,
        nodes,
        spec.optionalString("kubernetesVersion"),
        gate,
        Boolean.parseBoolean(warnOnly),
        spec.optionalObject("policy").map(Policy::fromSpec),
        reports,
        projects,
        spec.optionalString("chartCache").map(c -> paths.resolve(spec, "chartCache", c)));
  }

  private static ReportRequest report(YamlObject report, Paths paths) {
    report.onlyKeys("format", "output");
    String format = report.string("format");
    Format parsed =
        Format.parse(format)
            .orElseThrow(
                () ->
                    report.error(
                        "format",
                        report.path()
                            + ".format: unknown format '"
                            + format
                            + "' ("
                            + Format.labels()
                            + ")"));
    return new ReportRequest(
        parsed,
        report
            .optionalString("output")
            .filter(o -> !o.equals("-"))
            .map(o -> paths.resolve(report, "output", o)));
  }

  /**
   * The configuration's paths, relative to its folder. Each must stay inside the repository that holds
   * the configuration (else its folder), links resolved: a pull request brings this file, and a report
   * written, or a profile, chart or values file read, outside the checkout would reach the runner's
   * own files. Paths given on the command line are the CI author's and are not confined.
   */
  record Paths(Path folder, Repository repository) {

    String resolve(YamlObject object, String key, String path) {
      if (!repository.holds(folder.resolve(path))) {
        throw object.error(
            key,
            object.path()
                + "."
                + key
                + " '"
                + path
                + "' leads outside the repository at "
                + repository.display());
      }
      return relative(folder, path);
    }
  }

  static String relative(Path folder, String path) {
    Path resolved = folder.resolve(path).normalize();
    Path here = Path.of("").toAbsolutePath();
    return resolved.startsWith(here) ? here.relativize(resolved).toString() : resolved.toString();
  }
}
