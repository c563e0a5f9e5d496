package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The GitHub Action and the pre-commit hook stay true to the command they run. */
class IntegrationFilesTest {

  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z-]+");

  @Test
  void theActionIsACompositeActionThatPassesOnlyFlagsAnalyzeHas() throws IOException {
    String action = Files.readString(Path.of("action.yml"));
    Map<String, Object> parsed = yaml(action);
    assertThat(parsed).containsKeys("name", "description", "inputs", "runs");
    assertThat(((Map<?, ?>) parsed.get("runs")).get("using")).isEqualTo("composite");
    assertThat(unknownFlags(action)).isEmpty();
  }

  @Test
  void theDocumentedWorkflowUsesOnlyFlagsAnalyzeHas() throws IOException {
    assertThat(unknownFlags(Files.readString(Path.of("docs/ci.md")))).isEmpty();
  }

  @Test
  void thePreCommitHookRunsTheLauncherOnceOnWhatItsArgumentsName() throws IOException {
    List<?> hooks =
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(Path.of(".pre-commit-hooks.yaml")));
    assertThat(hooks).hasSize(1);
    Map<?, ?> hook = (Map<?, ?>) hooks.get(0);
    assertThat(hook.get("id")).isEqualTo("kubeload");
    assertThat(hook.get("entry")).isEqualTo("kubeload analyze");
    assertThat(hook.get("language")).isEqualTo("script");
    assertThat(hook.get("require_serial")).isEqualTo(true);
    // The staged files alone are not the rendered set: RBAC in one file changes another's load.
    assertThat(hook.get("pass_filenames")).isEqualTo(false);
    assertThat(Files.isExecutable(Path.of("kubeload"))).isTrue();
  }

  /** Flags the text passes that neither `kubeload analyze --help` nor the other tools it names know. */
  private static Set<String> unknownFlags(String text) {
    String help = CliRun.of("analyze", "--help").stdout();
    TreeSet<String> unknown = new TreeSet<>();
    Matcher m = FLAG.matcher(text);
    while (m.find()) {
      String flag = m.group();
      if (!help.contains(flag + " ") && !help.contains(flag + "=") && !help.contains(flag + ",")) {
        unknown.add(flag);
      }
    }
    return unknown;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }

  @Test
  void theReleaseWorkflowPublishesTheJarAndTheChecksumThePackagePhaseWrites() throws IOException {
    // YAML 1.1 reads the workflow's key `on` as the boolean true, so the map's keys are not all
    // strings.
    Map<?, ?> release = yaml(Files.readString(Path.of(".github/workflows/release.yml")));
    assertThat(((Map<?, ?>) release.get(true)).toString()).contains("tags=[v*]");
    String text = Files.readString(Path.of(".github/workflows/release.yml"));
    assertThat(text)
        .contains(
            "gh release create",
            "target/kubeload-all.jar target/kubeload-all.jar.sha256",
            "mvn -B verify");
    assertThat(Files.readString(Path.of("pom.xml"))).contains("fileext=\".sha256\"");
    assertThat(Files.readString(Path.of("action.yml"))).contains("KUBELOAD_RELEASE: prefer");
  }
}
