package io.kubeload.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs a composite action's steps as the GitHub Actions runner does, for tests that must see the
 * action the way another repository's workflow sees it: the action in a folder of its own outside
 * the workspace; {@code shell: bash} as {@code bash --noprofile --norc -eo pipefail {0}}; {@code ${{ }}}
 * expressions in {@code run}, {@code env} and {@code with} (inputs with their defaults,
 * {@code github.*}, {@code runner.temp}, {@code steps.<id>.outputs.*}); {@code if:} with the runner's
 * implicit {@code success() &&} unless a status function is named; one {@code GITHUB_OUTPUT},
 * {@code GITHUB_ENV} and {@code GITHUB_STEP_SUMMARY} file per step, read back after it; a failed step
 * failing the job unless {@code continue-on-error}. {@code uses:} steps are handed to emulators that
 * record what they were given.
 */
public final class ActionRunner {

  /** What an emulated {@code uses:} step did: failed with a message, or succeeded with outputs. */
  public record UsesResult(boolean success, String message, Map<String, String> outputs) {
    public static UsesResult ok() {
      return new UsesResult(true, "", Map.of());
    }

    public static UsesResult failed(String message) {
      return new UsesResult(false, message, Map.of());
    }
  }

  /** A {@code uses:} step as the runner would start it: its evaluated {@code with} and {@code env}. */
  public record UsesCall(
      String action, Map<String, String> with, Map<String, String> env, Path workspace) {}

  /** An emulated action. */
  @FunctionalInterface
  public interface Emulator {
    UsesResult run(UsesCall call) throws IOException;
  }

  /** One step: its outcome ({@code success}, {@code failure}, {@code skipped}) and what it printed. */
  public record StepRun(
      String id,
      String outcome,
      boolean continueOnError,
      String log,
      Map<String, String> outputs) {}

  /** The job after the action: whether it failed, its summary, the action's outputs, every step. */
  public record JobRun(
      boolean failed,
      String summary,
      Map<String, String> outputs,
      List<StepRun> steps,
      List<UsesCall> calls) {
    public StepRun step(String id) {
      return steps.stream()
          .filter(s -> id.equals(s.id()))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no step " + id));
    }

    public List<UsesCall> callsTo(String prefix) {
      return calls.stream().filter(c -> c.action().startsWith(prefix)).toList();
    }

    /** Every step's log, for an assertion's message. */
    public String logs() {
      StringBuilder out = new StringBuilder();
      steps.forEach(
          s ->
              out.append("--- ")
                  .append(s.id())
                  .append(": ")
                  .append(s.outcome())
                  .append('\n')
                  .append(s.log()));
      return out.toString();
    }
  }

