package io.kubeload.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Which of the configuration's projects a run judges: the ones {@code --project} names, and of those the ones changed since a ref. */
final class Projects {

  /** The projects to judge, in the configuration's order, and the names of those skipped as unchanged. */
  record Chosen(List<Project> judged, List<String> skipped) {}

  private Projects() {}

  static Chosen choose(
      ProjectConfig config, List<String> names, Optional<String> changedSince, Renderer renderer) {
    Set<String> known = config.projects().stream().map(Project::name).collect(Collectors.toSet());
    for (String name : names) {
      if (!known.contains(name)) {
        throw new UsageException(
            "--project "
                + name
                + ": no such project in .kubeload.yaml ("
                + String.join(", ", config.projects().stream().map(Project::name).toList())
                + ")");
      }
    }
    List<Project> named =
        config.projects().stream()
            .filter(p -> names.isEmpty() || names.contains(p.name()))
            .toList();
    if (changedSince.isEmpty()) {
      return new Chosen(named, List.of());
    }
    List<Path> changed =
        Git.holding(
                config.projects().get(0).inputs().get(0),
                renderer.timeoutSeconds(),
                renderer.limits())
            .changedSince(changedSince.get());
    List<Project> judged = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Project project : named) {
      List<Path> inputs = inputs(project);
      if (changed.stream().anyMatch(file -> inputs.stream().anyMatch(file::startsWith))) {
        judged.add(project);
      } else {
        skipped.add(project.name());
      }
    }
    return new Chosen(judged, skipped);
  }

  /**
   * The files and folders a project reads, as absolute paths: its paths, chart and values files,
   * profile file, and each kustomization with the bases it builds from (a change to a shared base
   * changes every overlay over it).
   */
  private static List<Path> inputs(Project project) {
    List<Path> out = new ArrayList<>();
    for (String input : project.inputs()) {
      Path path = Path.of(input).toAbsolutePath().normalize();
      out.add(path);
      if (Files.isDirectory(path) && Kustomizations.isKustomization(path)) {
        out.addAll(Kustomizations.requireLocal(path));
      }
    }
    return out;
  }
}
