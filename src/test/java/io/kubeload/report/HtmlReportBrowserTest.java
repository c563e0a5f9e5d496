package io.kubeload.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeload.gate.Verdict;
import io.kubeload.testing.TestManifests;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real headless browser (Debian's chromium, installed here when absent and we
 * are root): it runs its script without console errors, and its screenshot is a real page.
 */
class HtmlReportBrowserTest {

  private static Path chromium;

  @BeforeAll
  static void findOrInstallChromium() throws Exception {
    chromium = onPath("chromium");
    if (chromium == null && "root".equals(System.getProperty("user.name"))) {
      run(List.of("apt-get", "update"), 300);
      run(List.of("apt-get", "install", "-y", "chromium"), 600);
      chromium = onPath("chromium");
    }
    assumeTrue(
        chromium != null,
        "chromium is not installed and cannot be (apt-get install -y chromium needs root): browser test skipped");
  }

  @Test
  void thePageRunsWithoutConsoleErrorsAndItsScreenshotIsNotBlank(@TempDir Path dir)
      throws Exception {
    Verdict verdict =
        Samples.judge(
            Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml")),
            TestManifests.production());
    Path page =
        Files.writeString(
            dir.resolve("report.html"),
            Reports.render(verdict, Format.HTML),
            StandardCharsets.UTF_8);

    Browser dom = browse(dir, page, "--dump-dom");
    assertThat(dom.stdout()).contains("data-kubeload-ready=\"yes\"");
    assertThat(dom.consoleErrors()).isEmpty();

    Path png = dir.resolve("report.png");
    Browser shot = browse(dir, page, "--screenshot=" + png);
    assertThat(shot.consoleErrors()).isEmpty();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(distinctColours(image)).isGreaterThan(100);
  }

  @Test
  void aScriptErrorWouldBeSeen(@TempDir Path dir) throws Exception {
    Path page =
        Files.writeString(
            dir.resolve("broken.html"),
            "<!DOCTYPE html><p>x</p><script>undefinedFunction();</script>");
    assertThat(browse(dir, page, "--dump-dom").consoleErrors())
        .singleElement()
        .asString()
        .contains("Uncaught ReferenceError");
  }

  private record Browser(String stdout, List<String> consoleErrors) {}

  private static Browser browse(Path dir, Path page, String action) throws Exception {
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    List<String> command =
        List.of(
            chromium.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile,
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1200,1600",
            action,
            page.toUri().toString());
    Path out = dir.resolve("chromium.out");
    Path err = dir.resolve("chromium.err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(process.exitValue())
        .as("chromium exit code; stderr:\n" + Files.readString(err))
        .isZero();
    List<String> errors = new ArrayList<>();
    for (String line : Files.readAllLines(err)) {
      // The page itself never logs, so any console line (chromium logs them all at INFO) is a
      // fault.
      if (line.contains("Uncaught") || line.contains(":CONSOLE")) {
        errors.add(line);
      }
    }
    return new Browser(Files.readString(out), errors);
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  private static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static void run(List<String> command, int seconds)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
