package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.access.config.ConfigLanguage;
import io.kubeload.access.config.ConfigParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a pull request's author controls, written to stall, crash or mislead the check. Each case
 * is bounded by a generous {@link Timeout}: it fails if it has not finished by then (never a timing
 * assertion), and each failed on the reader as it was before these fixes (docs/limits.md).
 */
class HostileInputTest {

  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static void assertOneLineError(CliRun run, String... fragments) {
    assertThat(run.exitCode())
        .as("exit code; stderr was: %s", run.stderr())
        .isEqualTo(ExitCode.USAGE);
    assertThat(run.stdout()).as("stdout").isEmpty();
    assertThat(run.stderr().lines().toList()).as("stderr lines").hasSize(1);
    assertThat(run.stderr()).startsWith("kubeload: ").doesNotContain("Exception", "\tat ");
    for (String fragment : fragments) {
      assertThat(run.stderr()).contains(fragment);
    }
  }

  static String configMap(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + name
        + "\ndata:\n  a: \""
        + value
        + "\"\n";
  }

  /** Levels of {@code width} aliases each, as {@code YamlDocumentsTest.billionLaughs} but in fewer bytes. */
  static String laughs(String name, int levels, int width) {
    StringBuilder yaml =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\nx:\n");
    yaml.append("  l0: &l0 [")
        .append(String.join(",", Collections.nCopies(width, "a")))
        .append("]\n");
    for (int level = 1; level < levels; level++) {
      yaml.append("  l")
          .append(level)
          .append(": &l")
          .append(level)
          .append(" [")
          .append(String.join(",", Collections.nCopies(width, "*l" + (level - 1))))
          .append("]\n");
    }
    return yaml.toString();
  }

