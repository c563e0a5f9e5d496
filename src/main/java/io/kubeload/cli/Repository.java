package io.kubeload.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository a file came with, and whether a path it names stays inside it. A pull request
 * brings {@code .kubeload.yaml} and the GitOps objects: a path in them that leads elsewhere (a
 * runner's credentials to read, its shell profile to write) must never be read or written.
 *
 * @param root the folder holding {@code .git} above the file, else the fallback its caller chose
 */
record Repository(Path root) {

  /** Links followed before a path is taken for a loop: the kernel's own limit. */
  private static final int MAX_LINKS = 40;

  static Repository around(Path file, Path fallback) {
    for (Path folder = file.toAbsolutePath().normalize().getParent();
        folder != null;
        folder = folder.getParent()) {
      if (Files.exists(folder.resolve(".git"))) {
        return new Repository(folder);
      }
    }
    return new Repository(fallback.toAbsolutePath().normalize());
  }

  /**
   * Whether {@code path} (made absolute and normalised, as callers open it) lies inside the root with
   * every link resolved, a link to nothing included: outputs are written through such a link, as the
   * shell's {@code >} does, so its target is what counts.
   */
  boolean holds(Path path) {
    try {
      return holds(path.toAbsolutePath().normalize(), root.toRealPath(), 0);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean holds(Path path, Path realRoot, int links) throws IOException {
    if (links > MAX_LINKS) {
      return false;
    }
    if (Files.exists(path)) {
      return path.toRealPath().startsWith(realRoot);
    }
    if (Files.isSymbolicLink(path)) {
      return holds(
          path.resolveSibling(Files.readSymbolicLink(path)).normalize(), realRoot, links + 1);
    }
    // Nothing here yet: the nearest folder above that exists decides where it would be created.
    Path parent = path.getParent();
    return parent != null && holds(parent, realRoot, links);
  }

  /** The root as reports show it: from the working directory when it lies below it. */
  String display() {
    return ProjectConfig.relative(Path.of("").toAbsolutePath(), root.toString());
  }
}
