package io.kubeload.cli;

import io.kubeload.yaml.InputException;
import io.kubeload.yaml.IoErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kustomization folders on disk: which folders are one, and that they name nothing kustomize would fetch. */
final class Kustomizations {

  static final List<String> FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  /** A list entry: {@code - value}, as resources, components and bases are written. */
  private static final Pattern ENTRY = Pattern.compile("^\\s*-\\s*[\"']?([^\"'#\\s]+)");

  private Kustomizations() {}

  static boolean isKustomization(Path dir) {
    return file(dir).isPresent();
  }

  static Optional<Path> file(Path dir) {
    return FILE_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
  }

  /**
   * Refuses a kustomization (or a local one it includes) that names a remote base: kustomize would
   * clone it, and {@code analyze} never touches the network.
   *
   * @return the kustomization folders it builds from: its own and those of the bases it includes
   * @throws InputException naming the kustomization file and the line of the remote entry
   */
  static Set<Path> requireLocal(Path dir) {
    Set<Path> seen = new HashSet<>();
    requireLocal(dir.toAbsolutePath().normalize(), seen);
    return seen;
  }

  private static void requireLocal(Path dir, Set<Path> seen) {
    Optional<Path> kustomization = file(dir);
    if (kustomization.isEmpty() || !seen.add(dir)) {
      return;
    }
    String name =
        ProjectConfig.relative(Path.of("").toAbsolutePath(), kustomization.get().toString());
    List<String> lines;
    try {
      lines = Files.readAllLines(kustomization.get(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(name, "cannot read the kustomization: " + IoErrors.describe(e));
    }
    for (int i = 0; i < lines.size(); i++) {
      Matcher entry = ENTRY.matcher(lines.get(i));
      if (!entry.find()) {
        continue;
      }
      String value = entry.group(1);
      if (value.contains("://")
          || value.startsWith("git@")
          || value.startsWith("github.com/")
          || value.contains("?ref=")) {
        throw new InputException(
            name,
            i + 1,
            "'"
                + value
                + "' is a remote base kustomize would fetch; vendor it into the "
                + "repository and name the local copy (analyze never touches the network)");
      }
      Path local = dir.resolve(value).normalize();
      if (Files.isDirectory(local)) {
        requireLocal(local, seen);
      }
    }
  }
}