  /**
   * One annotation may declare as many accesses as a pull request's author writes: each informer is
   * a LIST and a WATCH of every pod's start-up, and the simulations follow a pod of thousands of
   * requests as they follow one of two (a fixed count of 11 bits made this an internal error).
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aWorkloadDeclaringThousandsOfAccessesIsJudged() throws IOException {
    StringBuilder accesses = new StringBuilder();
    for (int i = 0; i < 1_100; i++) {
      accesses
          .append("      - resource: things")
          .append(i)
          .append("\n        group: example.com\n");
    }
    Path file =
        write(
            "many.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: many
              namespace: default
              annotations:
                kubeload.io/access: |
            %s\
            spec:
              replicas: 3
              selector:
                matchLabels: {app: many}
              template:
                metadata:
                  labels: {app: many}
                spec:
                  containers:
                  - name: c
                    image: busybox
            """
                .formatted(accesses));

    CliRun run = CliRun.of("analyze", file.toString());

    assertThat(run.exitCode()).as(run.stderr()).isIn(ExitCode.PASS, ExitCode.FAIL);
    assertThat(run.stdout()).contains("Deployment/default/many");
  }

  @Nested
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  class Hangs {

    @Test
    void aValueOfManyBracesIsCheckedForTemplatesInLinearTime() throws IOException {
      // 200,000 braces: the template expression tried from every `{{` to the end took over 300 s.
      Path file = write("braces.yaml", configMap("braces", "{".repeat(200_000)));

      // Beside a workload: input without one is bad input of its own.
      CliRun run = CliRun.of("analyze", file.toString(), WEB);

      assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.PASS);
    }

    @Test
    void aTemplateAfterManyBracesIsStillFound() throws IOException {
      Path file = write("late.yaml", configMap("late", "{".repeat(50_000) + "} {{ .Values.x }}"));

      assertOneLineError(
          CliRun.of("analyze", file.toString()), "late.yaml:6: unrendered Helm template in data.a");
    }

    @Test
    void aLongLineWithinTheLimitsIsReadInLinearTime() throws IOException {
      // A 20 MB comment line took 227 s: snakeyaml's reader copied its look-ahead for every 1,024
      // chars.
      Path file =
          write("long.yaml", "# " + "a".repeat(20_000_000) + "\n" + configMap("long", "ok"));

      CliRun run = CliRun.of("analyze", file.toString(), WEB, "--max-document-chars", "30000000");

      assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.PASS);
    }

    @Test
    void aLineLongerThanTheDocumentLimitStopsTheReaderThere() throws IOException {
      Path file =
          write("long.yaml", configMap("before", "ok") + "---\n# " + "a".repeat(20_000_000) + "\n");

      assertOneLineError(
          CliRun.of("analyze", file.toString()), "long.yaml:8: ", "--max-document-chars");
    }

    @Test
    void aListsItemsCountAsDocuments() throws IOException {
      StringBuilder list = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
      for (int i = 0; i < 20_000; i++) {
        list.append("- apiVersion: v1\n  kind: ServiceAccount\n  metadata:\n    name: sa-")
            .append(i)
            .append('\n');
      }
      Path file = write("list.yaml", list.toString());

      assertOneLineError(
          CliRun.of("analyze", file.toString()), "list.yaml:40000: ", "--max-documents");
    }

    @Test
    void aListOfManyItemsIsReadInLinearTime() throws IOException {
      // 10,000 RoleBindings in one List took 118 s: each item's lines were copied from all the
      // List's.
      StringBuilder list = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
      for (int i = 0; i < 9_000; i++) {
        list.append("- apiVersion: v1\n  kind: ServiceAccount\n  metadata:\n    name: sa-")
            .append(i)
            .append("\n    labels: {a: b, c: d, e: f, g: h}\n");
      }
      Path file = write("list.yaml", list.toString());

      CliRun run = CliRun.of("analyze", file.toString(), WEB, "--format", "json");

      assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.PASS);
    }

    @Test
    void aliasesAreBudgetedForTheWholeRunNotPerDocument() throws IOException {
      // 2,000 files each just under the old per-document bound (9^6 nodes) took 85 s.
      for (int i = 0; i < 2_000; i++) {
        write("laughs/f" + i + ".yaml", laughs("l" + i, 6, 9));
      }

      assertOneLineError(CliRun.of("analyze", tmp.resolve("laughs").toString()), "alias bomb");
    }

    @Test
    void componentConfigsInConfigMapsDrawOnTheRunsAliasBudget() throws IOException {
      // Each prometheus.yml adds 8,289 nodes, within a configuration's share of 10,000; 150 of them
      // add 1.24 million, past the run's million, which each config's budget of its own never saw.
      String config =
          laughs("p", 4, 9)
              .lines()
              .skip(5)
              .map(line -> "    " + line.substring(2) + "\n")
              .collect(java.util.stream.Collectors.joining());
      StringBuilder yaml = new StringBuilder();
      for (int i = 0; i < 150; i++) {
        yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: prometheus-")
            .append(i)
            .append("\ndata:\n  rules.txt: plain\n  prometheus.yml: |\n")
            .append(config);
      }
      Path file = write("configs.yaml", yaml.toString());

      CliRun run = CliRun.of("analyze", "samples/manifests/web-deployment.yaml", file.toString());

      assertOneLineError(run, "alias bomb");
      java.util.regex.Matcher at =
          java.util.regex.Pattern.compile("configs\\.yaml:(\\d+): ").matcher(run.stderr());
      assertThat(at.find()).as(run.stderr()).isTrue();
      assertThat(Files.readAllLines(file).get(Integer.parseInt(at.group(1)) - 1))
          .isEqualTo("  prometheus.yml: |");
    }

    @Test
    void aComponentsConfigIsReadWithinAnAliasBudgetAndNotCopiedPerAlias() {
      // A Prometheus config of aliases in a ConfigMap was copied into a tree alias by alias: out of
      // memory.
      ConfigParser.Parsed bomb =
          ConfigParser.parse(ConfigLanguage.YAML, "prometheus.yml", laughs("p", 6, 9));
      assertThat(bomb.tree()).isEmpty();
      assertThat(bomb.problem()).contains("alias bomb");

      ConfigParser.Parsed shared =
          ConfigParser.parse(ConfigLanguage.YAML, "prometheus.yml", "a: &a {job: x}\nb: *a\n");
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> tree =
          (java.util.Map<String, Object>) shared.tree().orElseThrow();
      assertThat(tree.get("b")).isSameAs(tree.get("a")).isEqualTo(java.util.Map.of("job", "x"));
    }
  }

  @Nested
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  class Charts {

    private String helm() {
      org.junit.jupiter.api.Assumptions.assumeTrue(
          io.kubeload.testing.Helm.binary().isPresent(),
          io.kubeload.testing.Helm.unavailableBecause());
      return io.kubeload.testing.Helm.binary().get().toString();
    }

    private Path chart(String template) throws IOException {
      write("chart/Chart.yaml", "apiVersion: v2\nname: hostile\nversion: 0.1.0\n");
      write("chart/templates/t.yaml", template);
      return tmp.resolve("chart");
    }

    @Test
    void aTemplateThatNeverEndsIsStoppedAtTheTimeOut() throws IOException {
      Path chart = chart("{{- range until 2000000000 }}{{- end }}\n");

      CliRun run =
          CliRun.of(
              "analyze", "--chart", chart.toString(), "--helm", helm(), "--helm-timeout", "3");

      assertOneLineError(run, "did not finish in 3 s", "--render-timeout");
    }

    @Test
    void aRenderLargerThanTheByteLimitIsStoppedWhileItIsRead() throws IOException {
      // 50 MB rendered used to be read whole and passed, where the same file is exit 2.
      Path chart =
          chart(
              "{{- range until 1000000 }}\n# a comment line of about fifty bytes, repeated\n{{- end }}\n");

      CliRun run = CliRun.of("analyze", "--chart", chart.toString(), "--helm", helm());

      assertOneLineError(
          run, "helm template " + chart + ": more bytes than one run reads", "--max-input-bytes");
    }

    @Test
    void valuesFilesAndChartsFromTheNetworkAreRefused() throws IOException {
      Path chart = chart("");
      String helm = helm();
      assertOneLineError(
          CliRun.of(
              "analyze",
              "--chart",
              chart.toString(),
              "--helm",
              helm,
              "-f",
              "https://example.invalid/v.yaml"),
          "-f https://example.invalid/v.yaml: not a local file",
          "never touches the network");
      assertOneLineError(
          CliRun.of("analyze", "--chart", "oci://example.invalid/charts/x", "--helm", helm),
          "--chart oci://example.invalid/charts/x: chart x would be fetched from oci://example.invalid/charts; vendor it with `helm pull",
          "never touches the network");
    }
  }

  static final String WEB = "samples/manifests/web-deployment.yaml";

  private Path web(String from, String to) throws IOException {
    String yaml = Files.readString(Path.of(WEB));
    assertThat(yaml).contains(from);
    return write("web.yaml", yaml.replace(from, to));
  }

  @Nested
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  class Crashes {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"replicas: 3\n", "maxReplicas: 20\n"})
    void legalHugeCountsAreAnalysedWithoutAllocatingPerPod(String field) throws IOException {
      Path file =
          web(
              field,
              field.replace(
                  field.contains("max") ? "20" : "3",
                  field.contains("max") ? "2147483647" : "100000000"));

      CliRun run = CliRun.of("analyze", file.toString(), "--format", "json");

      assertThat(run.exitCode()).as(run.stderr()).isIn(ExitCode.PASS, ExitCode.FAIL);
    }

    @Test
    void aDaemonSetOnTwoBillionNodesIsAnalysed() {
      CliRun run =
          CliRun.of(
              "analyze",
              "samples/manifests/telemetry-daemonset.yaml",
              "--nodes",
              "2147483647",
              "--format",
              "json");

      assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.FAIL);
    }

    @Test
    void aNullContainerIsBadInputAtItsLine() throws IOException {
      Path file = web("      containers:\n", "      containers:\n        - ~\n");

      assertOneLineError(
          CliRun.of("analyze", file.toString()),
          "web.yaml:34: spec.template.spec.containers[0]: ",
          "expected a mapping, not null");
    }

    @Test
    void aLongChainOfAggregatedClusterRolesDoesNotOverflowTheStack() throws IOException {
      StringBuilder yaml =
          new StringBuilder(
              """
          apiVersion: v1
          kind: ServiceAccount
          metadata: {name: sa, namespace: ns}
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRoleBinding
          metadata: {name: b}
          roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r0}
          subjects: [{kind: ServiceAccount, name: sa, namespace: ns}]
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: d, namespace: ns}
          spec:
            selector: {matchLabels: {a: b}}
            template:
              metadata: {labels: {a: b}}
              spec:
                serviceAccountName: sa
                containers: [{name: c, image: x}]
          """);
      for (int i = 0; i < 3_000; i++) {
        yaml.append(
                "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r")
            .append(i)
            .append(", labels: {level: l")
            .append(i)
            .append("}}\naggregationRule: {clusterRoleSelectors: [{matchLabels: {level: l")
            .append(i + 1)
            .append("}}]}\nrules: [{apiGroups: [''], resources: [pods], verbs: [get]}]\n");
      }
      Path file = write("chain.yaml", yaml.toString());

      CliRun run = CliRun.of("analyze", file.toString(), "--format", "json");

      assertThat(run.exitCode()).as(run.stderr()).isIn(ExitCode.PASS, ExitCode.FAIL);
    }
  }

  @Nested
  class BadInputThatPassed {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
        strings = {"4294967297", ".nan", "2.9", "\"10\"", "0", "-1"})
    void anHpaMaxReplicasTheApiServerRejectsIsBadInput(String max) throws IOException {
      Path file = web("maxReplicas: 20", "maxReplicas: " + max);

      assertOneLineError(
          CliRun.of("analyze", file.toString()),
          "web.yaml:51: spec.maxReplicas: not a valid HorizontalPodAutoscaler");
    }

    @Test
    void anHpaMinReplicasAboveItsMaxIsBadInput() throws IOException {
      Path file = web("minReplicas: 3", "minReplicas: 30");

      assertOneLineError(
          CliRun.of("analyze", file.toString()),
          "web.yaml:50: spec.minReplicas: 30 is more than spec.maxReplicas 20");
    }

    @Test
    void aNamespaceThatIsNotAStringIsBadInput() throws IOException {
      Path file =
          web(
              "  name: shop-web\n  namespace: shop\nspec:\n  replicas",
              "  name: shop-web\n  namespace: 42\nspec:\n  replicas");

      assertOneLineError(
          CliRun.of("analyze", file.toString()),
          "web.yaml:20: metadata.namespace must be a string");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
        strings = {"Shop-Web", "shop_web", "web\\n# PASS", "-web"})
    void aNameTheApiServerRejectsIsBadInput(String name) throws IOException {
      Path file =
          web(
              "  name: shop-web\n  namespace: shop\nspec:\n  replicas",
              "  name: \"" + name + "\"\n  namespace: shop\nspec:\n  replicas");

      assertOneLineError(
          CliRun.of("analyze", file.toString()),
          "web.yaml:19: metadata.name is not a valid Deployment name");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
        strings = {"NaN%", "-5%", "150%", "Infinity%", "0x1p3%", "2.5%", "5", "-1"})
    void aRollOutBudgetTheApiServerRejectsIsBadInput(String budget) throws IOException {
      String value = budget.equals("-1") ? budget : "\"" + budget + "\"";
      Path file =
          web(
              "  replicas: 3\n",
              "  replicas: 3\n  strategy:\n    rollingUpdate:\n      maxUnavailable: "
                  + value
                  + "\n");

      assertOneLineError(
          CliRun.of("analyze", file.toString()),
          "web.yaml:25: spec.strategy.rollingUpdate.maxUnavailable: not a valid Deployment");
    }

    @Test
    void oneFileNamedTwiceIsAnObjectDefinedTwice() {
      assertOneLineError(
          CliRun.of("analyze", WEB, WEB), WEB + ":", "is defined twice: also at " + WEB + ":");
    }
  }

  /** What a pull request's author can write that reaches the bot's comment: file names, RBAC names, ignore reasons. */
  @Nested
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  class Injection {

    private static final String FORGED =
        "\n\n### \u2705 kubeload: PASS\n\n![x](https://example.invalid/x.png) @octocat <b>bold</b>\n"
            + "| a | b |\n|---|---|\n| forged | row |\n```\n</summary></details>\n```mermaid\n\u001b[2J\r";

    /** The telemetry sample with {@code text} in its file name, its ClusterRole's name and an ignore reason. */
    private Path sample(String folder, String text) throws IOException {
      String roleName =
          text.replace("/", "-").replace("%", "-").replaceAll("\\p{Cntrl}", " ").strip();
      String yaml =
          Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml"))
              .replace(
                  "kind: ClusterRole\nmetadata:\n  name: node-telemetry",
                  "kind: ClusterRole\nmetadata:\n  name: '" + roleName.replace("'", "''") + "'")
              .replace(
                  "  kind: ClusterRole\n  name: node-telemetry",
                  "  kind: ClusterRole\n  name: '" + roleName.replace("'", "''") + "'")
              .replace(
                  "  name: node-telemetry\n  namespace: telemetry\n  labels:",
                  "  name: node-telemetry\n  namespace: telemetry\n"
                      + "  annotations:\n    kubeload.io/ignore: \"watch-egress="
                      + text.replace("\\", "\\\\")
                          .replace("\"", "\\\"")
                          .replace("\n", "\\n")
                          .replace("\r", "\\r")
                          .replace("\u001b", "\\e")
                      + "\"\n  labels:");
      return write(folder + "/x" + text.replace("/", "-").replace("\u0000", "") + ".yaml", yaml);
    }

    private String markdown(Path file) {
      CliRun run = CliRun.of("analyze", file.toString(), "--format", "markdown");
      assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.FAIL);
      return run.stdout();
    }

