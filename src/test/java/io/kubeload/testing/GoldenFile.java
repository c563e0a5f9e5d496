package io.kubeload.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file the tests compare output with, byte for byte. Regenerating one fails the run that wrote it, so a new golden is
 * always read in {@code git diff} and committed on purpose, never accepted by the same run that produced it; an
 * unchanged file passes, so regenerating everything touches only what moved.
 */
public final class GoldenFile {

  private GoldenFile() {}

  /**
   * Compares {@code actual} with {@code golden}; when the system property {@code updateProperty} is true, a differing
   * (or missing) file is written and the test fails, asking for a review.
   */
  public static void assertMatches(String actual, Path golden, String updateProperty)
      throws IOException {
    String existing =
        Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : null;
    if (Boolean.getBoolean(updateProperty) && !actual.equals(existing)) {
      Files.createDirectories(golden.toAbsolutePath().getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      fail(
          golden
              + " regenerated: review `git diff`, commit it alone as 'Goldens: …', and rerun without -D"
              + updateProperty);
    }
    assertThat(existing)
        .as(
            "%s is missing or stale: regenerate it with -D%s=true and review the diff",
            golden, updateProperty)
        .isEqualTo(actual);
  }
}
