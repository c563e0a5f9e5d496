package io.kubeload.testing;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The repository of docs/inputs-projects.md ({@code src/test/resources/inputs/repo}: a base with two
 * overlays, a chart with two environments, Argo CD and Flux objects), copied into a git repository
 * of its own with one commit, so that paths are named from its root and {@code --changed-since} and
 * baseline refs have a history to read.
 */
public final class InputsRepository {

  public static final Path FIXTURE = Path.of("src/test/resources/inputs/repo");

  private InputsRepository() {}

  public static Path create(Path into) throws IOException, InterruptedException {
    Path repository = into.resolve("platform");
    Folders.copyTree(FIXTURE, repository);
    git(repository, "init", "--quiet");
    git(repository, "add", "--all");
    git(repository, "commit", "--quiet", "-m", "the platform");
    return repository.toAbsolutePath();
  }

  /** Runs git in the repository, as a fixed author, with no configuration of the user's. */
  public static String git(Path repository, String... args)
      throws IOException, InterruptedException {
    String[] command = new String[args.length + 7];
    System.arraycopy(
        new String[] {
          "git",
          "-c",
          "user.name=kubeload tests",
          "-c",
          "user.email=tests@kubeload.invalid",
          "-c",
          "commit.gpgsign=false"
        },
        0,
        command,
        0,
        7);
    System.arraycopy(args, 0, command, 7, args.length);
    return TestTool.run(repository, command);
  }
}
