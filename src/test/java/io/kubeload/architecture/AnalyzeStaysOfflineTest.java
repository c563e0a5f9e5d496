package io.kubeload.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code kubeload analyze} in a class loader of its own and lists every class it resolves: no
 * capture class and no HTTP client may be among them, so analyze cannot reach the network even by
 * accident. (ArchitectureTest checks the same statically; this checks what really loads.)
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
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(toUrl(entry));
    }
    try (RecordingLoader loader = new RecordingLoader(urls.toArray(URL[]::new))) {
      Class<?> main = loader.loadClass("io.kubeload.cli.Main");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Object code = main.getMethod("run", String[].class, java.io.InputStream.class, PrintStream.class, PrintStream.class)
          .invoke(null, args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
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
    assertThat(loaded).as("the run really went through this loader").contains("io.kubeload.model.LoadModel");
    assertThat(loaded).noneMatch(name -> name.startsWith("io.kubeload.cluster.capture."));
    assertThat(loaded).noneMatch(name -> name.startsWith("io.fabric8.kubernetes.client."));
    assertThat(loaded).noneMatch(name -> name.startsWith("java.net.http."));
    assertThat(loaded).doesNotContain("java.net.Socket", "java.net.URLConnection", "com.sun.net.httpserver.HttpServer");
  }
}
