package io.kubeload.cli;

import io.kubeload.cluster.Profiles;
import io.kubeload.yaml.YamlObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What one judgement reads (docs/inputs-projects.md): rendered paths, a chart with its values, and
 * kustomizations, installed into a namespace, judged against a profile and, optionally, against the
 * same inputs at a git ref. The command line is the project without a name; {@code .kubeload.yaml}
 * lists named ones.
 *
 * @param name a DNS label; empty for the command line's inputs
 * @param profile the project's profile (a preset or a file); empty: the flag's or the configuration's
 * @param baselineRef a git ref whose tree holds the baseline: the same inputs, rendered there
 */
record Project(
    String name,
    List<String> paths,
    Optional<Renderer.HelmChart> chart,
    List<String> kustomizations,
    Optional<String> namespace,
    Optional<String> profile,
    Optional<String> baselineRef) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /** Every file or folder the project reads, for {@code --changed-since}: a change under one of them changes the project. */
  List<String> inputs() {
    List<String> out = new ArrayList<>(paths);
    chart.ifPresent(
        c -> {
          out.add(c.chart());
          out.addAll(c.values());
        });
    out.addAll(kustomizations);
    profile.filter(p -> !Profiles.PRESETS.contains(p)).ifPresent(out::add);
    return out;
  }

  /** The same project with every path moved by {@code move} (into a tree checked out at its baseline ref). */
  Project movedTo(UnaryOperator<String> move) {
    return new Project(
        name,
        paths.stream().map(move).toList(),
        chart.map(
            c ->
                new Renderer.HelmChart(
                    move.apply(c.chart()),
                    c.values().stream().map(move).toList(),
                    c.set(),
                    c.release(),
                    c.namespace())),
        kustomizations.stream().map(move).toList(),
        namespace,
        profile,
        baselineRef);
  }

  /** One entry of {@code spec.projects}, its paths relative to the configuration's folder and inside its repository. */
  static Project read(YamlObject entry, ProjectConfig.Paths configPaths) {
    entry.onlyKeys(
        "name",
        "paths",
        "chart",
        "values",
        "set",
        "release",
        "namespace",
        "kustomize",
        "profile",
        "baseline");
    String name = entry.string("name");
    if (!NAME.matcher(name).matches() || name.length() > 63) {
      throw entry.error(
          "name",
          entry.path()
              + ".name must be a DNS label (lower-case letters, digits and '-'), not '"
              + name
              + "'");
    }
    Optional<String> namespace = entry.optionalString("namespace");
    // An OCI reference names no file: it is rendered from the chart cache, whose path is confined.
    Optional<Renderer.HelmChart> chart =
        entry
            .optionalString("chart")
            .map(
                c ->
                    new Renderer.HelmChart(
                        c.startsWith("oci://") ? c : configPaths.resolve(entry, "chart", c),
                        entry.stringList("values").stream()
                            .map(v -> configPaths.resolve(entry, "values", v))
                            .toList(),
                        entry.stringList("set"),
                        entry.optionalString("release").orElse(name),
                        namespace));
    if (chart.isEmpty()) {
      for (String helmOnly : List.of("values", "set", "release")) {
        if (entry.has(helmOnly)) {
          throw entry.error(helmOnly, entry.path() + "." + helmOnly + " goes with chart");
        }
      }
    }
    List<String> paths =
        entry.stringList("paths").stream()
            .map(p -> configPaths.resolve(entry, "paths", p))
            .toList();
    List<String> kustomizations =
        entry.stringList("kustomize").stream()
            .map(k -> configPaths.resolve(entry, "kustomize", k))
            .toList();
    if (paths.isEmpty() && chart.isEmpty() && kustomizations.isEmpty()) {
      throw entry.error(
          "name",
          "project " + name + " reads nothing: give it paths, a chart or a kustomize folder");
    }
    Optional<String> profile =
        entry
            .optionalString("profile")
            .map(p -> Profiles.PRESETS.contains(p) ? p : configPaths.resolve(entry, "profile", p));
    Optional<String> baselineRef = entry.optionalString("baseline");
    if (baselineRef.isPresent() && !Git.isRef(baselineRef.get())) {
      throw entry.error(
          "baseline",
          entry.path()
              + ".baseline must be a git ref (a branch, tag or commit that does not start with '-')");
    }
    return new Project(name, paths, chart, kustomizations, namespace, profile, baselineRef);
  }
}
