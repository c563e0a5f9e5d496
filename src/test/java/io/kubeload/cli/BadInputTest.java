package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way the CLI can be handed bad input or a bad command line: exit code 2, exactly one line on
 * stderr ("kubeload: file:line: problem"), no stack trace, nothing on stdout, and no report written.
 */
class BadInputTest {

  private static final String GOOD_MANIFEST = "samples/manifests/web-deployment.yaml";

  @TempDir Path tmp;

  /** A fixture under src/test/resources/bad-input, as a path on disk. */
  /** The input was read past every limit: the run then finds no workload among all its objects, counted. */
  private static void assertReadWhole(CliRun run, int objects) {
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .contains("no workload")
        .contains(String.format(java.util.Locale.ROOT, "among its %d objects", objects));
  }

  private static String fixture(String name) {
    URL url = BadInputTest.class.getResource("/bad-input/" + name);
    assertThat(url).as("fixture bad-input/%s", name).isNotNull();
    try {
      return Path.of(url.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The one-line contract for a rejected run; the line must contain every fragment (e.g. "x.yaml:5: "). */
  private static void assertOneLineError(CliRun run, String... fragments) {
    assertThat(run.exitCode())
        .as("exit code; stderr was: %s", run.stderr())
        .isEqualTo(ExitCode.USAGE);
    assertThat(run.stdout()).as("stdout").isEmpty();
    assertThat(run.stderr().lines().toList()).as("stderr lines").hasSize(1);
    String line = run.stderr().lines().findFirst().orElseThrow();
    assertThat(line).startsWith("kubeload: ").doesNotContain("Exception", "\tat ", "\r");
    assertThat(run.stderr()).endsWith("\n");
    for (String fragment : fragments) {
      assertThat(line).contains(fragment);
    }
  }

  /**
   * Runs {@code args} twice: as given (checking the one-line contract and that stdout stays empty),
   * then with {@code --output} (checking that no report, nor any temporary file, is left behind).
   * Returns the first run's stderr line.
   */
  private String assertRejected(List<String> args, String... fragments) {
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertOneLineError(run, fragments);

    Path outputDir = tmp.resolve("out-" + System.nanoTime());
    Path report = outputDir.resolve("report.json");
    List<String> withOutput = new ArrayList<>(args);
    withOutput.addAll(List.of("--output", report.toString()));
    CliRun again = CliRun.of(withOutput.toArray(String[]::new));
    assertOneLineError(again, fragments);
    assertThat(report).doesNotExist();
    if (Files.isDirectory(outputDir)) {
      try (Stream<Path> left = Files.list(outputDir)) {
        assertThat(left).as("files left in the output folder").isEmpty();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return run.stderr().strip();
  }

  /** A bad input file: the message names the file and, when {@code line > 0}, {@code :line:}. */
  private String assertRejectedFile(String fixtureName, int line, String problem) {
    String path = fixture(fixtureName);
    String where = line > 0 ? path + ":" + line + ": " : path + ":";
    String message = assertRejected(List.of("analyze", path), where, problem);
    assertThat(message).startsWith("kubeload: " + where);
    return message;
  }

  private String assertRejectedUsage(String... args) {
    String[] full =
        Stream.concat(Stream.of("analyze", GOOD_MANIFEST), Arrays.stream(args))
            .toArray(String[]::new);
    return assertRejected(List.of(full));
  }

  @Nested
  class MalformedYaml {

    @Test
    void badIndentationNamesTheFileAndTheLine() {
      assertRejectedFile("bad-indentation.yaml", 5, "invalid YAML");
    }

    @Test
    void anUnclosedQuoteIsOneLineNamingTheFile() {
      String message = assertRejectedFile("unclosed-quote.yaml", 0, "quoted scalar");
      assertThat(message).matches("kubeload: .*unclosed-quote\\.yaml:\\d+: .*");
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereTheQuoteOpens() {
      assertRejectedFile("unclosed-quote.yaml", 6, "quoted scalar");
    }

    @Test
    void duplicateKeysAreAnInputError() {
      assertRejectedFile("duplicate-keys.yaml", 7, "replicas");
    }

    @Test
    void anAliasBombIsRejectedNamingTheFile() {
      assertRejectedFile("alias-bomb.yaml", 0, "aliases");
    }

    @Test
    void anAliasBombIsRejectedAtTheLineOfTheAliasOverTheLimit() {
      assertRejectedFile("alias-bomb.yaml", 17, "aliases");
    }

    @Test
    void theClassicBillionLaughsIsRejectedNamingTheFile() {
      assertRejectedFile("billion-laughs.yaml", 0, "billion-laughs.yaml");
    }
  }

  @Nested
  class UnrenderedHelmTemplates {

    @Test
    void anUnquotedValuesExpressionNamesTheLineOfReplicas() {
      assertRejectedFile("unrendered-replicas.yaml", 6, "unrendered Helm template");
    }

    @Test
    void aControlLineBeforeApiVersionNamesItsLine() {
      assertRejectedFile("template-control-line.yaml", 2, "unrendered Helm template");
    }

    @Test
    void aQuotedValuesExpressionInAnImageNamesTheLineOfImage() {
      String message = assertRejectedFile("unrendered-image.yaml", 11, "unrendered Helm template");
      assertThat(message).contains("spec.template.spec.containers[0].image");
    }
  }

  @Nested
  class DocumentsThatAreNotObjects {

    @Test
    void aDocumentWithoutKindNamesTheDocumentsFirstLine() {
      assertRejectedFile("no-kind.yaml", 6, "kind");
    }

    @Test
    void aDocumentWithoutApiVersionNamesTheDocumentsFirstLine() {
      assertRejectedFile("no-apiversion.yaml", 2, "apiVersion");
    }

    @Test
    void aDocumentThatIsAListNamesItsLine() {
      assertRejectedFile("list-document.yaml", 6, "mapping");
    }

    @Test
    void aDocumentThatIsAScalarNamesItsLine() {
      assertRejectedFile("scalar-document.yaml", 6, "mapping");
    }

    @Test
    void anObjectWithoutMetadataNameNamesItsLine() {
      assertRejectedFile("missing-name.yaml", 6, "metadata.name");
    }
  }

  @Nested
  class WrongFieldValues {

    @Test
    void replicasAsAWordNamesTheLineOfReplicas() {
      assertRejectedFile("replicas-string.yaml", 9, "spec.replicas");
    }

    @Test
    void negativeReplicasNamesTheLineOfReplicas() {
      assertRejectedFile("replicas-negative.yaml", 9, "spec.replicas");
    }

    @Test
    void fractionalReplicasNamesTheLineOfReplicas() {
      assertRejectedFile("replicas-fraction.yaml", 9, "spec.replicas");
    }
  }

  @Nested
  class EncodingsAndFiles {

    @Test
    void latin1BytesNameTheLineOfTheFirstBadByte() {
      assertRejectedFile("latin1.yaml", 3, "UTF-8");
    }

    @Test
    void aNulByteIsBinaryDataAtItsLine() {
      assertRejectedFile("binary.yaml", 6, "binary");
    }

    @Test
    void utf16WithABomIsRejectedAtLineOne() {
      assertRejectedFile("utf16.yaml", 1, "UTF-16");
    }

    @Test
    void aPathThatDoesNotExistIsNamed() {
      String missing = tmp.resolve("no-such-dir/missing.yaml").toString();
      String message = assertRejected(List.of("analyze", missing), missing + ":", "no such file");
      assertThat(message).isEqualTo("kubeload: " + missing + ": no such file or folder");
    }

    @Test
    void aBadFileDeepInAFolderIsNamedByItsPathAndLine() {
      String folder = fixture("nested-folder");
      String bad =
          Path.of(folder, "charts", "web", "templates", "service-account-no-kind.yaml").toString();
      assertRejected(List.of("analyze", folder), bad + ":7: ", "kind");
    }

    @Test
    void aSymbolicLinkLoopInAFolderIsOneLineNamingTheFolder() throws IOException {
      Path folder = Files.createDirectories(tmp.resolve("looped/inner"));
      Files.writeString(
          folder.resolve("sa.yaml"),
          "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n");
      Files.createSymbolicLink(folder.resolve("back"), folder.getParent());
      String root = tmp.resolve("looped").toString();
      assertRejected(List.of("analyze", root), root + ":", "loop");
    }

    @Test
    void anUnreadableFileIsOneLineNamingIt() throws IOException {
      Assumptions.assumeFalse(
          "root".equals(System.getProperty("user.name")), "root can read any file");
      Path file =
          Files.writeString(
              tmp.resolve("secret.yaml"),
              "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
      try {
        assertRejected(List.of("analyze", file.toString()), file + ":", "permission denied");
      } finally {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
    }

    @Test
    void badInputOnStdinIsNamedStdinWithTheLine() {
      byte[] stdin =
          "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n---\nkind: ServiceAccount\n"
              .getBytes(StandardCharsets.UTF_8);
      CliRun run = CliRun.withStdin(stdin, "analyze", "-");
      assertOneLineError(run, "<stdin>:6: ", "apiVersion");
    }

    @Test
    void jsonFormatDoesNotChangeTheOneLineError() {
      String path = fixture("no-kind.yaml");
      assertRejected(List.of("analyze", path, "--format", "json"), path + ":6: ");
    }
  }

  @Nested
  class UsageErrors {

    @Test
    void anUnknownOptionIsNamed() {
      assertThat(assertRejectedUsage("--bogus")).contains("--bogus");
    }

    @Test
    void anUnknownFormatIsNamed() {
      assertThat(assertRejectedUsage("--format", "xml")).contains("--format").contains("xml");
    }

    @Test
    void zeroNodesIsRejected() {
      assertThat(assertRejectedUsage("--nodes", "0")).contains("--nodes");
    }

    @Test
    void aNodeCountThatIsNotANumberIsRejected() {
      assertThat(assertRejectedUsage("--nodes", "many")).contains("--nodes").contains("many");
    }

    @Test
    void anUnknownProfileIsNamed() {
      assertThat(assertRejectedUsage("--profile", "nosuch"))
          .contains("nosuch")
          .contains(
              "not a file and not a preset (presets: production, large, medium, staging, eks)");
    }

    @Test
    void aKubernetesVersionOutsideTheSupportedRangeIsRejected() {
      assertThat(assertRejectedUsage("--kubernetes-version", "1.12"))
          .contains("--kubernetes-version")
          .contains("1.12");
    }

    @Test
    void aKubernetesVersionThatIsNotAVersionIsRejected() {
      assertThat(assertRejectedUsage("--kubernetes-version", "banana"))
          .contains("--kubernetes-version")
          .contains("banana");
    }

    @Test
    void analyzeWithoutAPathIsRejected() {
      assertThat(assertRejected(List.of("analyze"))).contains("PATH");
    }

    @Test
    void anUnknownSubcommandIsRejected() {
      assertThat(assertRejected(List.of("analyse", GOOD_MANIFEST))).contains("analyse");
    }

    @Test
    void aPolicyFileWithAnUnknownKeyNamesTheFileAndLine() {
      String policy = fixture("policy-unknown-key.yaml");
      String message = assertRejectedUsage("--policy", policy);
      assertThat(message).contains(policy + ":6: ").contains("startupRejection");
    }

    @Test
    void aProfileFileWithAnUnknownKeyNamesTheFileAndLine() {
      String profile = fixture("profile-unknown-key.yaml");
      String message = assertRejectedUsage("--profile", profile);
      assertThat(message).contains(profile + ":7: ").contains("nodez");
    }

    @Test
    void aPolicyFileThatDoesNotExistIsOneLineNamingIt() {
      String missing = tmp.resolve("missing-policy.yaml").toString();
      CliRun run = CliRun.of("analyze", GOOD_MANIFEST, "--policy", missing);
      assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(run.stdout()).isEmpty();
      assertThat(run.stderr().lines().toList())
          .singleElement()
          .asString()
          .startsWith("kubeload: " + missing + ": ");
    }

    @Test
    void aPolicyFileThatDoesNotExistIsReportedWithoutJavaExceptionNames() {
      String missing = tmp.resolve("missing-policy.yaml").toString();
      assertRejectedUsage("--policy", missing);
    }

    @Test
    void anOutputPathThatCannotBeWrittenIsOneLineWithoutJavaExceptionNames() throws IOException {
      Path notAFolder = Files.writeString(tmp.resolve("plain-file"), "x");
      CliRun run =
          CliRun.of(
              "analyze", GOOD_MANIFEST, "--output", notAFolder.resolve("report.json").toString());
      assertOneLineError(run, "report.json");
    }
  }

  @Nested
  class NothingToAnalyse {

    @Test
    void anEmptyFileIsNothingToJudge() throws IOException {
      Path empty = Files.writeString(tmp.resolve("empty.yaml"), "");
      assertOneLineError(
          CliRun.of("analyze", empty.toString()),
          empty + ": no workload",
          "among its 0 objects",
          "did the render");
    }

    @Test
    void aFileOfSeparatorsCommentsAndConfigurationIsNothingToJudge() throws IOException {
      Path file =
          Files.writeString(
              tmp.resolve("comments.yaml"),
              "---\n# Source: web/templates/disabled.yaml\n---\n" + serviceAccount("a"));
      assertOneLineError(
          CliRun.of("analyze", file.toString(), "--format", "json"),
          file + ": no workload",
          "among its 1 object:");
    }

    @Test
    void emptyStdinAsksWhetherTheRenderFailed() {
      for (String format : List.of("text", "json", "sarif")) {
        CliRun run = CliRun.withStdin(new byte[0], "analyze", "-", "--format", format);
        assertOneLineError(run, "kubeload: <stdin>: read nothing from stdin: did the render fail?");
        assertThat(run.stdout()).isEmpty();
      }
      assertOneLineError(
          CliRun.withStdin(
              "---\n# Source: x/templates/a.yaml\n".getBytes(StandardCharsets.UTF_8),
              "analyze",
              "-"),
          "kubeload: <stdin>: no Kubernetes object on stdin",
          "did the render fail?");
    }

    @Test
    void aBaselineWithWorkloadsMakesAnEmptyChangeARemoval(@TempDir Path empty) throws IOException {
      Path none = Files.writeString(empty.resolve("none.yaml"), serviceAccount("a"));
      CliRun run = CliRun.of("analyze", none.toString(), "--baseline", GOOD_MANIFEST);
      assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.PASS);
      assertThat(run.stdout()).contains("1 removed");
    }
  }

  @Nested
  class OutputFile {

    @Test
    void aSuccessfulRunWritesTheWholeReportToTheFileAndNothingToStdout() throws IOException {
      Path report = tmp.resolve("reports/report.json");
      CliRun toStdout = CliRun.of("analyze", GOOD_MANIFEST, "--format", "json");
      CliRun toFile =
          CliRun.of("analyze", GOOD_MANIFEST, "--format", "json", "--output", report.toString());

      assertThat(toFile.exitCode())
          .isEqualTo(toStdout.exitCode())
          .isIn(ExitCode.PASS, ExitCode.FAIL);
      assertThat(toFile.stdout()).isEmpty();
      assertThat(toFile.stderr()).isEmpty();
      assertThat(report).content(StandardCharsets.UTF_8).isEqualTo(toStdout.stdout());
      assertThat(new JsonMapper().readTree(report.toFile()).path("schemaVersion").asInt())
          .isEqualTo(1);
      try (Stream<Path> files = Files.list(report.getParent())) {
        assertThat(files).as("no temporary file left beside the report").containsExactly(report);
      }
    }

    @Test
    void anExistingReportIsReplacedWhole() throws IOException {
      Path report = Files.writeString(tmp.resolve("report.txt"), "stale line\n".repeat(10_000));
      CliRun toStdout = CliRun.of("analyze", GOOD_MANIFEST);
      CliRun toFile = CliRun.of("analyze", GOOD_MANIFEST, "--output", report.toString());

      assertThat(toFile.exitCode()).isEqualTo(toStdout.exitCode());
      assertThat(report)
          .content(StandardCharsets.UTF_8)
          .isEqualTo(toStdout.stdout())
          .doesNotContain("stale line");
    }
  }

  /** One ServiceAccount, the smallest object kubeload reads. */
  private static String serviceAccount(String name) {
    return "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: "
        + name
        + "\n  namespace: shop\n";
  }

  /** {@code size} bytes of well-formed YAML comments, produced as they are read: nothing is held. */
  private static InputStream endlessComments(long size) {
    byte[] line =
        "# a comment line of a very large rendered chart, repeated\n"
            .getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      long position;

      @Override
      public int read() {
        return position < size ? line[(int) (position++ % line.length)] : -1;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
          return -1;
        }
        int count = (int) Math.min(length, size - position);
        for (int i = 0; i < count; i++) {
          buffer[offset + i] = line[(int) (position++ % line.length)];
        }
        return count;
      }
    };
  }

  @Nested
  class Limits {

    @Test
    void anAliasBombNamesTheFlagThatRaisesTheAliasLimit() {
      assertRejectedFile("alias-bomb.yaml", 17, "raise it with --max-aliases");
    }

    @Test
    void nestingDeeperThanTheLimitNamesTheFlagAndALineInsideTheDocument() throws IOException {
      StringBuilder yaml =
          new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n");
      for (int depth = 0; depth < 150; depth++) {
        yaml.append("  ".repeat(depth + 1)).append("k").append(depth).append(":\n");
      }
      Path file = Files.writeString(tmp.resolve("deep.yaml"), yaml);
      String message =
          assertRejected(List.of("analyze", file.toString()), file + ":", "--max-nesting-depth");
      assertThat(message)
          .matches("kubeload: .*deep\\.yaml:(\\d+): .*")
          .contains("the limit is 100");
      int line = Integer.parseInt(message.replaceAll(".*deep\\.yaml:(\\d+): .*", "$1"));
      assertThat(line).isBetween(100, 110);

      CliRun raised = CliRun.of("analyze", file.toString(), "--max-nesting-depth", "200");
      assertThat(raised.stderr())
          .startsWith("kubeload: " + file + ":")
          .doesNotContain("--max-nesting-depth");
    }

    @Test
    void aDocumentWithMoreCharactersThanTheLimitNamesTheFlag() throws IOException {
      Path file =
          Files.writeString(
              tmp.resolve("long.yaml"),
              serviceAccount("short")
                  + "---\n"
                  + serviceAccount("long")
                  + "  annotations:\n    note: "
                  + "x".repeat(2_000)
                  + "\n");
      assertRejected(
          List.of("analyze", file.toString(), "--max-document-chars", "1000"),
          file + ":",
          "--max-document-chars",
          "the limit is 1,000");
      assertReadWhole(CliRun.of("analyze", file.toString()), 2);
    }

    @Test
    void documentsAreCountedAcrossFilesAndTheOneOverTheLimitIsNamedByFileAndLine()
        throws IOException {
      String three =
          serviceAccount("a") + "---\n" + serviceAccount("b") + "---\n" + serviceAccount("c");
      Path first = Files.writeString(tmp.resolve("1.yaml"), three);
      Path second =
          Files.writeString(tmp.resolve("2.yaml"), three.replace("name: ", "name: second-"));
      // Document 6 of the run is the third of 2.yaml, which starts on line 13.
      assertRejected(
          List.of("analyze", first.toString(), second.toString(), "--max-documents", "5"),
          second + ":13: ",
          "raise it with --max-documents");
      assertReadWhole(
          CliRun.of("analyze", first.toString(), second.toString(), "--max-documents", "6"), 6);
    }

    @Test
    void aFolderOfTenThousandFilesIsReadWholeAndOneFileMoreThanTheLimitIsAnError()
        throws IOException {
      Path folder = tmp.resolve("ten-thousand");
      for (int i = 0; i < 10_000; i++) {
        Path chart =
            Files.createDirectories(folder.resolve("chart-" + (i / 100)).resolve("templates"));
        Files.writeString(chart.resolve("sa-" + i + ".yaml"), serviceAccount("sa-" + i));
      }
      assertReadWhole(CliRun.of("analyze", folder.toString(), "--format", "json"), 10_000);

      assertRejected(
          List.of("analyze", folder.toString(), "--max-files", "9999"),
          "kubeload: " + folder + ": ",
          "more manifest files than one run reads",
          "--max-files");
    }

    @Test
    void aTwoHundredMegabyteFileIsRejectedBeforeItIsRead() throws IOException {
      Path file = tmp.resolve("huge.yaml");
      byte[] mebibyte = endlessComments(1 << 20).readAllBytes();
      try (OutputStream out = Files.newOutputStream(file)) {
        for (int i = 0; i < 200; i++) {
          out.write(mebibyte);
        }
      }
      assertThat(Files.size(file)).isEqualTo(200L << 20);
      String message =
          assertRejected(
              List.of("analyze", file.toString()), "kubeload: " + file + ": ", "--max-input-bytes");
      assertThat(message).contains("the limit is 33,554,432");
    }

    @Test
    void twoHundredMegabytesOnStdinStopAtTheLimitWithoutHoldingTheRest() {
      CliRun run = CliRun.withStdin(endlessComments(200L << 20), "analyze", "-");
      assertOneLineError(run, "kubeload: <stdin>: ", "raise it with --max-input-bytes");
    }

    @Test
    void theByteLimitCoversAllInputsTogether() throws IOException {
      Path first = Files.writeString(tmp.resolve("a.yaml"), serviceAccount("a"));
      Path second = Files.writeString(tmp.resolve("b.yaml"), serviceAccount("b"));
      long both = Files.size(first) + Files.size(second);
      assertRejected(
          List.of(
              "analyze",
              first.toString(),
              second.toString(),
              "--max-input-bytes",
              String.valueOf(both - 1)),
          "kubeload: " + second + ": ",
          "--max-input-bytes");
      assertReadWhole(
          CliRun.of(
              "analyze",
              first.toString(),
              second.toString(),
              "--max-input-bytes",
              String.valueOf(both)),
          2);
    }

    @Test
    void aLimitBelowOneIsAUsageError() {
      assertThat(assertRejectedUsage("--max-documents", "0")).contains("--max-");
    }

    @Test
    void explainTakesTheSameLimits() {
      String path = fixture("alias-bomb.yaml");
      CliRun run = CliRun.of("explain", "Deployment/x", path, "--max-aliases", "2");
      assertOneLineError(run, path + ":", "the limit is 2: raise it with --max-aliases");
    }
  }

  @Nested
  class MoreMalformedInput {

    @Test
    void anAliasInsideTheListItNamesIsRejectedAtTheAnchor() {
      assertRejectedFile("recursive-alias.yaml", 8, "holds an alias to itself");
    }

    @Test
    void aTagThatDecodesToAControlCharacterNamesItsLine() {
      assertRejectedFile("tag-control-character.yaml", 4, "invalid YAML tag");
    }

    @Test
    void aTabUsedForIndentationNamesItsLine() {
      assertRejectedFile("tab-indentation.yaml", 4, "TAB");
    }

    @Test
    void aNumberTooLargeForReplicasNamesTheLineOfReplicas() {
      assertRejectedFile("huge-replicas.yaml", 9, "spec.replicas");
    }

    @Test
    void aCustomResourceOfAnUnknownKindIsAcceptedAsKubernetesWouldWithItsCrd() {
      CliRun run = CliRun.of("analyze", fixture("custom-resource.yaml"), GOOD_MANIFEST);
      assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.PASS);
      assertThat(run.stderr()).isEmpty();
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndingsGiveTheSameReportAsThePlainFile() throws IOException {
      String plain = Files.readString(Path.of(GOOD_MANIFEST));
      Path plainCopy =
          Files.writeString(
              Files.createDirectories(tmp.resolve("plain")).resolve("web.yaml"), plain);
      Path windows = Files.createDirectories(tmp.resolve("windows")).resolve("web.yaml");
      Files.write(
          windows, ("\uFEFF" + plain.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
      for (String format : List.of("text", "json")) {
        CliRun expected = CliRun.of("analyze", plainCopy.toString(), "--format", format);
        CliRun actual = CliRun.of("analyze", windows.toString(), "--format", format);
        assertThat(actual.exitCode()).isEqualTo(expected.exitCode());
        assertThat(actual.stdout().replace(windows.toString(), "FILE"))
            .isEqualTo(expected.stdout().replace(plainCopy.toString(), "FILE"));
      }
    }

    @Test
    void aFileRootCannotReadEitherIsOneLineNamingIt() throws IOException {
      // /proc/self/mem is a regular file that fails to read from offset 0, even for root.
      Path mem = Path.of("/proc/self/mem");
      Assumptions.assumeTrue(Files.isRegularFile(mem), "needs Linux's /proc");
      Path link = Files.createSymbolicLink(tmp.resolve("unreadable.yaml"), mem);
      assertRejected(List.of("analyze", link.toString()), "kubeload: " + link + ": cannot read: ");
    }

    @Test
    void aLinkToNothingInAFolderIsNamedNotSkipped() throws IOException {
      Path folder = Files.createDirectories(tmp.resolve("dangling"));
      Files.writeString(folder.resolve("good.yaml"), serviceAccount("good"));
      Path dangling =
          Files.createSymbolicLink(folder.resolve("gone.yaml"), folder.resolve("deleted.yaml"));
      assertRejected(
          List.of("analyze", folder.toString()),
          "kubeload: " + dangling + ": ",
          "not a regular file");
    }

    @Test
    void aLinkToItselfInAFolderIsNamedNotSkipped() throws IOException {
      Path folder = Files.createDirectories(tmp.resolve("self"));
      Path self =
          Files.createSymbolicLink(folder.resolve("self.yaml"), folder.resolve("self.yaml"));
      assertRejected(List.of("analyze", folder.toString()), "kubeload: " + self + ": ");
    }

    @Test
    void aClosedStdinIsOneLineNamingStdin() {
      InputStream closed =
          new InputStream() {
            @Override
            public int read() throws IOException {
              throw new IOException("Stream closed");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
              return read();
            }
          };
      CliRun run = CliRun.withStdin(closed, "analyze", "-");
      assertOneLineError(run, "kubeload: <stdin>: cannot read: Stream closed");
    }
  }

  /** The launcher's half (it sees fd 0 closed and sets KUBELOAD_STDIN) is in the kubeload script. */
  @Test
  void aProcessWhoseStdinTheLauncherFoundClosedSaysSo() throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "analyze",
            "-");
    builder.environment().put("KUBELOAD_STDIN", "closed");
    Process process =
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(err).isEqualTo(ExitCode.USAGE);
    assertThat(out).isEmpty();
    assertThat(err).isEqualTo("kubeload: <stdin>: cannot read: standard input is closed\n");
  }

  /** Profiles and policies are read with the same reader and limits as manifests. */
  @Nested
  class ProfileAndPolicyFiles {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
      "--profile, profile-wrong-type.yaml, 14, spec.nodes must be a number",
      "--profile, profile-malformed.yaml, 7, invalid YAML",
      "--profile, profile-unknown-key.yaml, 7, unknown key 'nodez'",
      "--profile, alias-bomb.yaml, 17, --max-aliases",
      "--profile, billion-laughs.yaml, 0, alias bomb",
      "--profile, binary.yaml, 6, binary",
      "--profile, latin1.yaml, 3, UTF-8",
      "--profile, utf16.yaml, 1, UTF-16",
      "--policy, policy-wrong-type.yaml, 5, must be a number, not 'high'",
      "--policy, policy-negative.yaml, 5, must be at least 0",
      "--policy, policy-malformed.yaml, 0, invalid YAML",
      "--policy, policy-unknown-key.yaml, 6, startupRejection",
      "--policy, alias-bomb.yaml, 17, --max-aliases",
      "--policy, billion-laughs.yaml, 0, alias bomb",
      "--policy, binary.yaml, 6, binary",
      "--policy, latin1.yaml, 3, UTF-8",
      "--policy, utf16.yaml, 1, UTF-16",
    })
    void aBadFileIsOneLineNamingTheFileAndLine(
        String flag, String fixtureName, int line, String problem) {
      String file = fixture(fixtureName);
      String where = line > 0 ? file + ":" + line + ": " : file + ":";
      assertThat(assertRejectedUsage(flag, file))
          .startsWith("kubeload: " + where)
          .contains(problem);
    }

    @Test
    void aProfileOrPolicyLargerThanTheByteLimitIsRejectedBeforeItIsRead() {
      for (String flag : List.of("--profile", "--policy")) {
        String file =
            fixture(
                flag.equals("--profile") ? "profile-wrong-type.yaml" : "policy-wrong-type.yaml");
        assertThat(assertRejectedUsage(flag, file, "--max-input-bytes", "64"))
            .startsWith("kubeload: " + file + ": ")
            .contains("--max-input-bytes");
      }
    }

    @Test
    void anEmptyPolicyFileNamesItsFirstLine() throws IOException {
      Path empty = Files.writeString(tmp.resolve("policy.yaml"), "");
      assertThat(assertRejectedUsage("--policy", empty.toString()))
          .startsWith("kubeload: " + empty + ":1: ");
    }
  }

  @org.junit.jupiter.api.Test
  void explainingAWorkloadThatIsNotThereNamesTheOnesThatAre() {
    CliRun run =
        CliRun.of("explain", "DaemonSet/nope/nope", "samples/manifests/web-deployment.yaml");
    org.assertj.core.api.Assertions.assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    org.assertj.core.api.Assertions.assertThat(run.stderr().strip())
        .isEqualTo(
            "kubeload: no workload DaemonSet/nope/nope in the inputs (workloads: Deployment/shop/shop-web)");
  }
}
