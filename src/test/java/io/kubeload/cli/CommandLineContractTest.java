package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every command and subcommand shows a user, pinned byte for byte: its {@code --help} (the
 * files under {@code cli/help/}), a usage error each (unknown option, missing value, bad value) and
 * the exit codes, whatever builds the command line.
 */
class CommandLineContractTest {

  private static final String WEB = "samples/manifests/web-deployment.yaml";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "analyze",
        "explain",
        "profile",
        "profile show",
        "profile list",
        "profile validate",
        "profile from-metrics",
        "profile capture",
        "catalog",
        "catalog list",
        "catalog show",
        "init"
      })
  void helpIsPinned(String command) throws IOException {
    String[] words = command.isEmpty() ? new String[0] : command.split(" ");
    String name = command.isEmpty() ? "kubeload" : "kubeload-" + String.join("-", words);
    String expected =
        Files.readString(
            Path.of("src/test/resources/cli/help/" + name + ".txt"), StandardCharsets.UTF_8);
    CliRun run =
        CliRun.of(Stream.concat(Stream.of(words), Stream.of("--help")).toArray(String[]::new));
    assertThat(run.exitCode()).isZero();
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "profile", "catalog"})
  void aCommandWithoutItsSubcommandPrintsItsHelp(String command) {
    String[] words = command.isEmpty() ? new String[0] : command.split(" ");
    CliRun bare = CliRun.of(words);
    assertThat(bare.exitCode()).isZero();
    assertThat(bare.stdout())
        .isEqualTo(
            CliRun.of(Stream.concat(Stream.of(words), Stream.of("--help")).toArray(String[]::new))
                .stdout());
  }

  @Test
  void onlyTheTopLevelCommandPrintsAVersion() {
    CliRun version = CliRun.of("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.stdout()).matches("kubeload \\S+\\R");
    CliRun sub = CliRun.of("analyze", "-V");
    assertThat(sub.exitCode()).isZero();
    assertThat(sub.stdout()).isEmpty();
    assertThat(sub.stderr()).isEmpty();
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of("--bogus", "Unknown option: '--bogus' (see 'kubeload --help')"),
        Arguments.of(
            "analyse",
            "Unmatched argument at index 0: 'analyse' (did you mean analyze?) (see 'kubeload --help')"),
        Arguments.of(
            "analyze --formt json",
            "Unknown option: '--formt' (did you mean --format?) (see 'kubeload analyze --help')"),
        Arguments.of(
            "analyze --format",
            "Missing required parameter for option '--format' (FORMAT) (see 'kubeload analyze --help')"),
        Arguments.of(
            "analyze --nodes",
            "Missing required parameter for option '--nodes' (N) (see 'kubeload analyze --help')"),
        Arguments.of(
            "analyze --nodes abc",
            "Invalid value for option '--nodes': 'abc' is not an int (see 'kubeload analyze --help')"),
        Arguments.of(
            "analyze --simulate-seconds x",
            "Invalid value for option '--simulate-seconds': 'x' is not a double (see 'kubeload analyze --help')"),
        Arguments.of(
            "analyze --max-files 1.5",
            "Invalid value for option '--max-files': '1.5' is not an int (see 'kubeload analyze --help')"),
        Arguments.of(
            "analyze --max-input-bytes x",
            "Invalid value for option '--max-input-bytes': 'x' is not a long (see 'kubeload analyze --help')"),
        Arguments.of(
            "analyze --render-timeout x",
            "Invalid value for option '--render-timeout': 'x' is not a long (see 'kubeload analyze --help')"),
        // explain's WORKLOAD comes first and takes what follows it.
        Arguments.of(
            "explain --bogus",
            "Missing required parameter: 'WORKLOAD' (see 'kubeload explain --help')"),
        Arguments.of(
            "explain", "Missing required parameter: 'WORKLOAD' (see 'kubeload explain --help')"),
        Arguments.of(
            "explain --nodes x",
            "Invalid value for option '--nodes': 'x' is not an int (see 'kubeload explain --help')"),
        Arguments.of(
            "explain w --max-aliases",
            "Missing required parameter for option '--max-aliases' (N) (see 'kubeload explain --help')"),
        Arguments.of(
            "profile --bogus", "Unknown option: '--bogus' (see 'kubeload profile --help')"),
        Arguments.of(
            "prfile list",
            "Unmatched arguments from index 0: 'prfile', 'list' (did you mean profile?) (see 'kubeload --help')"),
        Arguments.of(
            "profile show",
            "Missing required parameter: 'NAME' (see 'kubeload profile show --help')"),
        Arguments.of(
            "profile show a --bogus",
            "Unknown option: '--bogus' (see 'kubeload profile show --help')"),
        Arguments.of(
            "profile list x",
            "Unmatched argument at index 2: 'x' (see 'kubeload profile list --help')"),
        Arguments.of(
            "profile validate",
            "Missing required parameter: 'FILE' (see 'kubeload profile validate --help')"),
        Arguments.of(
            "profile validate f --bogus",
            "Unknown option: '--bogus' (see 'kubeload profile validate --help')"),
        Arguments.of(
            "profile from-metrics",
            "Missing required parameter: 'FILE' (see 'kubeload profile from-metrics --help')"),
        Arguments.of(
            "profile from-metrics m --interval x",
            "Invalid value for option '--interval': 'x' is not a double (see 'kubeload profile from-metrics --help')"),
        Arguments.of(
            "profile from-metrics m --api-servers x",
            "Invalid value for option '--api-servers': 'x' is not an int (see 'kubeload profile from-metrics --help')"),
        Arguments.of(
            "profile from-metrics m --earlier",
            "Missing required parameter for option '--earlier' (FILE) (see 'kubeload profile from-metrics --help')"),
        Arguments.of(
            "profile capture --qps x",
            "Invalid value for option '--qps': 'x' is not a double (see 'kubeload profile capture --help')"),
        Arguments.of(
            "profile capture --max-requests",
            "Missing required parameter for option '--max-requests' (N) (see 'kubeload profile capture --help')"),
        Arguments.of(
            "profile capture --bogus",
            "Unknown option: '--bogus' (see 'kubeload profile capture --help')"),
        Arguments.of(
            "catalog --bogus", "Unknown option: '--bogus' (see 'kubeload catalog --help')"),
        Arguments.of(
            "catalog show",
            "Missing required parameter: 'NAME' (see 'kubeload catalog show --help')"),
        Arguments.of(
            "catalog list x",
            "Unmatched argument at index 2: 'x' (see 'kubeload catalog list --help')"),
        Arguments.of("init --bogus", "Unknown option: '--bogus' (see 'kubeload init --help')"),
        Arguments.of(
            "init --dir",
            "Missing required parameter for option '--dir' (DIR) (see 'kubeload init --help')"),
        Arguments.of(
            "init --base",
            "Missing required parameter for option '--base' (PRESET) (see 'kubeload init --help')"));
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void aUsageErrorIsOneLineAndExitTwo(String args, String message) {
    CliRun run = CliRun.of(args.split(" "));
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).isEqualTo("kubeload: " + message + System.lineSeparator());
  }

  /**
   * {@code --format} and {@code --output} pair up in the order given: an option already given in
   * the current pair starts the next one.
   */
  @Test
  void formatsAndOutputsPairUpInOrder() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    CliRun run =
        CliRun.of(
            "analyze",
            WEB,
            "--output",
            a.toString(),
            "--format",
            "json",
            "--format",
            "markdown",
            "--output",
            b.toString(),
            "--output",
            c.toString(),
            "--format",
            "html");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEmpty();
    assertThat(Files.readString(a)).startsWith("{");
    assertThat(Files.readString(b)).startsWith("### ");
    assertThat(Files.readString(c)).startsWith("<!DOCTYPE html>");
    assertThat(CliRun.of("analyze", WEB, "--format", "json", "--format", "text").stderr())
        .startsWith("kubeload: formats json and text would both go to stdout");
    assertThat(CliRun.of("analyze", WEB, "--output", a.toString(), "--output", a.toString()))
        .satisfies(
            twice -> {
              assertThat(twice.exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(twice.stderr()).contains("is named twice");
            });
    Path d = dir.resolve("d");
    Path e = dir.resolve("e");
    CliRun texts = CliRun.of("analyze", WEB, "--output", d.toString(), "--output", e.toString());
    assertThat(texts.exitCode()).isZero();
    assertThat(Files.readString(d)).isEqualTo(Files.readString(e)).startsWith("kubeload");
  }
}
