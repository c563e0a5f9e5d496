package io.kubeload.testing;

import io.kubeload.manifest.ManifestParser;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.yaml.InputLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every valid manifest file the tests can read: the samples, the catalog fixtures and, when
 * ../shared is beside the clone, the corpus of real charts (read in place, never copied).
 */
public final class RealManifests {

  /** ../shared/corpus beside the clone; {@code -Dkubeload.corpus=DIR} points elsewhere. */
  public static final Path CORPUS =
      Path.of(System.getProperty("kubeload.corpus", "../shared/corpus"));

  private RealManifests() {}

  public static Stream<Path> files() {
    Stream<Path> roots =
        Stream.of(
            Path.of("samples/manifests"),
            Path.of("samples/baseline"),
            Path.of("src/test/resources/catalog"));
    if (Files.isDirectory(CORPUS)) {
      roots = Stream.concat(roots, Stream.of(CORPUS));
    }
    return roots.flatMap(RealManifests::yamlUnder);
  }

  /** The corpus's chart files, sorted; none when the corpus is not beside the clone. */
  public static List<Path> corpusCharts() {
    return Files.isDirectory(CORPUS) ? yamlUnder(CORPUS).toList() : List.of();
  }

  /** One file as {@code analyze FILE} reads it. */
  public static ManifestSet read(Path file) {
    try {
      return ManifestSet.of(
          ManifestParser.parse(file.toString(), Files.readAllBytes(file), InputLimits.DEFAULT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> yamlUnder(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      // A catalog fixture's expected.yaml holds the expected accesses, not manifests.
      List<Path> yaml =
          files
              .filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("expected.yaml"))
              .sorted()
              .toList();
      return yaml.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
