package io.kubeload.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code kubeload analyze} in a class loader of its own and lists every class it resolves: no
 * capture class and no HTTP client may be among them, so analyze cannot reach the network even by
 * accident. (ArchitectureTest checks the same statically; this checks what really loads.) Then it
 * runs analyze in a JVM whose security manager refuses every socket, and expects the same report.
 */
class AnalyzeStaysOfflineTest {

  /** Loads kubeload and its libraries itself, and remembers every class name it is asked for. */
  private static final class RecordingLoader extends URLClassLoader {
    final Set<String> requested = Collections.synchronizedSet(new TreeSet<>());

    RecordingLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      requested.add(name);
      return super.loadClass(name, resolve);
    }
  }

  private static Set<String> classesResolvedBy(String... args) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
      urls.add(toUrl(entry));
    }
    try (RecordingLoader loader = new RecordingLoader(urls.toArray(URL[]::new))) {
      Class<?> main = loader.loadClass("io.kubeload.cli.Main");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Object code =
          main.getMethod(
                  "run",
                  String[].class,
                  java.io.InputStream.class,
                  PrintStream.class,
                  PrintStream.class)
              .invoke(
                  null,
                  args,
                  new ByteArrayInputStream(new byte[0]),
                  new PrintStream(out, true, StandardCharsets.UTF_8),
                  new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("kubeload:");
      assertThat(code).isEqualTo(1);
      return new TreeSet<>(loader.requested);
    }
  }

  private static URL toUrl(String entry) throws MalformedURLException {
    return new File(entry).toURI().toURL();
  }

  @Test
  void analyzeNeverLoadsCaptureOrAnHttpClient() throws Exception {
    Set<String> loaded = classesResolvedBy("analyze", "samples/manifests/telemetry-daemonset.yaml");
    assertThat(loaded)
        .as("the run really went through this loader")
        .contains("io.kubeload.model.LoadModel");
    assertThat(loaded).noneMatch(name -> name.startsWith("io.kubeload.cluster.capture."));
    assertThat(loaded).noneMatch(name -> name.startsWith("io.fabric8.kubernetes.client."));
    assertThat(loaded).noneMatch(name -> name.startsWith("java.net.http."));
    assertThat(loaded)
        .doesNotContain(
            "java.net.Socket", "java.net.URLConnection", "com.sun.net.httpserver.HttpServer");
  }

  /** Runs {@link NetworkForbidden} in a JVM of its own (a security manager is for the whole JVM). */
  private static Process forbidden(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.manager=allow",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                NetworkForbidden.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  private static String read(java.io.InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void theForbiddingJvmReallyRefusesSocketsAndChannels() throws Exception {
    Process probe = forbidden("--probe");
    String out = read(probe.getInputStream());
    String err = read(probe.getErrorStream());
    assertThat(probe.waitFor()).isZero();
    assertThat(out.lines().toList()).as("stderr: %s", err).containsExactly("refused", "refused");
    assertThat(err).contains(NetworkForbidden.REFUSED + "127.0.0.1:9");
  }

  @Test
  void analyzeGivesTheSameReportWhenTheJvmMayNotTouchTheNetwork() throws Exception {
    String[] args = {
      "analyze",
      "samples/manifests/telemetry-daemonset.yaml",
      "samples/manifests/web-deployment.yaml",
      "samples/manifests/controller-deployment.yaml",
      "--format",
      "json"
    };
    Process offline = forbidden(args);
    String out = read(offline.getInputStream());
    String err = read(offline.getErrorStream());
    int code = offline.waitFor();

    io.kubeload.cli.CliRun inProcess = io.kubeload.cli.CliRun.of(args);
    assertThat(err).as("no socket was even tried").doesNotContain(NetworkForbidden.REFUSED);
    assertThat(code).as("stderr: %s", err).isEqualTo(inProcess.exitCode());
    assertThat(out).isEqualTo(inProcess.stdout()).contains("\"schemaVersion\"");
  }
}
