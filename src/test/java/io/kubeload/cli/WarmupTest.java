package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.cluster.Profiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The warm-up thread of an analysing run: what it analyses, when it starts, and that it is silent. */
class WarmupTest {

  /** Its release has to analyse, or the thread would warm nothing and drop the failure unseen. */
  @Test
  void theBuiltInReleaseAnalysesToOneWorkload() throws Exception {
    var verdict = Warmup.analyse(Profiles.load(Profiles.DEFAULT));

    assertThat(verdict.projection().workloads())
        .singleElement()
        .satisfies(
            load -> assertThat(load.ref().toString()).isEqualTo("Deployment/warm-up/warm-up"));
  }

  @Test
  void aPresetIsParsedOnceAndShared() {
    assertThat(Profiles.load("staging")).isSameAs(Profiles.load("staging"));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void onlyTheAnalysingCommandsOnTwoCoresStartIt_andItWritesNothing() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(written, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      for (String[] args :
          new String[][] {{"--version"}, {"--help"}, {"profile", "show"}, {}, {"catalog"}}) {
        assertThat(Warmup.threadFor(args, 2)).as(String.join(" ", args)).isEmpty();
      }
      assertThat(Warmup.threadFor(new String[] {"analyze", "x.yaml"}, 1)).as("one core").isEmpty();
      for (String command : new String[] {"analyze", "explain"}) {
        Thread thread = Warmup.threadFor(new String[] {command, "x.yaml"}, 2).orElseThrow();
        // Read before it runs: a thread that has ended no longer has its handler.
        Thread.UncaughtExceptionHandler handler = thread.getUncaughtExceptionHandler();
        thread.start();
        thread.join();
        assertThat(thread.isDaemon()).isTrue();
        // What the thread would do with an error: nothing printed (the JVM's default prints it).
        handler.uncaughtException(thread, new OutOfMemoryError("Java heap space"));
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(written.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
