package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.cluster.Profiles;
import io.kubeload.yaml.InputLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The default preset and the warm-up on the second thread: same results, same errors, no thread left. */
@Timeout(120)
class PreloadTest {

  private static final String GOOD_MANIFEST = "samples/manifests/web-deployment.yaml";

  @TempDir Path tmp;

  private static boolean preloadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("kubeload-preload") && t.isAlive());
  }

  @Test
  void theDefaultPresetReadAheadIsTheOneReadInPlace() {
    try (Preload preload = Preload.start(new String[] {"analyze", GOOD_MANIFEST})) {
      InputFiles.Profile ahead = preload.profile(Profiles.DEFAULT, InputLimits.DEFAULT);
      assertThat(ahead.profile()).isEqualTo(Profiles.load(Profiles.DEFAULT));
      assertThat(ahead.flowControl()).isEmpty();
      assertThat(preload.profile("staging", InputLimits.DEFAULT).profile())
          .isEqualTo(Profiles.load("staging"));
    }
    assertThat(preloadAlive()).as("a preload thread after close").isFalse();
  }

  @Test
  void commandsThatReadNoProfileStartNoThread() {
    try (Preload preload = Preload.start(new String[] {"--version"})) {
      assertThat(preloadAlive()).isFalse();
      assertThat(preload.profile("staging", InputLimits.DEFAULT).profile())
          .isEqualTo(Profiles.load("staging"));
    }
  }

  @Test
  void noThreadOutlivesARun() {
    CliRun run = CliRun.of("analyze", GOOD_MANIFEST);
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(preloadAlive()).isFalse();
  }

  /** Without a user's input to meet its errors, a broken warm-up would stop paying unseen. */
  @Test
  void theWarmUpReleaseAnalysesCleanly() {
    CliRun run = CliRun.withStdin(Preload.WARM_UP.getBytes(StandardCharsets.UTF_8), "analyze", "-");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout())
        .contains("PASS")
        .contains("1 workload")
        .contains("Deployment/warm-up/operator");
  }

  @Test
  void aBadProfileFileStillWinsOverBadManifests() throws IOException {
    Path manifests = Files.writeString(tmp.resolve("bad.yaml"), "kind: [unclosed\n");
    Path profile = Files.writeString(tmp.resolve("profile.yaml"), "kind: [unclosed\n");
    CliRun both = CliRun.of("analyze", manifests.toString(), "--profile", profile.toString());
    assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(both.stderr().lines()).singleElement().asString().contains("profile.yaml");

    CliRun manifestsOnly = CliRun.of("analyze", manifests.toString());
    assertThat(manifestsOnly.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(manifestsOnly.stderr().lines()).singleElement().asString().contains("bad.yaml");
  }
}
