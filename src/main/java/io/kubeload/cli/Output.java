package io.kubeload.cli;

import io.kubeload.manifest.IoErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a report whole or not at all: to a temporary file beside the target, then renamed. */
final class Output {

  private Output() {}

  static void write(String report, String file, Main.Io io) {
    if (file == null || file.equals("-")) {
      io.out().print(report);
      io.out().flush();
      return;
    }
    Path target = Path.of(file).toAbsolutePath();
    Path temporary = null;
    try {
      Files.createDirectories(target.getParent());
      temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      Files.writeString(temporary, report, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UsageException(file + ": cannot write the report: " + IoErrors.describe(e));
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the report itself was written or reported as failed; a stray temporary file is harmless
        }
      }
    }
  }
}
