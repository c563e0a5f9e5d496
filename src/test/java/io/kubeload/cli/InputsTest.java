package io.kubeload.cli;

import static io.kubeload.testing.TestManifests.serviceAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.testing.TestManifests;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.InputLimits;
import io.kubeload.yaml.SourceLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests read from files, folders and standard input, as {@code analyze PATH...} reads them. */
class InputsTest {

  private static ManifestSet read(Path... paths) {
    return Inputs.files(Stream.of(paths).map(Path::toString).toList(), InputLimits.DEFAULT);
  }

  private static Inputs stdin(byte[] piped) {
    return new Inputs(new ByteArrayInputStream(piped), InputLimits.DEFAULT, () -> {});
  }

  private static Path write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /** Objects several parts render alike are kept once, at the first part's place. */
  @Nested
  class Union {

    private static final String HOOK =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: smoke
          namespace: shop
          annotations:
            helm.sh/hook: test
        spec:
          containers:
            - name: t
              image: busybox
        """;

    @Test
    void twoTestHooksAlikeInOneSetAreKeptOnce() {
      ManifestSet twice = TestManifests.set(HOOK + "---\n" + HOOK);
      assertThat(twice.skippedTestHooks()).hasSize(2);

      ManifestSet union = Inputs.union(List.of(twice, ManifestSet.of(List.of())));

      assertThat(union.skippedTestHooks()).hasSize(1);
      assertThat(union.skippedTestHooks().get(0).location().line()).isEqualTo(1);
    }

    @Test
    void anObjectTwoSetsHoldAlikeIsKeptAtTheFirst() {
      ManifestSet first = TestManifests.set(serviceAccount("web"));
      ManifestSet second = TestManifests.set("# moved down\n" + serviceAccount("web"));

      ManifestSet union = Inputs.union(List.of(first, second));

      assertThat(union.manifests()).hasSize(1);
      assertThat(union.manifests().get(0).location())
          .isEqualTo(first.manifests().get(0).location());
      assertThat(Inputs.union(List.of(ManifestSet.of(List.of()), first))).isEqualTo(first);
    }
  }

  @Nested
  class FoldersFilesAndStdin {

    @TempDir Path dir;

    @Test
    void aFolderIsReadRecursivelyTakingOnlyYamlYmlAndJsonFiles() throws IOException {
      write(dir.resolve("a.yaml"), serviceAccount("from-yaml"));
      write(dir.resolve("sub/b.yml"), serviceAccount("from-yml"));
      write(
          dir.resolve("sub/deeper/c.json"),
          """
          {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "from-json"}}
          """);
      write(dir.resolve("notes.txt"), "not: [a manifest");
      write(dir.resolve("README.md"), "# not a manifest: {{ .Values.x }}");
      write(dir.resolve("sub/values.yaml.orig"), "kind: [broken");
      write(dir.resolve("sub/deeper/run.sh"), "#!/bin/sh\necho hi\n");

      ManifestSet set = read(dir);

      assertThat(set.manifests())
          .extracting(Manifest::name)
          .containsExactlyInAnyOrder("from-yaml", "from-yml", "from-json");
      assertThat(set.find("ServiceAccount", "default", "from-json").orElseThrow().location().file())
          .isEqualTo(dir.resolve("sub/deeper/c.json").toString());
    }

    @Test
    void aFolderIsReadInSortedPathOrderSoTheFirstBadFileInThatOrderIsReported() throws IOException {
      // Created out of order: directory listing order must not decide which error is seen.
      write(dir.resolve("c/bad.yaml"), "kind: [unclosed\n");
      write(dir.resolve("b/bad.yaml"), "kind: [unclosed\n");
      write(dir.resolve("a/ok.yaml"), serviceAccount("ok"));
      write(dir.resolve("a/z-bad.yaml"), "kind: [unclosed\n");

      assertThatThrownBy(() -> read(dir))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(dir.resolve("a/z-bad.yaml") + ":");
    }

    @Test
    void namingFilesInAnotherOrderGivesTheSameManifestSet() throws IOException {
      Path a =
          write(dir.resolve("a.yaml"), serviceAccount("zeta") + "---\n" + serviceAccount("alpha"));
      Path b = write(dir.resolve("b.yaml"), serviceAccount("mid"));

      assertThat(read(b, a)).isEqualTo(read(a, b));
      assertThat(read(b, a).manifests())
          .extracting(Manifest::name)
          .containsExactly("alpha", "mid", "zeta");
    }

    @Test
    void aFileNamedExplicitlyIsReadWhateverItsExtension() throws IOException {
      Path rendered = write(dir.resolve("rendered.txt"), serviceAccount("web"));

      assertThat(read(rendered).manifests()).extracting(Manifest::name).containsExactly("web");
    }

    @Test
    void hiddenFilesAndFoldersInAFolderAreToolConfigurationNotManifests() throws IOException {
      write(dir.resolve("sa.yaml"), serviceAccount("web"));
      write(
          dir.resolve(".kubeload.yaml"),
          "apiVersion: kubeload.io/v1alpha1\nkind: Config\nspec: {}\n");
      Files.createDirectories(dir.resolve(".github/workflows"));
      write(dir.resolve(".github/workflows/ci.yaml"), "on: push\n");

      assertThat(read(dir).manifests()).extracting(Manifest::name).containsExactly("web");
      assertThatThrownBy(() -> read(dir.resolve(".kubeload.yaml")))
          .isInstanceOf(InputException.class);
    }

    @Test
    void aFolderWithoutManifestFilesIsAnInputErrorNotAPass() throws IOException {
      write(dir.resolve("values.txt"), "replicas: 3\n");

      assertThatThrownBy(() -> read(dir))
          .isInstanceOf(InputException.class)
          .hasMessage(dir + ": no manifest files (*.yaml, *.yml, *.json) in this folder");
    }

    @Test
    void aMissingPathIsAnInputErrorNamingIt() {
      Path missing = dir.resolve("nope.yaml");

      assertThatThrownBy(() -> read(missing))
          .isInstanceOf(InputException.class)
          .hasMessage(missing + ": no such file or folder");
    }

    @Test
    void dashReadsStandardInputUnderTheNameStdin() {
      Inputs reader =
          stdin(
              ("# Source: shop/templates/sa.yaml\n" + serviceAccount("piped"))
                  .getBytes(StandardCharsets.UTF_8));

      ManifestSet set = reader.read(List.of("-"));

      assertThat(set.manifests())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.name()).isEqualTo("piped");
                assertThat(m.location())
                    .isEqualTo(
                        new SourceLocation("<stdin>", 2, Optional.of("shop/templates/sa.yaml")));
              });
    }

    @Test
    void stdinAndFilesCanBeMixed() throws IOException {
      Path file = write(dir.resolve("x.yaml"), serviceAccount("from-file"));
      Inputs reader = stdin(serviceAccount("from-stdin").getBytes(StandardCharsets.UTF_8));

      ManifestSet set = reader.read(List.of(file.toString(), "-"));

      assertThat(set.manifests())
          .extracting(m -> m.location().file())
          .containsExactlyInAnyOrder(file.toString(), "<stdin>");
    }

    @Test
    void errorsInStdinNameStdinAndTheLine() {
      Inputs reader =
          stdin(
              "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  labels: {}\n"
                  .getBytes(StandardCharsets.UTF_8));

      assertThatThrownBy(() -> reader.read(List.of("-")))
          .isInstanceOf(InputException.class)
          .hasMessage("<stdin>:1: ServiceAccount has no metadata.name");
    }

    @Test
    void helmTestHooksOnStdinAreSetAside() {
      Inputs reader =
          stdin(
              """
          apiVersion: v1
          kind: Pod
          metadata:
            name: test-connection
            annotations: {helm.sh/hook: test}
          """
                  .getBytes(StandardCharsets.UTF_8));

      ManifestSet set = reader.read(List.of("-"));

      assertThat(set.manifests()).isEmpty();
      assertThat(set.skippedTestHooks())
          .extracting(Manifest::name)
          .containsExactly("test-connection");
    }
  }
}
