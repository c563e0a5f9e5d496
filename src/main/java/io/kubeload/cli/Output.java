package io.kubeload.cli;

import io.kubeload.manifest.IoErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes reports as a careful Unix tool does: a regular file whole or not at all (a temporary file
 * beside it, renamed over it, with the umask's mode or the replaced file's mode and owner), through a
 * symbolic link to where it points, straight into a pipe or a device, and standard output checked for
 * write errors. The reports of one run are all written before any is put in place.
 */
final class Output {

  /** A report and where it goes: a file, or stdout for null or {@code -}. */
  record Report(String text, String file) {
    boolean toStdout() {
      return file == null || file.equals("-");
    }
  }

  /** Temporary files not yet renamed: a SIGTERM's shutdown hook removes them. */
  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> PENDING.forEach(Output::deleteQuietly), "kubeload-output-cleanup"));
  }

  private Output() {}

  static void write(String report, String file, Main.Io io) {
    writeAll(List.of(new Report(report, file)), io);
  }

  /** Every report's file written to a temporary first; then all are renamed into place, then stdout. */
  static void writeAll(List<Report> reports, Main.Io io) {
    List<Path[]> staged = new ArrayList<>();
    try {
      for (Report report : reports) {
        if (!report.toStdout()) {
          staged.add(stage(report));
        }
      }
      for (Path[] move : staged) {
        if (move[0] != null) {
          rename(move[0], move[1]);
        }
      }
    } finally {
      staged.forEach(move -> {
        if (move[0] != null) {
          deleteQuietly(move[0]);
        }
      });
    }
    for (Report report : reports) {
      if (report.toStdout()) {
        io.out().print(report.text());
        if (!io.outWritten()) {
          throw new UsageException("<stdout>: cannot write the report (a closed pipe or a full device?)");
        }
      }
    }
  }

  /**
   * A temporary file holding the report, beside where it goes, and that place ({@code [temporary,
   * target]}); a pipe or a device is written at once (temporary null).
   */
  private static Path[] stage(Report report) {
    String file = report.file();
    if (file.endsWith("/") || Files.isDirectory(Path.of(file))) {
      throw new UsageException(file + ": is a folder; --output names a file");
    }
    Path temporary = null;
    try {
      Path target = Path.of(file).toAbsolutePath();
      if (Files.isSymbolicLink(target) && Files.exists(target)) {
        target = target.toRealPath();
      }
      if (Files.exists(target) && !Files.isRegularFile(target)) {
        Files.writeString(target, report.text(), StandardCharsets.UTF_8);
        return new Path[] {null, target};
      }
      Files.createDirectories(target.getParent());
      temporary = createTemporary(target);
      Files.writeString(temporary, report.text(), StandardCharsets.UTF_8);
      keepModeAndOwner(target, temporary);
      return new Path[] {temporary, target};
    } catch (IOException e) {
      if (temporary != null) {
        deleteQuietly(temporary);
      }
      throw new UsageException(file + ": cannot write the report: " + IoErrors.describe(e));
    }
  }

  /** Created without permissions of its own, so that the umask decides its mode as for any new file. */
  private static Path createTemporary(Path target) throws IOException {
    while (true) {
      Path candidate = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      try {
        Path created = Files.createFile(candidate);
        PENDING.add(created);
        return created;
      } catch (FileAlreadyExistsException e) {
        // another name then
      }
    }
  }

  /** A report that replaces a file keeps that file's mode, and its owner and group where we may set them. */
  private static void keepModeAndOwner(Path target, Path temporary) throws IOException {
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    PosixFileAttributes old = Files.readAttributes(target, PosixFileAttributes.class);
    view.setPermissions(old.permissions());
    try {
      view.setOwner(old.owner());
      view.setGroup(old.group());
    } catch (IOException e) {
      // Only root may give a file away: an unprivileged user's report is theirs, as cp would make it.
    }
  }

  private static void rename(Path temporary, Path target) {
    try {
      try {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      PENDING.remove(temporary);
    } catch (IOException e) {
      throw new UsageException(target + ": cannot write the report: " + IoErrors.describe(e));
    }
  }

  private static void deleteQuietly(Path temporary) {
    try {
      Files.deleteIfExists(temporary);
      PENDING.remove(temporary);
    } catch (IOException e) {
      // the report itself was written or reported as failed; a stray temporary file is harmless
    }
  }
}
