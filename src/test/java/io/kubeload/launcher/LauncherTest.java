package io.kubeload.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code ./kubeload} launcher and its class cache (an AppCDS archive, or an AOT cache on JDK
 * 25+), run as a user runs it. Bound to Maven's integration-test phase, after the jar is packaged:
 * the launcher would otherwise build it from inside the build. JDKs: the one running the build,
 * and a JDK 25+ under /usr/lib/jvm when one is there.
 */
class LauncherTest {

  @TempDir Path cache;

  record Jdk(String home, int version) {
    @Override
    public String toString() {
      return "JDK " + version;
    }
  }

  record Run(int exitCode, String stdout, String stderr) {}

  static Stream<Jdk> jdks() throws IOException {
    List<Jdk> out =
        new ArrayList<>(
            List.of(new Jdk(System.getProperty("java.home"), Runtime.version().feature())));
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> homes = Files.list(jvms)) {
        homes
            .filter(home -> Files.isExecutable(home.resolve("bin/java")))
            .map(home -> new Jdk(home.toString(), versionOf(home)))
            .filter(jdk -> jdk.version() >= 25)
            .findFirst()
            .ifPresent(out::add);
      }
    }
    return out.stream();
  }

  private static int versionOf(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=\"")) {
          return Integer.parseInt(line.substring(14).split("[.\"]", -1)[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private Run launch(Jdk jdk, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("./kubeload"));
    command.addAll(List.of(args));
    return launch(jdk, new ProcessBuilder(command));
  }

  private Run launch(Jdk jdk, ProcessBuilder builder) throws IOException, InterruptedException {
    builder.environment().put("JAVA_HOME", jdk.home());
    builder.environment().put("XDG_CACHE_HOME", cache.toString());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("KUBELOAD_CDS");
    Path out = Files.createTempFile(cache, "out", ".txt");
    Path err = Files.createTempFile(cache, "err", ".txt");
    Process process =
        builder
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    process.getOutputStream().close();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    Run run =
        new Run(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  private List<String> cached() throws IOException {
    Path dir = cache.resolve("kubeload");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void theFirstAnalysisCreatesTheCacheAndEveryRunPrintsTheSameReport(Jdk jdk) throws Exception {
    Run first = launch(jdk, "analyze", "samples/manifests/web-deployment.yaml", "--format", "json");
    Run second =
        launch(jdk, "analyze", "samples/manifests/web-deployment.yaml", "--format", "json");

    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stderr()).isEmpty();
    assertThat(second).isEqualTo(first);
    assertThat(first.stdout()).startsWith("{");
    // Keyed by the jar's size and modification time (in nanoseconds), as JDK 17 validates it.
    Path jar = Path.of("target/kubeload-all.jar");
    assertThat(cached())
        .containsExactly(
            "app-"
                + Files.size(jar)
                + "-"
                + Files.getLastModifiedTime(jar).to(TimeUnit.NANOSECONDS)
                + "-java"
                + jdk.version()
                + (jdk.version() >= 25 ? ".aot" : ".jsa"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void commandsThatDoNotAnalyseNeitherTrainNorUseACache(Jdk jdk) throws Exception {
    Run version = launch(jdk, "--version");
    Run profiles = launch(jdk, "profile", "list");

    assertThat(version.exitCode()).isZero();
    assertThat(profiles.exitCode()).isZero();
    assertThat(cached()).isEmpty();
  }

  /** The cache is trained on the samples, so a first analysis that fails still leaves a whole one. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aFirstAnalysisThatFailsStillTrainsTheCacheAndReportsOnlyItsOwnError(Jdk jdk)
      throws Exception {
    Run missing = launch(jdk, "analyze", "no-such-file.yaml");
    Run usage = launch(jdk, "analyze", "samples/manifests/web-deployment.yaml", "--no-such-flag");

    assertThat(missing)
        .isEqualTo(new Run(2, "", "kubeload: no-such-file.yaml: no such file or folder\n"));
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.stderr())
        .startsWith("kubeload: Unknown option: '--no-such-flag'")
        .hasLineCount(1);
    assertThat(cached()).singleElement().asString().doesNotContain("tmp").doesNotContain("conf");
  }

  @org.junit.jupiter.api.Test
  void aMissingJavaIsOneLineAndExitTwoNot127() throws Exception {
    Path bin = tools("bash", "dirname", "readlink");
    Run noJava = launchWith(Path.of("kubeload"), Map.of("PATH", bin.toString()), "--version");
    assertThat(noJava)
        .isEqualTo(
            new Run(
                2,
                "",
                "kubeload: needs Java 17+, and there is no java on the PATH: install a JDK 17+ (e.g. Temurin) or set JAVA_HOME\n"));

    Run badHome =
        launchWith(
            Path.of("kubeload"),
            Map.of("PATH", bin.toString(), "JAVA_HOME", "/nonexistent"),
            "--version");
    assertThat(badHome.exitCode()).isEqualTo(2);
    assertThat(badHome.stderr())
        .startsWith("kubeload: needs Java 17+, and JAVA_HOME=/nonexistent has no bin/java")
        .hasLineCount(1);
  }

  @org.junit.jupiter.api.Test
  void aBuildWithoutMavenIsOneLineNamingTheWayOut() throws Exception {
    // A checkout with no jar yet, on a machine with Java but no Maven.
    Path checkout = Files.createDirectories(cache.resolve("checkout"));
    Files.copy(
        Path.of("kubeload"),
        checkout.resolve("kubeload"),
        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    Path bin =
        tools(
            "bash",
            "dirname",
            "readlink",
            "find",
            "sed",
            "grep",
            "du",
            "cut",
            "cksum",
            "mkdir",
            "ls",
            "tail",
            "rm",
            "mv");
    Files.createSymbolicLink(
        bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin/java"));
    Run run = launchWith(checkout.resolve("kubeload"), Map.of("PATH", bin.toString()), "--version");
    assertThat(run)
        .isEqualTo(
            new Run(
                2,
                "",
                "kubeload: no released jar could be had, and building target/kubeload-all.jar needs "
                    + "Maven 3.8.7+, which is not on the PATH: install Maven, or set KUBELOAD_JAR to a released kubeload-all.jar\n"));

    Run released =
        launchWith(
            checkout.resolve("kubeload"),
            Map.of(
                "PATH",
                bin.toString(),
                "KUBELOAD_JAR",
                Path.of("target/kubeload-all.jar").toAbsolutePath().toString()),
            "--version");
    assertThat(released.exitCode()).as(released.stderr()).isZero();
    assertThat(released.stdout()).startsWith("kubeload ");
  }

  @org.junit.jupiter.api.Test
  void withoutMavenTheReleasedJarIsDownloadedOnceAndRunOnlyWhenItsChecksumMatches()
      throws Exception {
    Path checkout = Files.createDirectories(cache.resolve("checkout"));
    Files.copy(
        Path.of("kubeload"),
        checkout.resolve("kubeload"),
        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(Path.of("pom.xml"), checkout.resolve("pom.xml"));
    Path release = Files.createDirectories(cache.resolve("release"));
    Files.copy(Path.of("target/kubeload-all.jar"), release.resolve("kubeload-all.jar"));
    Files.copy(
        Path.of("target/kubeload-all.jar.sha256"), release.resolve("kubeload-all.jar.sha256"));
    Path bin =
        tools(
            "bash",
            "dirname",
            "readlink",
            "find",
            "sed",
            "grep",
            "du",
            "cut",
            "cksum",
            "mkdir",
            "ls",
            "tail",
            "rm",
            "mv",
            "curl",
            "sha256sum");
    Files.createSymbolicLink(
        bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin/java"));
    Map<String, String> env =
        Map.of(
            "PATH",
            bin.toString(),
            "KUBELOAD_RELEASE_URL",
            release.toUri().toString(),
            "XDG_CACHE_HOME",
            cache.resolve("user-cache").toString(),
            "KUBELOAD_CDS",
            "0");

    Run first = launchWith(checkout.resolve("kubeload"), env, "--version");
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stdout()).startsWith("kubeload ");
    assertThat(first.stderr()).startsWith("kubeload: downloading the released kubeload-all.jar ");
    Run second = launchWith(checkout.resolve("kubeload"), env, "--version");
    assertThat(second).isEqualTo(new Run(0, first.stdout(), ""));

    Files.writeString(
        release.resolve("kubeload-all.jar.sha256"), "0".repeat(64) + "  kubeload-all.jar\n");
    Map<String, String> fresh = new java.util.HashMap<>(env);
    fresh.put("XDG_CACHE_HOME", cache.resolve("other-cache").toString());
    Run tampered = launchWith(checkout.resolve("kubeload"), fresh, "--version");
    assertThat(tampered.exitCode()).isEqualTo(2);
    assertThat(tampered.stdout()).isEmpty();
    assertThat(tampered.stderr().lines().toList())
        .last()
        .asString()
        .startsWith("kubeload: the downloaded kubeload-all.jar ")
        .contains("does not match its published sha256")
        .endsWith(": not run");
    assertThat(cache.resolve("other-cache/kubeload"))
        .isDirectoryNotContaining("glob:**/kubeload-all.jar");
  }

  /**
   * The heap limit the launcher gives the JVM, read from a stand-in {@code java} that prints it:
   * a small input gets the 1 GB floor, a larger one 256 MB and 8 times its size, and no input more
   * than half of the machine's memory; from 16 MB the heap starts at 256 MB and 8 times the input.
   * The inputs are sparse files: only their size is read.
   */
  @org.junit.jupiter.api.Test
  void theHeapLimitFollowsTheInputWithAFloorAndAtMostHalfTheMachine() throws Exception {
    Map<String, String> env = printingFlags("stand-in-jdk", "-Xm[xs]*");

    assertThat(
            launchWith(
                Path.of("kubeload"), env, "analyze", "samples/manifests/web-deployment.yaml"))
        .isEqualTo(new Run(0, "-Xmx1024m\n", ""));
    assertThat(
            launchWith(
                Path.of("kubeload"), env, "analyze", sparse("fleet.yaml", 200L << 20).toString()))
        .isEqualTo(new Run(0, "-Xms" + (256 + 8 * 200) + "m\n-Xmx" + (256 + 8 * 200) + "m\n", ""));
    assertThat(
            launchWith(
                Path.of("kubeload"),
                env,
                "analyze",
                sparse("repository.yaml", 51L << 20).toString()))
        .isEqualTo(new Run(0, "-Xms" + (256 + 8 * 51) + "m\n-Xmx1024m\n", ""));
    assertThat(
            launchWith(
                Path.of("kubeload"), env, "analyze", sparse("release.yaml", 15L << 20).toString()))
        .isEqualTo(new Run(0, "-Xmx1024m\n", ""));

    long machineMb =
        Files.readAllLines(Path.of("/proc/meminfo")).stream()
            .filter(l -> l.startsWith("MemTotal:"))
            .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
            .findFirst()
            .orElseThrow();
    Run huge =
        launchWith(
            Path.of("kubeload"), env, "analyze", sparse("huge.yaml", machineMb << 20).toString());
    List<Long> heap =
        huge.stdout().lines().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).toList();
    assertThat(heap.get(1)).isBetween(1024L, Math.max(1024L, machineMb / 2));
    assertThat(huge.stdout()).startsWith("-Xms" + heap.get(1) + "m\n-Xmx");
  }

  /**
   * The launcher asks for transparent huge pages exactly where the kernel gives them on request
   * ({@code madvise}): read from a stand-in {@code java} that prints the flag when given it.
   */
  @org.junit.jupiter.api.Test
  void hugePagesAreAskedForWhereTheKernelGivesThemOnRequest() throws Exception {
    Map<String, String> env = printingFlags("stand-in-jdk-thp", "*TransparentHugePages*");
    Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean onRequest =
        Files.isReadable(setting) && Files.readString(setting).contains("[madvise]");

    assertThat(
            launchWith(
                Path.of("kubeload"), env, "analyze", "samples/manifests/web-deployment.yaml"))
        .isEqualTo(new Run(0, onRequest ? "-XX:+UseTransparentHugePages\n" : "", ""));
  }

  /**
   * A short run compiles in one C1 thread and inlines less, below 4 MB of input; a larger one keeps
   * the JVM's compiler threads and inlining (sparse inputs: only their size is read).
   */
  @org.junit.jupiter.api.Test
  void aSmallInputCompilesInOneThreadAndInlinesLess() throws Exception {
    Map<String, String> env =
        printingFlags("stand-in-jdk-c1", "-XX:CICompilerCount=*|-XX:C1MaxInlineSize=*");
    String small = "-XX:CICompilerCount=1\n-XX:C1MaxInlineSize=16\n";

    assertThat(
            launchWith(
                Path.of("kubeload"), env, "analyze", "samples/manifests/web-deployment.yaml"))
        .isEqualTo(new Run(0, small, ""));
    assertThat(launchWith(Path.of("kubeload"), env, "--version")).isEqualTo(new Run(0, small, ""));
    assertThat(
            launchWith(
                Path.of("kubeload"),
                env,
                "analyze",
                sparse("under.yaml", (4L << 20) - 1).toString()))
        .isEqualTo(new Run(0, small, ""));
    assertThat(
            launchWith(
                Path.of("kubeload"),
                env,
                "analyze",
                sparse("four-megabytes.yaml", 4L << 20).toString()))
        .isEqualTo(new Run(0, "", ""));
  }

  /**
   * On JDK 17 the class cache is a static archive dumped after the training run: a dump that fails
   * (here a stand-in {@code java} that leaves half an archive behind) publishes no cache, and the
   * run goes on without one.
   */
  @org.junit.jupiter.api.Test
  void aFailedArchiveDumpPublishesNoCache() throws Exception {
    Path home =
        standInJdk17(
            "failing-dump-jdk",
            """
        #!/bin/sh
        dump=false; archive=""
        for a in "$@"; do
          case "$a" in
            -Xshare:dump) dump=true ;;
            -XX:SharedArchiveFile=*) archive="${a#-XX:SharedArchiveFile=}" ;;
            -XX:DumpLoadedClassList=*) exit 0 ;;
          esac
        done
        if $dump; then echo half > "$archive"; exit 1; fi
        echo "archive=$archive"
        """);
    Path caches = cache.resolve("failing-dump-cache");
    Map<String, String> env =
        Map.of(
            "PATH",
            System.getenv("PATH"),
            "JAVA_HOME",
            home.toString(),
            "XDG_CACHE_HOME",
            caches.toString(),
            "KUBELOAD_JAR",
            Path.of("target/kubeload-all.jar").toAbsolutePath().toString());

    assertThat(
            launchWith(
                Path.of("kubeload"), env, "analyze", "samples/manifests/web-deployment.yaml"))
        .isEqualTo(new Run(0, "archive=\n", ""));
    assertThat(caches.resolve("kubeload")).isEmptyDirectory();
  }

  /**
   * The environment of a launch whose {@code java} is a stand-in JDK 17 printing each argument the
   * launcher gives it that matches the shell {@code pattern}, one a line, and runs nothing.
   */
  private Map<String, String> printingFlags(String name, String pattern) throws IOException {
    Path home =
        standInJdk17(
            name,
            "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in "
                + pattern
                + ") echo \"$a\";; esac; done\n");
    return Map.of(
        "PATH",
        System.getenv("PATH"),
        "JAVA_HOME",
        home.toString(),
        "KUBELOAD_CDS",
        "0",
        "KUBELOAD_JAR",
        Path.of("target/kubeload-all.jar").toAbsolutePath().toString());
  }

  /** A JDK 17 home whose {@code bin/java} is {@code script}: what the launcher hands it is its output. */
  private Path standInJdk17(String name, String script) throws IOException {
    Path home = cache.resolve(name);
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, script);
    java.toFile().setExecutable(true);
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
    return home;
  }

  private Path sparse(String name, long bytes) throws IOException {
    Path file = cache.resolve(name);
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(bytes);
    }
    return file;
  }

  /** A folder holding only the named commands, for a PATH without java or mvn. */
  private Path tools(String... names) throws IOException {
    Path bin = Files.createDirectories(cache.resolve("bin"));
    for (String name : names) {
      for (String dir : List.of("/usr/bin", "/bin")) {
        Path found = Path.of(dir, name);
        if (Files.isExecutable(found) && !Files.exists(bin.resolve(name))) {
          Files.createSymbolicLink(bin.resolve(name), found);
        }
      }
    }
    return bin;
  }

  private Run launchWith(Path launcher, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().put("HOME", cache.toString());
    builder.environment().putAll(env);
    Process process =
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out, err);
  }

  /**
   * Under LANG=C (many CI containers) the JVM would decode paths as ASCII: a non-ASCII file could not
   * be opened and a folder's names were garbled. The path is made by the shell from its UTF-8 bytes,
   * so that this test does not depend on the locale of the JVM that runs it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void nonAsciiPathsAreReadAndNamedWhateverTheLocale(Jdk jdk) throws Exception {
    String script =
        "dir=\"$1/$(printf '\\303\\274n\\303\\257')\"; mkdir -p \"$dir\"; "
            + "cp samples/manifests/web-deployment.yaml \"$dir/w$(printf '\\303\\251')b.yaml\"; "
            + "./kubeload analyze \"$dir/w$(printf '\\303\\251')b.yaml\" --format json && exec ./kubeload analyze \"$dir\" --format json";
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", script, "launcher", cache.toString());
    builder.environment().keySet().removeIf(name -> name.startsWith("LC_"));
    builder.environment().put("LANG", "C");

    Run run = launch(jdk, builder);

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout()).contains("\u00fcn\u00ef/w\u00e9b.yaml").doesNotContain("\ufffd");
  }
}
