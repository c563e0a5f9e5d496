package io.kubeload.cli;

import io.kubeload.yaml.IoErrors;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes reports as a careful Unix tool does: a regular file whole or not at all (a temporary file
 * beside it, renamed over it, with the umask's mode or the replaced file's mode and owner), through a
 * symbolic link to where it points (created there when nothing is, as the shell's {@code >} does),
 * straight into a pipe or a device, and standard output checked for write errors.
 *
 * <p>The outputs of one run are replaced together or not at all: every file is staged, then all are
 * renamed into place (each replaced file kept as a hard link until the end), then pipes, devices and
 * stdout, which cannot be taken back, are written last. A failure at any step, or a SIGTERM, puts
 * back every file already replaced, removes the ones that did not exist and every temporary file and
 * folder the run created.
 */
final class Output {

  /** A report and where it goes: a file, or stdout when none. */
  record Report(Content content, Optional<String> file) {
    Report(String text, Optional<String> file) {
      this(out -> out.write(text), file);
    }

    boolean toStdout() {
      return file.isEmpty();
    }

    /** The file, for the steps that write one. */
    private String path() {
      return file.orElseThrow();
    }
  }

  /** Where a flag such as {@code --output} sends a report: unset or {@code -} is stdout. */
  static Optional<String> fileOf(String flag) {
    return Optional.ofNullable(flag).filter(file -> !file.equals("-"));
  }

  /**
   * A report's text, written as it is made: a whole repository's JSON report is larger than the
   * rest of the run keeps alive, and never needs to be whole in memory.
   */
  interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /** Writes in progress: a SIGTERM's shutdown hook rolls them back. */
  private static final Set<Transaction> IN_PROGRESS = ConcurrentHashMap.newKeySet();

  /** As Linux's {@code MAXSYMLINKS}: a longer chain of links is taken for a loop. */
  private static final int MAX_LINKS = 40;

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> IN_PROGRESS.forEach(Transaction::rollBack), "kubeload-output-cleanup"));
  }

  private Output() {}

  static void write(String report, Optional<String> file, Main.Io io) {
    writeAll(List.of(new Report(report, file)), io);
  }

  static void writeAll(List<Report> reports, Main.Io io) {
    Transaction transaction = new Transaction();
    IN_PROGRESS.add(transaction);
    try {
      Map<Report, Path> writtenThrough = new LinkedHashMap<>();
      for (Report report : reports) {
        if (report.toStdout()) {
          continue;
        }
        Path target = destination(report.path());
        if (writtenThrough(target)) {
          writtenThrough.put(report, target);
        } else {
          transaction.stage(report, target);
        }
      }
      transaction.replaceAll();
      writtenThrough.forEach((report, target) -> writeFile(report, target));
      for (Report report : reports) {
        if (report.toStdout()) {
          try {
            report.content().writeTo(io.out());
          } catch (IOException e) {
            throw new IllegalStateException("a PrintWriter does not throw", e);
          }
          if (!io.outWritten()) {
            throw new UsageException(
                "<stdout>: cannot write the report (a closed pipe or a full device?)");
          }
        }
      }
      transaction.commit();
    } catch (RuntimeException e) {
      transaction.rollBack();
      throw e;
    } finally {
      IN_PROGRESS.remove(transaction);
    }
  }

  /** The report written to {@code path} as it is made; a failure to write names the report's file. */
  private static void writeFile(Report report, Path path) {
    try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      report.content().writeTo(out);
    } catch (IOException e) {
      throw new UsageException(
          report.path() + ": cannot write the report: " + IoErrors.describe(e));
    }
  }

  /**
   * Where {@code file} is written: an existing file through its links, a link to nothing where it
   * points (as {@code >} creates it), anything else as named.
   */
  private static Path destination(String file) {
    if (file.endsWith("/") || Files.isDirectory(Path.of(file))) {
      throw new UsageException(file + ": is a folder; --output names a file");
    }
    Path target = Path.of(file).toAbsolutePath();
    try {
      if (Files.exists(target)) {
        return Files.isRegularFile(target) && !writtenThrough(target)
            ? target.toRealPath()
            : target;
      }
      for (int links = 0; Files.isSymbolicLink(target); links++) {
        if (links == MAX_LINKS) {
          throw new UsageException(file + ": cannot write the report: symbolic link loop");
        }
        target = target.resolveSibling(Files.readSymbolicLink(target));
      }
    } catch (IOException e) {
      throw new UsageException(file + ": cannot write the report: " + IoErrors.describe(e));
    }
    return target;
  }

  /**
   * A pipe, a device, or a name under /dev or /proc: opened and written as it is, never replaced.
   * {@code /dev/stdout} is a link to the open file it stands for (a regular file under {@code >}):
   * replaced by name, the shell would keep writing to the file it had opened, and the report be lost.
   */
  private static boolean writtenThrough(Path target) {
    return target.startsWith("/dev")
        || target.startsWith("/proc")
        || (Files.exists(target) && !Files.isRegularFile(target));
  }

  /**
   * The files of one run: staged, replaced, then committed or rolled back. Its steps lock it, so a
   * SIGTERM's roll-back waits for a rename under way and nothing is renamed after it; the reports'
   * text is written outside the lock, so a write that blocks never holds up the roll-back.
   */
  private static final class Transaction {

    /** One file: the report's temporary, where it goes, and the file it replaced, kept aside. */
    private static final class Step {
      final String file;
      final Path target;
      final Path temporary;
      Path kept;
      boolean moved;

      Step(String file, Path target, Path temporary) {
        this.file = file;
        this.target = target;
        this.temporary = temporary;
      }
    }

    private final List<Step> steps = new ArrayList<>();
    private final Deque<Path> createdFolders = new ArrayDeque<>();
    private boolean over;

    void stage(Report report, Path target) {
      try {
        Path temporary = createTemporary(report.path(), target);
        writeFile(report, temporary);
        keepModeAndOwner(target, temporary);
      } catch (IOException e) {
        throw new UsageException(
            report.path() + ": cannot write the report: " + IoErrors.describe(e));
      }
    }

    private synchronized Path createTemporary(String file, Path target) throws IOException {
      checkNotOver();
      Deque<Path> missing = new ArrayDeque<>();
      for (Path folder = target.getParent();
          folder != null && !Files.exists(folder);
          folder = folder.getParent()) {
        missing.push(folder);
      }
      for (Path folder : missing) {
        Files.createDirectory(folder);
        createdFolders.push(folder);
      }
      Step step = new Step(file, target, freshSibling(target, Files::createFile));
      steps.add(step);
      return step.temporary;
    }

    synchronized void replaceAll() {
      checkNotOver();
      for (Step step : steps) {
        try {
          if (Files.exists(step.target, LinkOption.NOFOLLOW_LINKS)) {
            step.kept = freshSibling(step.target, kept -> keep(step.target, kept));
          }
          move(step.temporary, step.target);
          step.moved = true;
        } catch (IOException e) {
          throw new UsageException(
              step.file + ": cannot write the report: " + IoErrors.describe(e));
        }
      }
    }

    synchronized void commit() {
      checkNotOver();
      over = true;
      steps.forEach(step -> deleteQuietly(step.kept));
    }

    /** Puts every replaced file back, removes what the run created; once, and not after a commit. */
    synchronized void rollBack() {
      if (over) {
        return;
      }
      over = true;
      for (int i = steps.size() - 1; i >= 0; i--) {
        Step step = steps.get(i);
        try {
          if (step.moved && step.kept != null) {
            move(step.kept, step.target);
          } else if (step.moved) {
            Files.deleteIfExists(step.target);
          }
        } catch (IOException e) {
          // Nothing more can be done for this file; the others are still put back.
        }
        deleteQuietly(step.temporary);
        deleteQuietly(step.kept);
      }
      createdFolders.forEach(Output::deleteQuietly);
    }

    /**
     * The replaced file, kept as a second name of it (its mode and owner with it); a copy where hard
     * links are not to be had (a file system without them, another user's file under Linux's
     * {@code protected_hardlinks}).
     */
    private static void keep(Path target, Path kept) throws IOException {
      try {
        Files.createLink(kept, target);
      } catch (FileAlreadyExistsException e) {
        throw e;
      } catch (IOException | UnsupportedOperationException e) {
        Files.copy(target, kept, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }

    private void checkNotOver() {
      if (over) {
        // Only a SIGTERM's roll-back ends a transaction under way: the JVM is exiting.
        throw new IllegalStateException("the outputs were rolled back");
      }
    }
  }

  /** A hidden name beside {@code target} that {@code create} makes, as {@code .NAME.RANDOM.tmp}. */
  private static Path freshSibling(Path target, PathCreator create) throws IOException {
    while (true) {
      Path candidate =
          target.resolveSibling(
              "."
                  + target.getFileName()
                  + "."
                  + Long.toHexString(ThreadLocalRandom.current().nextLong())
                  + ".tmp");
      try {
        create.create(candidate);
        return candidate;
      } catch (FileAlreadyExistsException e) {
        // another name then
      }
    }
  }

  private interface PathCreator {
    void create(Path path) throws IOException;
  }

  /** A report that replaces a file keeps that file's mode, and its owner and group where we may set them. */
  private static void keepModeAndOwner(Path target, Path temporary) throws IOException {
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    PosixFileAttributeView view =
        Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    PosixFileAttributes old = Files.readAttributes(target, PosixFileAttributes.class);
    view.setPermissions(old.permissions());
    try {
      view.setOwner(old.owner());
      view.setGroup(old.group());
    } catch (IOException e) {
      // Only root may give a file away: an unprivileged user's report is theirs, as cp would make
      // it.
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // a stray temporary file, or a folder that is no longer empty, is left rather than fail the
      // run
    }
  }
}
