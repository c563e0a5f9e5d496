package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import io.kubeload.report.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same inputs give byte-identical reports, whatever order they are named in and however often. */
class DeterminismTest {

  static List<String> samples() throws Exception {
    try (var files = Files.list(Path.of("samples/manifests"))) {
      return new ArrayList<>(files.map(Path::toString).sorted().toList());
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
    for (String format : Arrays.stream(Format.values()).map(Format::label).toList()) {
      CliRun first = analyze(forward, format);
      assertThat(first.exitCode()).isEqualTo(ExitCode.FAIL);
      assertThat(analyze(backward, format).stdout()).isEqualTo(first.stdout());
      assertThat(analyze(forward, format).stdout()).isEqualTo(first.stdout());
    }
  }

  @Test
  void aFolderReadsLikeItsFilesAndStdinLikeAFile(@TempDir Path dir) throws Exception {
    CliRun files = analyze(samples(), "json");
    assertThat(analyze(List.of("samples/manifests"), "json").stdout()).isEqualTo(files.stdout());
    byte[] sample = Files.readAllBytes(Path.of("samples/manifests/controller-deployment.yaml"));
    CliRun viaStdin = CliRun.withStdin(sample, "analyze", "-", "--format", "json");
    Path copy = Files.write(dir.resolve("in.yaml"), sample);
    CliRun viaFile = CliRun.of("analyze", copy.toString(), "--format", "json");
    assertThat(viaStdin.stdout().replace("<stdin>", "FILE")).isEqualTo(viaFile.stdout().replace(copy.toString(), "FILE"));
  }
}
