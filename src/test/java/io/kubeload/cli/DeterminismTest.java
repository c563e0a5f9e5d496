package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.report.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same inputs give byte-identical reports, whatever order they are named in and however often. */
class DeterminismTest {

  /**
   * The samples that can be applied together: telemetry-daemonset-fixed.yaml defines the same
   * objects as telemetry-daemonset.yaml, and an object given twice is bad input.
   */
  static List<String> samples() throws Exception {
    try (var files = Files.list(Path.of("samples/manifests"))) {
      return new ArrayList<>(
          files
              .map(Path::toString)
              .filter(name -> !name.endsWith("-fixed.yaml"))
              .sorted()
              .toList());
    }
  }

  static CliRun analyze(List<String> paths, String format) {
    List<String> args = new ArrayList<>(List.of("analyze", "--format", format));
    args.addAll(paths);
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void fileOrderDoesNotChangeTheReport() throws Exception {
    List<String> forward = samples();
    List<String> backward = new ArrayList<>(forward);
    Collections.reverse(backward);
    for (String format : formats()) {
      CliRun first = analyze(forward, format);
      assertThat(first.exitCode()).isEqualTo(ExitCode.FAIL);
      assertThat(analyze(backward, format).stdout()).isEqualTo(first.stdout());
      assertThat(analyze(forward, format).stdout()).isEqualTo(first.stdout());
    }
  }

  /** Every report format, so that a format added later is covered too. */
  static List<String> formats() {
    return Arrays.stream(Format.values()).map(Format::label).toList();
  }

  @Test
  void aFolderReadsLikeItsFilesAndStdinLikeAFile(@TempDir Path dir) throws Exception {
    byte[] sample = Files.readAllBytes(Path.of("samples/manifests/controller-deployment.yaml"));
    Path copy = Files.write(dir.resolve("in.yaml"), sample);
    Path folder = Files.createDirectories(dir.resolve("samples"));
    List<String> copies = new ArrayList<>();
    for (String file : samples()) {
      copies.add(Files.copy(Path.of(file), folder.resolve(Path.of(file).getFileName())).toString());
    }
    for (String format : formats()) {
      CliRun files = analyze(copies, format);
      assertThat(analyze(List.of(folder.toString()), format).stdout()).isEqualTo(files.stdout());
      CliRun viaStdin = CliRun.withStdin(sample, "analyze", "-", "--format", format);
      CliRun viaFile = CliRun.of("analyze", copy.toString(), "--format", format);
      // The name <stdin> as each format writes it (plain, or escaped for HTML and XML); the names'
      // lengths differ, so text wrapped to a width (the explain chain) may break at other words.
      String stdinAsFile =
          viaStdin
              .stdout()
              .replace("<stdin>", "FILE")
              .replace("&lt;stdin&gt;", "FILE")
              .replaceAll("\\s+", " ");
      assertThat(stdinAsFile)
          .isEqualTo(viaFile.stdout().replace(copy.toString(), "FILE").replaceAll("\\s+", " "));
    }
  }

  @Test
  void foldersNamedInEitherOrderAndStdinBeforeOrAfterThemGiveOneReport(@TempDir Path dir)
      throws Exception {
    List<String> samples = samples();
    Path first = Files.createDirectories(dir.resolve("b-first"));
    Path second = Files.createDirectories(dir.resolve("a-second"));
    // The first sample comes on stdin; given in a folder too, it would be defined twice.
    for (int i = 1; i < samples.size(); i++) {
      Path sample = Path.of(samples.get(i));
      Files.copy(sample, (i % 2 == 0 ? first : second).resolve(sample.getFileName()));
    }
    byte[] piped = Files.readAllBytes(Path.of(samples.get(0)));
    for (String format : formats()) {
      CliRun forward =
          CliRun.withStdin(
              piped, "analyze", "--format", format, first.toString(), second.toString(), "-");
      CliRun backward =
          CliRun.withStdin(
              piped, "analyze", "--format", format, "-", second.toString(), first.toString());
      assertThat(forward.exitCode()).as(forward.stderr()).isIn(ExitCode.PASS, ExitCode.FAIL);
      assertThat(backward.stdout()).isEqualTo(forward.stdout());
    }
  }

  @Test
  void explainGivesTheSameDerivationWhateverTheOrder() throws Exception {
    List<String> forward =
        new ArrayList<>(List.of("explain", "Deployment/platform/route-controller"));
    forward.addAll(samples());
    List<String> backward = new ArrayList<>(forward.subList(0, 2));
    List<String> reversed = new ArrayList<>(samples());
    Collections.reverse(reversed);
    backward.addAll(reversed);
    CliRun first = CliRun.of(forward.toArray(String[]::new));
    assertThat(first.stdout()).as(first.stderr()).isNotEmpty();
    assertThat(CliRun.of(backward.toArray(String[]::new)).stdout()).isEqualTo(first.stdout());
    assertThat(CliRun.of(forward.toArray(String[]::new)).stdout()).isEqualTo(first.stdout());
  }
}
