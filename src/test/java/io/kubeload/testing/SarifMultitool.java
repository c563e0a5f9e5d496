package io.kubeload.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
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

  private static final Path INSTALLED = Path.of("target/tools/Sarif.Multitool");

  private static Optional<Path> found;
  private static String why = "";

  private SarifMultitool() {}

  public static synchronized Optional<Path> binary() {
    if (found == null) {
      found = locate();
    }
    return found;
  }

  public static synchronized String unavailableBecause() {
    return "the SARIF Multitool could not be installed from npm (" + NPM_PACKAGE + "): " + why;
  }

  /**
   * The tool's exported validation configuration with every GitHub rule (key {@code GH<digits>.…})
   * enabled at level error, written under {@code dir}; fails when there is no such rule to enable,
   * so a Multitool that renamed them cannot make validation pass by running nothing.
   */
  public static Path githubRulesConfiguration(Path dir) throws IOException, InterruptedException {
    Path exported = dir.resolve("multitool-defaults.xml");
    Helm.run(dir, binary().orElseThrow().toString(), "export-validation-config", exported.toString());
    Matcher rule = GITHUB_RULE.matcher(Files.readString(exported));
    StringBuilder enabled = new StringBuilder();
    int count = 0;
    while (rule.find()) {
      rule.appendReplacement(enabled, Matcher.quoteReplacement(rule.group(1) + "Error" + rule.group(2)));
      count++;
    }
    rule.appendTail(enabled);
    if (count == 0) {
      throw new IOException("the Multitool's exported configuration (" + exported + ") has no GH rule to enable");
    }
    Path configuration = dir.resolve("multitool-github-rules.xml");
    Files.writeString(configuration, enabled);
    return configuration;
  }

  private static final Pattern GITHUB_RULE = Pattern.compile(
      "(<Properties Key=\"GH\\d+\\.\\w+\\.Options\">\\s*<Property Key=\"RuleEnabled\" Value=\")\\w+(\")");

  private static Optional<Path> locate() {
    try {
      if (!Files.isExecutable(INSTALLED)) {
        Path work = Files.createTempDirectory("kubeload-sarif");
        Helm.run(work, "npm", "pack", "--silent", NPM_PACKAGE);
        Path tarball;
        try (var files = Files.list(work)) {
          tarball = files.filter(f -> f.toString().endsWith(".tgz")).findFirst().orElseThrow(() -> new IOException("npm pack wrote no .tgz"));
        }
        Helm.run(work, "tar", "xzf", tarball.getFileName().toString(), "package/Sarif.Multitool");
        Files.createDirectories(INSTALLED.getParent());
        Path partial = Files.createTempFile(INSTALLED.getParent(), "sarif", ".tmp");
        Files.copy(work.resolve("package/Sarif.Multitool"), partial, StandardCopyOption.REPLACE_EXISTING);
        partial.toFile().setExecutable(true);
        Files.move(partial, INSTALLED, StandardCopyOption.REPLACE_EXISTING);
      }
      Helm.run(Path.of("."), INSTALLED.toAbsolutePath().toString(), "--version");
      return Optional.of(INSTALLED.toAbsolutePath());
    } catch (IOException e) {
      why = e.getMessage();
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      why = "interrupted";
      return Optional.empty();
    }
  }
}
