package io.kubeload.cli;

import io.kubeload.report.Markup;
import io.kubeload.text.DidYouMean;
import io.kubeload.yaml.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Entry point: parses the command line, runs the command, maps every failure to one line and an exit code. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Warmup.startFor(args);
    System.exit(run(args, stdin(), System.out, System.err, stderrIsTerminal()));
  }

  /** The launcher found standard input closed: reading {@code -} is then an error, not an empty input. */
  private static InputStream stdin() {
    if (!"closed".equals(System.getenv("KUBELOAD_STDIN"))) {
      return System.in;
    }
    return new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("standard input is closed");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return read();
      }
    };
  }

  /** Runs kubeload in-process, as the tests do: stderr is not a terminal. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, in, out, err, false);
  }

  private static int run(
      String[] args, InputStream in, PrintStream out, PrintStream err, boolean errIsTerminal) {
    PrintWriter stdout =
        new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter stderr =
        new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    Io io = new Io(in, stdout, stderr, errIsTerminal, out);
    Map<String, Supplier<CommandSpec>> subcommands = new LinkedHashMap<>();
    subcommands.put("analyze", () -> new AnalyzeCommand(io).spec);
    subcommands.put("explain", () -> new ExplainCommand(io).spec);
    subcommands.put(
        "profile",
        () ->
            new ProfileCommand(
                    new ProfileValidateCommand(io).spec,
                    new ProfileFromMetricsCommand(io).spec,
                    new ProfileCaptureCommand(io).spec)
                .spec);
    subcommands.put("catalog", () -> new CatalogCommand().spec);
    subcommands.put("init", () -> new InitCommand(io).spec);
    // Each command's CommandLine sets up a parser of its own, its converters among them
    // (docs/performance.md): a run of one subcommand builds that one; anything else, all.
    String named = args.length > 0 && subcommands.containsKey(args[0]) ? args[0] : null;
    CommandLine cli = new CommandLine(new KubeloadCommand(io).spec);
    subcommands.forEach(
        (name, command) -> {
          if (named == null || named.equals(name)) {
            cli.addSubcommand(name, new CommandLine(command.get()));
          }
        });
    cli.setOut(stdout);
    cli.setErr(stderr);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          stderr.println(
              "kubeload: "
                  + Markup.oneLine(e.getMessage())
                  + suggestion(e)
                  + " (see '"
                  + qualified(e.getCommandLine())
                  + " --help')");
          return ExitCode.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof InputException || e instanceof UsageException) {
            // One line whatever the input put in it: a file name or a key with a line break or an
            // escape.
            stderr.println("kubeload: " + Markup.oneLine(e.getMessage()));
            return ExitCode.USAGE;
          }
          stderr.println(
              "kubeload: internal error: "
                  + e
                  + " (a kubeload bug: please report it with the input)");
          if (System.getenv("KUBELOAD_DEBUG") != null) {
            e.printStackTrace(stderr);
          }
          return ExitCode.INTERNAL;
        });
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      stderr.println(
          "kubeload: the input is too large or too deeply nested to analyse ("
              + e.getClass().getSimpleName()
              + ")");
      code = ExitCode.USAGE;
    }
    stdout.flush();
    stderr.flush();
    return code;
  }

  /** The subcommand or option closest to a mistyped one ({@code analyse}, {@code --formt}). */
  private static String suggestion(CommandLine.ParameterException e) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return "";
    }
    String typed = unmatched.getUnmatched().get(0);
    CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
    java.util.List<String> known =
        typed.startsWith("-")
            ? spec.options().stream().flatMap(o -> java.util.Arrays.stream(o.names())).toList()
            : new java.util.ArrayList<>(spec.subcommands().keySet());
    return DidYouMean.hint(typed.split("=", 2)[0], known);
  }

  private static String qualified(CommandLine command) {
    StringBuilder name = new StringBuilder(command.getCommandName());
    for (CommandLine parent = command.getParent(); parent != null; parent = parent.getParent()) {
      name.insert(0, parent.getCommandName() + " ");
    }
    return name.toString();
  }

  /**
   * Whether the process's stderr is a terminal (for progress lines): its file descriptor links to a
   * tty on Linux; elsewhere, whether the JVM's console is a terminal.
   */
  private static boolean stderrIsTerminal() {
    String term = System.getenv("TERM");
    if (term == null || term.equals("dumb")) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return consoleIsTerminal();
    }
  }

  // Before JDK 22 a console exists only on a terminal; from JDK 22 also when the streams are
  // redirected, and its isTerminal() (JDK 22, so called reflectively) tells.
  @SuppressWarnings(
      "SystemConsoleNull") // the null check is the answer before JDK 22, a guard after
  private static boolean consoleIsTerminal() {
    java.io.Console console = System.console();
    if (console == null || Runtime.version().feature() < 22) {
      return console != null;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      throw new LinkageError(e.getMessage(), e);
    }
  }

  /** The process's streams, handed to commands so tests can capture them. */
  /** @param rawOut the stream under {@code out}: a PrintStream keeps its write errors to itself */
  record Io(
      InputStream in, PrintWriter out, PrintWriter err, boolean errIsTerminal, PrintStream rawOut) {
    /** Whether standard output was flushed whole ({@code > /dev/full}, a closed pipe: not). */
    boolean outWritten() {
      out.flush();
      return !out.checkError() && !rawOut.checkError();
    }
  }
}