    private static String html(String markdown) {
      var tables = java.util.List.of(org.commonmark.ext.gfm.tables.TablesExtension.create());
      var parser = org.commonmark.parser.Parser.builder().extensions(tables).build();
      return org.commonmark.renderer.html.HtmlRenderer.builder()
          .extensions(tables)
          .build()
          .render(parser.parse(markdown));
    }

    private static java.util.Map<String, Long> structure(String html) {
      java.util.Map<String, Long> tags = new java.util.TreeMap<>();
      java.util.regex.Matcher tag =
          java.util.regex.Pattern.compile(
                  "<(h[1-6]|img|tr|td|th|details|summary|pre|code|table|a|b)[ >]")
              .matcher(html);
      while (tag.find()) {
        tags.merge(tag.group(1), 1L, Long::sum);
      }
      return tags;
    }

    @Test
    void hostileNamesRenderAsPlainTextInTheMarkdownComment() throws IOException {
      String benign = markdown(sample("benign", "plain words standing in for the hostile text"));
      String hostile = markdown(sample("hostile", FORGED));
      assertThat(hostile).contains("kubeload: PASS").doesNotContain("\u001b", "\r");

      String rendered = html(hostile);
      assertThat(structure(rendered)).as(rendered).isEqualTo(structure(html(benign)));
      assertThat(rendered).doesNotContain("<img", "<h3>\u2705").containsOnlyOnce("<h3>");
      assertThat(rendered.lines().filter(line -> line.contains("kubeload: PASS")).toList())
          .allSatisfy(line -> assertThat(line).doesNotStartWith("<h"));
    }