  private static final Pattern TEMPLATE = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);

  private final Path actionDir;
  private final Path workspace;
  private final Path runnerTemp;
  private final Map<String, Object> github = new LinkedHashMap<>();
  private final Map<String, String> baseEnv = new LinkedHashMap<>();
  private final Map<String, Emulator> emulators = new LinkedHashMap<>();

  public ActionRunner(Path actionDir, Path workspace, Path runnerTemp) {
    this.actionDir = actionDir;
    this.workspace = workspace;
    this.runnerTemp = runnerTemp;
    github.put("action_path", actionDir.toString());
    github.put("workspace", workspace.toString());
    github.put("token", "ghs_test_token");
    github.put("repository", "octo/app");
    github.put("event_name", "pull_request");
    github.put("event", Map.of("pull_request", Map.of("number", 7.0)));
    baseEnv.put("PATH", System.getenv("PATH"));
    baseEnv.put("HOME", runnerTemp.resolve("home").toString());
    baseEnv.put("CI", "true");
    baseEnv.put("GITHUB_ACTIONS", "true");
    baseEnv.put("GITHUB_WORKSPACE", workspace.toString());
    baseEnv.put("GITHUB_REPOSITORY", "octo/app");
    baseEnv.put("GITHUB_EVENT_NAME", "pull_request");
    baseEnv.put("RUNNER_TEMP", runnerTemp.toString());
  }

  /** The runner's environment before the job (PATH and the like); later steps see GITHUB_ENV on top. */
  public ActionRunner env(String name, String value) {
    baseEnv.put(name, value);
    return this;
  }

  public ActionRunner event(String name) {
    github.put("event_name", name);
    baseEnv.put("GITHUB_EVENT_NAME", name);
    return this;
  }

  /** Emulates the actions whose {@code uses:} starts with {@code prefix} (e.g. {@code actions/setup-java@}). */
  public ActionRunner emulate(String prefix, Emulator emulator) {
    emulators.put(prefix, emulator);
    return this;
  }

  @SuppressWarnings("unchecked")
  public JobRun run(Map<String, String> with) throws IOException, InterruptedException {
    Map<String, Object> action =
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(actionDir.resolve("action.yml")));
    Map<String, Object> inputs = new LinkedHashMap<>();
    Context context = new Context(inputs, new LinkedHashMap<>());
    Map<String, Map<String, Object>> declared =
        (Map<String, Map<String, Object>>) action.get("inputs");
    for (var input : declared.entrySet()) {
      Object fallback = input.getValue().get("default");
      inputs.put(
          input.getKey(), fallback == null ? "" : template(String.valueOf(fallback), context));
    }
    for (var given : with.entrySet()) {
      if (!declared.containsKey(given.getKey())) {
        throw new IllegalArgumentException("the action has no input " + given.getKey());
      }
      inputs.put(given.getKey(), given.getValue());
    }
    Map<String, Object> runs = (Map<String, Object>) action.get("runs");
    if (!"composite".equals(runs.get("using"))) {
      throw new IllegalArgumentException("not a composite action");
    }
    Files.createDirectories(runnerTemp.resolve("home"));
    Map<String, String> jobEnv = new LinkedHashMap<>(baseEnv);
    StringBuilder summary = new StringBuilder();
    List<StepRun> steps = new ArrayList<>();
    List<UsesCall> calls = new ArrayList<>();
    boolean failed = false;
    int index = 0;
    for (Map<String, Object> step : (List<Map<String, Object>>) runs.get("steps")) {
      String id = step.containsKey("id") ? String.valueOf(step.get("id")) : "__" + ++index;
      boolean continueOnError = Boolean.TRUE.equals(step.get("continue-on-error"));
      context.failed = failed;
      if ((step.containsKey("if") && !truthy(condition(String.valueOf(step.get("if")), context)))
          || (!step.containsKey("if") && failed)) {
        steps.add(new StepRun(id, "skipped", continueOnError, "", Map.of()));
        context.steps.put(id, Map.of("outputs", Map.of(), "outcome", "skipped"));
        continue;
      }
      Map<String, String> stepEnv = new LinkedHashMap<>(jobEnv);
      Map<String, Object> declaredEnv = (Map<String, Object>) step.getOrDefault("env", Map.of());
      declaredEnv.forEach((k, v) -> stepEnv.put(k, template(String.valueOf(v), context)));
      StepRun run;
      if (step.containsKey("uses")) {
        String uses = String.valueOf(step.get("uses"));
        Map<String, String> stepWith = new LinkedHashMap<>();
        ((Map<String, Object>) step.getOrDefault("with", Map.of()))
            .forEach((k, v) -> stepWith.put(k, template(String.valueOf(v), context)));
        UsesCall call =
            new UsesCall(
                uses,
                stepWith,
                Map.copyOf(declaredEnv.isEmpty() ? Map.of() : onlyDeclared(stepEnv, declaredEnv)),
                workspace);
        calls.add(call);
        Emulator emulator =
            emulators.entrySet().stream()
                .filter(e -> uses.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no emulator for " + uses));
        UsesResult result = emulator.run(call);
        run =
            new StepRun(
                id,
                result.success() ? "success" : "failure",
                continueOnError,
                result.message(),
                result.outputs());
        if (uses.startsWith("actions/setup-java@") && result.success()) {
          jobEnv.put("JAVA_HOME", System.getProperty("java.home"));
        }
      } else {
        run = runScript(id, step, stepEnv, jobEnv, continueOnError, summary, context);
      }
      steps.add(run);
      context.steps.put(id, Map.of("outputs", run.outputs(), "outcome", run.outcome()));
      if (run.outcome().equals("failure") && !continueOnError) {
        failed = true;
      }
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    Map<String, Map<String, Object>> declaredOutputs =
        (Map<String, Map<String, Object>>) action.getOrDefault("outputs", Map.of());
    declaredOutputs.forEach(
        (name, output) ->
            outputs.put(name, template(String.valueOf(output.get("value")), context)));
    return new JobRun(failed, summary.toString(), outputs, steps, calls);
  }

  private static Map<String, String> onlyDeclared(
      Map<String, String> env, Map<String, Object> declared) {
    Map<String, String> out = new LinkedHashMap<>();
    declared.keySet().forEach(k -> out.put(k, env.get(k)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private StepRun runScript(
      String id,
      Map<String, Object> step,
      Map<String, String> env,
      Map<String, String> jobEnv,
      boolean continueOnError,
      StringBuilder summary,
      Context context)
      throws IOException, InterruptedException {
    String shell = (String) step.get("shell");
    if (!"bash".equals(shell)) {
      throw new IllegalArgumentException(
          "step " + id + ": a composite run step needs shell: bash here, not " + shell);
    }
    Path stepDir = Files.createTempDirectory(runnerTemp, "step-");
    Path script = stepDir.resolve("script.sh");
    Files.writeString(script, template(String.valueOf(step.get("run")), context));
    Path output = Files.createFile(stepDir.resolve("output"));
    Path envFile = Files.createFile(stepDir.resolve("env"));
    Path summaryFile = Files.createFile(stepDir.resolve("summary"));
    Path log = stepDir.resolve("log");
    env.put("GITHUB_OUTPUT", output.toString());
    env.put("GITHUB_ENV", envFile.toString());
    env.put("GITHUB_STEP_SUMMARY", summaryFile.toString());
    env.put("GITHUB_ACTION_PATH", actionDir.toString());
    String workingDirectory =
        step.containsKey("working-directory")
            ? template(String.valueOf(step.get("working-directory")), context)
            : "";
    ProcessBuilder builder =
        new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
            .directory(workspace.resolve(workingDirectory).toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("step " + id + " did not finish");
    }
    jobEnv.putAll(commandFile(envFile));
    summary.append(Files.readString(summaryFile));
    return new StepRun(
        id,
        process.exitValue() == 0 ? "success" : "failure",
        continueOnError,
        Files.readString(log, StandardCharsets.UTF_8),
        commandFile(output));
  }

  /** {@code NAME=value} lines and {@code NAME<<DELIMITER} blocks, as in GITHUB_OUTPUT and GITHUB_ENV. */
  static Map<String, String> commandFile(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int heredoc = line.indexOf("<<");
      int equals = line.indexOf('=');
      if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
        String delimiter = line.substring(heredoc + 2);
        StringBuilder value = new StringBuilder();
        for (i++; i < lines.size() && !lines.get(i).equals(delimiter); i++) {
          value.append(value.length() == 0 ? "" : "\n").append(lines.get(i));
        }
        if (i == lines.size()) {
          throw new IllegalStateException("unterminated " + delimiter + " in " + file);
        }
        out.put(line.substring(0, heredoc), value.toString());
      } else if (equals > 0) {
        out.put(line.substring(0, equals), line.substring(equals + 1));
      } else if (!line.isEmpty()) {
        throw new IllegalStateException("invalid line in " + file + ": " + line);
      }
    }
    return out;
  }

  /** The values an expression can reach, and whether a step has failed so far. */
  private final class Context {
    final Map<String, Object> inputs;
    final Map<String, Object> steps;
    boolean failed;

    Context(Map<String, Object> inputs, Map<String, Object> steps) {
      this.inputs = inputs;
      this.steps = steps;
    }

    Object root(String name) {
      return switch (name) {
        case "inputs" -> inputs;
        case "steps" -> steps;
        case "github" -> github;
        case "runner" -> Map.of("temp", runnerTemp.toString());
        default -> throw new IllegalArgumentException("unknown context " + name);
      };
    }
  }

  private static final Pattern STATUS_FUNCTION =
      Pattern.compile("\\b(success|failure|always|cancelled)\\s*\\(");

  /** An {@code if:}, with or without {@code ${{ }}}; without a status function, {@code success() && (...)}. */
  private Object condition(String text, Context context) {
    String expression = text.strip();
    if (expression.startsWith("${{") && expression.endsWith("}}")) {
      expression = expression.substring(3, expression.length() - 2);
    }
    if (!STATUS_FUNCTION.matcher(expression).find()) {
      expression = "success() && (" + expression + ")";
    }
    return new Expression(expression, context).parse();
  }

  private String template(String text, Context context) {
    Matcher m = TEMPLATE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(string(new Expression(m.group(1), context).parse())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String string(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString();
    }
    return String.valueOf(value);
  }

  private static boolean truthy(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Double d) {
      return d != 0 && !d.isNaN();
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    return true;
  }

  private static double number(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof String s) {
      String t = s.strip();
      if (t.isEmpty()) {
        return 0;
      }
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** GitHub's equality: strings ignore case; otherwise both sides as numbers. */
  private static boolean equal(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return x.equalsIgnoreCase(y);
    }
    if (a == null && b == null) {
      return true;
    }
    if (a instanceof Map || b instanceof Map) {
      return a == b;
    }
    return number(a) == number(b);
  }

  /** A recursive-descent reader of GitHub's expression language, as far as actions use it. */
  private static final class Expression {
    private final String text;
    private final Context context;
    private int at;

    Expression(String text, Context context) {
      this.text = text;
      this.context = context;
    }

    Object parse() {
      Object value = or();
      skip();
      if (at != text.length()) {
        throw new IllegalArgumentException("unexpected '" + text.substring(at) + "' in " + text);
      }
      return value;
    }

    private Object or() {
      Object left = and();
      while (take("||")) {
        Object right = and();
        left = truthy(left) ? left : right;
      }
      return left;
    }

    private Object and() {
      Object left = comparison();
      while (take("&&")) {
        Object right = comparison();
        left = truthy(left) ? right : left;
      }
      return left;
    }

    private Object comparison() {
      Object left = unary();
      while (true) {
        if (take("==")) {
          left = equal(left, unary());
        } else if (take("!=")) {
          left = !equal(left, unary());
        } else {
          return left;
        }
      }
    }

    private Object unary() {
      if (take("!")) {
        return !truthy(unary());
      }
      return primary();
    }

    @SuppressWarnings("unchecked")
    private Object primary() {
      skip();
      if (take("(")) {
        Object value = or();
        expect(")");
        return value;
      }
      if (take("'")) {
        StringBuilder s = new StringBuilder();
        while (true) {
          if (at >= text.length()) {
            throw new IllegalArgumentException("unterminated string in " + text);
          }
          char c = text.charAt(at++);
          if (c == '\'') {
            if (at < text.length() && text.charAt(at) == '\'') {
              s.append('\'');
              at++;
            } else {
              return s.toString();
            }
          } else {
            s.append(c);
          }
        }
      }
      int start = at;
      while (at < text.length()
          && (Character.isLetterOrDigit(text.charAt(at)) || "_-.".indexOf(text.charAt(at)) >= 0)) {
        at++;
      }
      String word = text.substring(start, at);
      if (word.isEmpty()) {
        throw new IllegalArgumentException("unexpected '" + text.substring(at) + "' in " + text);
      }
      if (take("(")) {
        expect(")");
        return switch (word) {
          case "always" -> true;
          case "success" -> !context.failed;
          case "failure" -> context.failed;
          case "cancelled" -> false;
          default -> throw new IllegalArgumentException("unsupported function " + word);
        };
      }
      if (word.equals("true") || word.equals("false")) {
        return Boolean.valueOf(word);
      }
      if (word.equals("null")) {
        return null;
      }
      if (Character.isDigit(word.charAt(0))) {
        return Double.parseDouble(word);
      }
      String[] parts = word.split("\\.", -1);
      Object value = context.root(parts[0]);
      for (int i = 1; i < parts.length; i++) {
        value = value instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(parts[i]) : null;
      }
      return value;
    }

    private void skip() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private boolean take(String token) {
      skip();
      if (text.startsWith(token, at) && !(token.equals("!") && text.startsWith("!=", at))) {
        at += token.length();
        return true;
      }
      return false;
    }

    private void expect(String token) {
      if (!take(token)) {
        throw new IllegalArgumentException("expected " + token + " in " + text);
      }
    }
  }
}
