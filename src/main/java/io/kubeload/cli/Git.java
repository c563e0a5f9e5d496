package io.kubeload.cli;

import io.kubeload.yaml.InputLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The git questions {@code analyze} asks of the repository it runs in (through {@link Processes}, as
 * every process): which files changed since a ref, and the tree at a ref. Both read the local
 * repository only; the index and working tree are never written.
 *
 * @param root the repository's top folder
 */
record Git(Path root, long timeoutSeconds, InputLimits limits) {

  private static final String INSTALL =
      "install git, or leave out --changed-since and baselines given as refs";

  /** The repository holding {@code input} (a file or folder). */
  static Git holding(String input, long timeoutSeconds, InputLimits limits) {
    Path path = Path.of(input).toAbsolutePath().normalize();
    Git probe = new Git(Files.isDirectory(path) ? path : path.getParent(), timeoutSeconds, limits);
    return new Git(
        Path.of(
            probe
                .run("git rev-parse --show-toplevel", Map.of(), "rev-parse", "--show-toplevel")
                .strip()),
        timeoutSeconds,
        limits);
  }

  /** The files (from the repository's root) that differ between {@code ref} and the working tree, untracked ones included. */
  List<Path> changedSince(String ref) {
    requireRef(ref);
    List<Path> out = new ArrayList<>();
    run("git diff " + ref, Map.of(), "diff", "--name-only", "--no-renames", ref, "--")
        .lines()
        .filter(l -> !l.isBlank())
        .forEach(line -> out.add(root.resolve(line)));
    run("git ls-files --others", Map.of(), "ls-files", "--others", "--exclude-standard")
        .lines()
        .filter(l -> !l.isBlank())
        .forEach(line -> out.add(root.resolve(line)));
    return out;
  }

  /**
   * The repository's tree at {@code ref}, written into {@code into} through an index file of its own
   * there: the repository's index and working tree stay as they are.
   */
  void checkout(String ref, Path into) {
    requireRef(ref);
    Map<String, String> index =
        Map.of("GIT_INDEX_FILE", into.resolve(".kubeload-index").toString());
    run("git read-tree " + ref, index, "read-tree", ref);
    run(
        "git checkout-index " + ref,
        index,
        "checkout-index",
        "--all",
        "--prefix=" + into.resolve("tree") + "/");
  }

  /** Where {@code path} (as named from the working directory) lies in a tree checked out by {@link #checkout}. */
  String inTree(Path tree, String path) {
    Path absolute = Path.of(path).toAbsolutePath().normalize();
    return absolute.startsWith(root)
        ? tree.resolve("tree").resolve(root.relativize(absolute)).toString()
        : path;
  }

  /**
   * Refs come from flags and from a pull request's own {@code .kubeload.yaml}: one that git would take
   * as an option ({@code --output=FILE} to {@code git diff}, {@code --index-output=FILE} to
   * {@code git read-tree}) could write any file.
   */
  static void requireRef(String ref) {
    if (!isRef(ref)) {
      throw new UsageException(
          "'" + ref + "' is not a git ref (a branch, tag or commit that does not start with '-')");
    }
  }

  static boolean isRef(String ref) {
    return !ref.isEmpty()
        && !ref.startsWith("-")
        && ref.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }

  private String run(String label, Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
    command.addAll(List.of(args));
    return new String(
        Processes.output(
            new Processes.Run(
                label,
                command,
                Optional.empty(),
                environment,
                timeoutSeconds,
                Renderer.TIMEOUT_FLAG,
                "git is needed",
                INSTALL),
            limits),
        StandardCharsets.UTF_8);
  }
}
