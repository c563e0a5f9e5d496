package io.kubeload.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** I/O failures in the words a user reads, never a Java class name. */
public final class IoErrors {

  private IoErrors() {}

  public static String describe(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (cause instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (cause instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (cause instanceof FileSystemLoopException) {
      return "symbolic link loop";
    }
    if (cause instanceof FileAlreadyExistsException || cause instanceof NotDirectoryException) {
      return "a path component is a file, not a folder";
    }
    if (cause instanceof IOException
        && cause.getMessage() != null
        && cause.getMessage().contains("Is a directory")) {
      return "it is a folder";
    }
    String message = cause.getMessage();
    return message == null || message.isBlank()
        ? "input/output error"
        : message.replaceAll("^[a-z]+(\\.[a-zA-Z]+)+: ", "");
  }
}
