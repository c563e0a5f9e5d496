package io.kubeload.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenFileTest {

  private static final String PROPERTY = "goldenfiletest.update";

  @TempDir Path dir;

  @Test
  void aStaleGoldenFailsAndIsLeftAsItWas() throws Exception {
    Path golden = Files.writeString(dir.resolve("report.txt"), "old\n");
    assertThatThrownBy(() -> GoldenFile.assertMatches("new\n", golden, PROPERTY))
        .hasMessageContaining("-D" + PROPERTY + "=true");
    assertThat(Files.readString(golden)).isEqualTo("old\n");
  }

  @Test
  void regeneratingWritesTheFileAndFailsThatRunThenTheNextRunPasses() throws Exception {
    Path golden = Files.writeString(dir.resolve("report.txt"), "old\n");
    System.setProperty(PROPERTY, "true");
    try {
      assertThatThrownBy(() -> GoldenFile.assertMatches("new\n", golden, PROPERTY))
          .hasMessageContaining("review `git diff`");
      assertThat(Files.readString(golden, StandardCharsets.UTF_8)).isEqualTo("new\n");
      GoldenFile.assertMatches("new\n", golden, PROPERTY);
    } finally {
      System.clearProperty(PROPERTY);
    }
    GoldenFile.assertMatches("new\n", golden, PROPERTY);
  }

  @Test
  void aMissingGoldenIsWrittenOnlyWhenRegenerating() throws Exception {
    Path golden = dir.resolve("sub/new.txt");
    assertThatThrownBy(() -> GoldenFile.assertMatches("x", golden, PROPERTY))
        .hasMessageContaining("missing or stale");
    assertThat(golden).doesNotExist();
  }
}