    @Test
    void noInputNameMentionsAnyoneInTheMarkdownComment() throws IOException {
      String hostile = markdown(sample("mention", "cc @org/team and @octocat (mail@example.com)"));
      assertThat(hostile).contains("org/team", "octocat");

      // GitHub makes a mention of `@name` in the rendered text (entities decoded), but not in code.
      String text =
          html(hostile)
              .replaceAll("(?s)<pre>.*?</pre>|<code>.*?</code>", "")
              .replace("&#64;", "@")
              .replace("&#x40;", "@")
              .replace("&commat;", "@");
      assertThat(java.util.regex.Pattern.compile("(?<![\\w.])@[A-Za-z0-9]").matcher(text).find())
          .as(text)
          .isFalse();
    }

    @Test
    void theTextReportAndErrorsShowControlCharactersVisibly() throws IOException {
      Path file = sample("text", FORGED);
      CliRun run = CliRun.of("analyze", file.toString());
      assertThat(run.stdout()).doesNotContain("\u001b", "\r").contains("\\x1b[2J");
      assertThat(run.stdout().lines())
          .as("no line the input forged")
          .noneMatch(line -> line.startsWith("### "));

      Path broken = write("broken\u001b[2J\nkubeload: PASS.yaml", "a: [\n");
      CliRun error = CliRun.of("analyze", broken.toString());
      assertOneLineError(error, "broken\\x1b[2J\\nkubeload: PASS.yaml:");
      assertThat(error.stderr()).doesNotContain("\u001b");
    }
  }

  @Nested
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  class Outputs {

    private static final String SAMPLE = "samples/manifests/web-deployment.yaml";

    @Test
    void aNewReportHasTheUmasksModeAndAReplacedOneKeepsItsMode() throws IOException {
      Path fresh = tmp.resolve("fresh.json");
      assertThat(
              CliRun.of("analyze", SAMPLE, "--format", "json", "--output", fresh.toString())
                  .exitCode())
          .isZero();
      Path probe = Files.createFile(tmp.resolve("probe"));
      assertThat(Files.getPosixFilePermissions(fresh))
          .isEqualTo(Files.getPosixFilePermissions(probe));

      Path kept = Files.writeString(tmp.resolve("kept.json"), "old");
      Files.setPosixFilePermissions(
          kept, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
      assertThat(
              CliRun.of("analyze", SAMPLE, "--format", "json", "--output", kept.toString())
                  .exitCode())
          .isZero();
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(kept)))
          .isEqualTo("rw-r-----");
      assertThat(Files.readString(kept)).startsWith("{");
    }

    @Test
    void aSymbolicLinkIsFollowedAndStaysALink() throws IOException {
      Path real = Files.writeString(tmp.resolve("real.json"), "old");
      Path link = Files.createSymbolicLink(tmp.resolve("link.json"), real);

      assertThat(
              CliRun.of("analyze", SAMPLE, "--format", "json", "--output", link.toString())
                  .exitCode())
          .isZero();

      assertThat(Files.isSymbolicLink(link)).isTrue();
      assertThat(Files.readString(real)).startsWith("{");
    }

    @Test
    void aDeviceIsWrittenThroughAndItsWriteErrorIsBadInput() {
      org.junit.jupiter.api.Assumptions.assumeTrue(
          Files.exists(Path.of("/dev/full")), "no /dev/full here");

      CliRun run = CliRun.of("analyze", SAMPLE, "--format", "json", "--output", "/dev/full");

      assertOneLineError(run, "/dev/full: cannot write the report");
      assertThat(Path.of("/dev/full"))
          .isNotEqualTo(null)
          .satisfies(dev -> assertThat(Files.isRegularFile(dev)).isFalse());
    }

    @Test
    void aWriteErrorOnStdoutIsBadInput() {
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      java.io.PrintStream broken =
          new java.io.PrintStream(
              new java.io.OutputStream() {
                @Override
                public void write(int b) throws IOException {
                  throw new IOException("No space left on device");
                }
              },
              true,
              StandardCharsets.UTF_8);

      int code =
          Main.run(
              new String[] {"analyze", SAMPLE},
              java.io.InputStream.nullInputStream(),
              broken,
              new java.io.PrintStream(err, true, StandardCharsets.UTF_8));

      assertThat(code).isEqualTo(ExitCode.USAGE);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .startsWith("kubeload: <stdout>: cannot write the report");
    }

    @Test
    void anOutputEndingInASlashIsAFolderError() {
      CliRun run =
          CliRun.of("analyze", SAMPLE, "--format", "json", "--output", tmp.resolve("dir") + "/");

      assertOneLineError(run, "dir/: is a folder");
      assertThat(tmp.resolve("dir")).doesNotExist();
    }

    private void assertNoTemporaryFileIn(Path folder) throws IOException {
      try (var left = Files.walk(folder)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .noneMatch(name -> name.endsWith(".tmp"));
      }
    }

    @Test
    void aRenameThatFailsPartWayPutsBackTheReportsAlreadyReplaced() throws IOException {
      // Staging makes the folder nested.json/ for the third report, so the second's rename fails
      // after
      // the first report has replaced first.json.
      Path first = Files.writeString(tmp.resolve("first.json"), "old");
      Path nested = tmp.resolve("nested.json");
      CliRun run =
          CliRun.of(
              "analyze",
              SAMPLE,
              "--format",
              "json",
              "--output",
              first.toString(),
              "--format",
              "sarif",
              "--output",
              nested.toString(),
              "--format",
              "markdown",
              "--output",
              nested.resolve("inner.md").toString());

      assertOneLineError(run, nested + ": cannot write the report");
      assertThat(Files.readString(first)).isEqualTo("old");
      assertThat(nested).doesNotExist();
      assertNoTemporaryFileIn(tmp);
    }

    @Test
    void aStdoutThatFailsLeavesTheFilesOfTheRunUnreplaced() throws IOException {
      Path file = Files.writeString(tmp.resolve("kept.json"), "old");
      java.io.PrintStream full =
          new java.io.PrintStream(
              new java.io.OutputStream() {
                @Override
                public void write(int b) throws IOException {
                  throw new IOException("No space left on device");
                }
              },
              true,
              StandardCharsets.UTF_8);

      int code =
          Main.run(
              new String[] {
                "analyze",
                SAMPLE,
                "--format",
                "json",
                "--output",
                file.toString(),
                "--format",
                "text"
              },
              java.io.InputStream.nullInputStream(),
              full,
              new java.io.PrintStream(
                  new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

      assertThat(code).isEqualTo(ExitCode.USAGE);
      assertThat(Files.readString(file)).isEqualTo("old");
      assertNoTemporaryFileIn(tmp);
    }

    @Test
    void aDanglingSymbolicLinkIsWrittenThroughAsTheShellDoes() throws IOException {
      Path link = Files.createSymbolicLink(tmp.resolve("link.json"), Path.of("reports/made.json"));
      Files.createDirectories(tmp.resolve("reports"));

      assertThat(
              CliRun.of("analyze", SAMPLE, "--format", "json", "--output", link.toString())
                  .exitCode())
          .isZero();

      assertThat(Files.isSymbolicLink(link)).isTrue();
      assertThat(Files.readString(tmp.resolve("reports/made.json"))).startsWith("{");
      assertNoTemporaryFileIn(tmp);
    }

    @Test
    void devStdoutRedirectedToAFileIsWrittenThroughNotReplaced() throws Exception {
      Path redirected = Files.writeString(tmp.resolve("redirected.json"), "");
      Object inode =
          Files.readAttributes(redirected, java.nio.file.attribute.BasicFileAttributes.class)
              .fileKey();
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "analyze",
                  SAMPLE,
                  "--format",
                  "json",
                  "--output",
                  "/dev/stdout")
              .redirectOutput(redirected.toFile())
              .redirectError(tmp.resolve("err.txt").toFile())
              .start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(process.exitValue()).as(Files.readString(tmp.resolve("err.txt"))).isZero();
      // Replaced by a rename, the file would no longer be the one the process's stdout had open.
      assertThat(
              Files.readAttributes(redirected, java.nio.file.attribute.BasicFileAttributes.class)
                  .fileKey())
          .isEqualTo(inode);
      assertThat(Files.readString(redirected)).startsWith("{");
    }

    @Test
    void aLoopOfSymbolicLinksIsBadInput() throws IOException {
      Path a = Files.createSymbolicLink(tmp.resolve("a.json"), Path.of("b.json"));
      Files.createSymbolicLink(tmp.resolve("b.json"), Path.of("a.json"));

      assertOneLineError(
          CliRun.of("analyze", SAMPLE, "--format", "json", "--output", a.toString()),
          "a.json: cannot write the report: symbolic link loop");
    }

    @Test
    void aSigtermWhileTheReportsAreWrittenLeavesThePreviousOnesAndNoTemporaryFile()
        throws Exception {
      Path kept = Files.writeString(tmp.resolve("kept.json"), "old");
      Path fifo = tmp.resolve("nobody-reads.sarif");
      assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "analyze",
                  SAMPLE,
                  "--format",
                  "json",
                  "--output",
                  kept.toString(),
                  "--format",
                  "sarif",
                  "--output",
                  fifo.toString())
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("process.log").toFile())
              .start();
      try {
        // The FIFO blocks the run, with no reader, once the files are staged or replaced: catch it
        // there.
        while (!Files.readString(kept).startsWith("{") && !hasTemporaryFile()) {
          assertThat(process.isAlive())
              .as("still writing: %s", Files.readString(tmp.resolve("process.log")))
              .isTrue();
          Thread.sleep(20);
        }
        Thread.sleep(200);
        assertThat(process.isAlive()).as("blocked on the FIFO").isTrue();
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped by SIGTERM").isTrue();
      } finally {
        process.destroyForcibly();
      }

      assertThat(process.exitValue()).isEqualTo(128 + 15);
      assertThat(Files.readString(kept)).isEqualTo("old");
      assertThat(Files.isRegularFile(fifo)).isFalse();
      try (var left = Files.list(tmp)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("kept.json", "nobody-reads.sarif", "process.log");
      }
    }

    private boolean hasTemporaryFile() throws IOException {
      try (var files = Files.list(tmp)) {
        return files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));
      }
    }

    @Test
    void aFailingOutputLeavesNoOtherReportReplaced() throws IOException {
      Path first = Files.writeString(tmp.resolve("first.json"), "old");
      CliRun run =
          CliRun.of(
              "analyze",
              SAMPLE,
              "--format",
              "json",
              "--output",
              first.toString(),
              "--format",
              "sarif",
              "--output",
              tmp.resolve("missing-dir/blocked").toString().replace("missing-dir", "first.json"));

      assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(Files.readString(first)).isEqualTo("old");
      try (var left = Files.list(tmp)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .noneMatch(name -> name.endsWith(".tmp"));
      }
    }
  }
}
