package io.kubeload.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft's SARIF Multitool (the validator GitHub points SARIF producers to), installed under
 * {@code target/tools/} from its npm package for Linux, whose tarball holds the self-contained
 * {@code Sarif.Multitool} executable. Called directly: the npm wrapper passes its arguments through a
 * shell, which splits {@code --rule-kind "Ghas;Sarif"} at the semicolon.
 *
 * <p>GitHub's ingestion rules (GH1001…GH2012, e.g. GH1003 "provide a region") declare themselves
 * disabled by default ({@code EnabledByDefault => false} in microsoft/sarif-sdk's
 * {@code src/Sarif.Multitool.Library/Rules/GH1003.ProvideRequiredRegionProperties.cs}): {@code
 * --rule-kind Ghas} only selects among enabled rules, so on its own it runs none of them. A
 * configuration file that sets each one's {@code RuleEnabled} turns them on; {@link
 * #githubRulesConfiguration} writes it from the tool's own exported defaults.
 */
public final class SarifMultitool {

  static final String NPM_PACKAGE = "@microsoft/sarif-multitool-linux@5.7.0";

  private static final Path INSTALLED = TestTool.TOOLS.resolve("Sarif.Multitool");

  private static final TestTool TOOL =
      new TestTool(
          "the SARIF Multitool could not be installed from npm (" + NPM_PACKAGE + ")",
          SarifMultitool::locate);

  private static final Pattern GITHUB_RULE =
      Pattern.compile(
          "(<Properties Key=\"GH\\d+\\.\\w+\\.Options\">\\s*<Property Key=\"RuleEnabled\" Value=\")\\w+(\")");

  private SarifMultitool() {}

  public static Optional<Path> binary() {
    return TOOL.binary();
  }

  public static String unavailableBecause() {
    return TOOL.unavailableBecause();
  }

  /**
   * The validator's results at level error or warning (a rule's default level is warning) for
   * {@code sarif}, with GitHub's rules on; its files go to {@code dir}.
   */
  public static List<String> problems(Path sarif, Path dir)
      throws IOException, InterruptedException {
    Path log = dir.resolve("validation-" + sarif.getFileName());
    Path configuration =
        githubRulesConfiguration(Files.createDirectories(dir.resolve("multitool")));
    Process process =
        new ProcessBuilder(
                binary().orElseThrow().toString(),
                "validate",
                "--config",
                configuration.toString(),
                "--rule-kind",
                "Ghas;Sarif",
                "--level",
                "Error;Warning;Note",
                "--output",
                log.toString(),
                sarif.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("validator.txt").toFile())
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || !Files.exists(log)) {
      throw new IOException(
          "the Multitool wrote no validation log: "
              + Files.readString(dir.resolve("validator.txt")));
    }
    List<String> out = new ArrayList<>();
    for (JsonNode result : new ObjectMapper().readTree(log.toFile()).at("/runs/0/results")) {
      String level = result.path("level").asText("warning");
      if (level.equals("error") || level.equals("warning")) {
        out.add(
            result.path("ruleId").asText()
                + " "
                + level
                + ": "
                + result.at("/message/text").asText(result.at("/message/arguments").toString()));
      }
    }
    return out;
  }

  /**
   * The tool's exported validation configuration with every GitHub rule (key {@code GH<digits>.…})
   * enabled at level error, written under {@code dir}; fails when there is no such rule to enable,
   * so a Multitool that renamed them cannot make validation pass by running nothing.
   */
  public static Path githubRulesConfiguration(Path dir) throws IOException, InterruptedException {
    Path exported = dir.resolve("multitool-defaults.xml");
    TestTool.run(
        dir, binary().orElseThrow().toString(), "export-validation-config", exported.toString());
    Matcher rule = GITHUB_RULE.matcher(Files.readString(exported));
    StringBuilder enabled = new StringBuilder();
    int count = 0;
    while (rule.find()) {
      rule.appendReplacement(
          enabled, Matcher.quoteReplacement(rule.group(1) + "Error" + rule.group(2)));
      count++;
    }
    rule.appendTail(enabled);
    if (count == 0) {
      throw new IOException(
          "the Multitool's exported configuration (" + exported + ") has no GH rule to enable");
    }
    Path configuration = dir.resolve("multitool-github-rules.xml");
    Files.writeString(configuration, enabled);
    return configuration;
  }

  private static Path locate() throws IOException, InterruptedException {
    if (!Files.isExecutable(INSTALLED)) {
      Path work = TestTool.npmUnpack(NPM_PACKAGE, "package/Sarif.Multitool");
      try (InputStream binary = Files.newInputStream(work.resolve("package/Sarif.Multitool"))) {
        TestTool.installExecutable(binary, INSTALLED);
      }
    }
    TestTool.run(Path.of("."), INSTALLED.toAbsolutePath().toString(), "--version");
    return INSTALLED;
  }
}
