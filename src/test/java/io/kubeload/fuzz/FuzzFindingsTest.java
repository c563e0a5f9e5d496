package io.kubeload.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails the build on what the fuzz executions found, which they do not when Jazzer keeps going
 * ({@code JAZZER_KEEP_GOING}: a finding is written and the run still succeeds). Its execution,
 * {@code fuzz-findings}, comes after theirs in {@code mvn verify} (docs/fuzzing.md). A finding is a
 * {@code crash-}, {@code timeout-}, {@code oom-} or {@code leak-} file under the targets' inputs that
 * git does not track: the committed ones are regression seeds that every run replays.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FuzzFindingsTest {

  private static final Path INPUTS = Path.of("src/test/resources/io/kubeload/fuzz");

  @TempDir Path tmp;

  /** The files under {@code inputs} that git does not track and that libFuzzer names as findings. */
  static List<String> newFindings(Path repository, Path inputs)
      throws IOException, InterruptedException {
    Process git =
        new ProcessBuilder(
                "git", "ls-files", "--others", "--exclude-standard", "-z", "--", inputs.toString())
            .directory(repository.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (git.waitFor() != 0) {
      throw new IOException("git ls-files failed in " + repository + ": " + out.strip());
    }
    List<String> found = new ArrayList<>();
    for (String path : out.split("\0", -1)) {
      String name = Path.of(path).getFileName().toString();
      if (name.startsWith("crash-")
          || name.startsWith("timeout-")
          || name.startsWith("oom-")
          || name.startsWith("leak-")) {
        found.add(path);
      }
    }
    return found;
  }

  @Test
  void theFuzzTargetsWroteNoFinding() throws IOException, InterruptedException {
    Assumptions.assumeTrue(
        Files.isDirectory(Path.of(".git")) || Files.isRegularFile(Path.of(".git")),
        "not a git checkout: committed seeds cannot be told from new findings");

    assertThat(newFindings(Path.of("."), INPUTS))
        .as(
            "new findings of the fuzz targets: fix each and commit it as a regression seed (docs/fuzzing.md)")
        .isEmpty();
  }

  @Test
  void aPlantedFindingIsFoundAndACommittedSeedIsNot() throws IOException, InterruptedException {
    Path inputs =
        Files.createDirectories(
            tmp.resolve("src/test/resources/io/kubeload/fuzz/SomeFuzzTestInputs/method"));
    Files.writeString(inputs.resolve("crash-kept-as-a-seed"), "a: [");
    Files.writeString(inputs.resolve("seed.yaml"), "a: 1");
    git(tmp, "init", "-q");
    git(tmp, "add", ".");
    git(
        tmp,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.invalid",
        "commit",
        "-q",
        "-m",
        "seeds");
    assertThat(newFindings(tmp, INPUTS)).isEmpty();

    Files.writeString(inputs.resolve("crash-0123abcd"), "x");
    Files.writeString(inputs.resolve("timeout-4567ef"), "y");
    Files.writeString(inputs.resolve("new-seed.yaml"), "b: 2");

    assertThat(newFindings(tmp, INPUTS))
        .containsExactlyInAnyOrder(
            INPUTS.resolve("SomeFuzzTestInputs/method/crash-0123abcd").toString(),
            INPUTS.resolve("SomeFuzzTestInputs/method/timeout-4567ef").toString());
  }

  private static void git(Path repository, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process git =
        new ProcessBuilder(command)
            .directory(repository.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(git.waitFor()).as(out).isZero();
  }
}
