package io.kubeload.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs kubeload in-process and captures what a user would see. */
public record CliRun(int exitCode, String stdout, String stderr) {

  public static CliRun of(String... args) {
    return withStdin(new byte[0], args);
  }

  public static CliRun withStdin(byte[] stdin, String... args) {
    return withStdin(new ByteArrayInputStream(stdin), args);
  }

  public static CliRun withStdin(InputStream stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            stdin,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
