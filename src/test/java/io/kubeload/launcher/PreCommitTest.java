package io.kubeload.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeload.testing.PreCommit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hook ({@code .pre-commit-hooks.yaml}) run by the real pre-commit framework in a
 * user's repository, the hook repository cloned by pre-commit from a local git repository as it
 * would be from GitHub. The commit that breaks the budget adds only RBAC: the DaemonSet whose
 * ServiceAccount it grants was committed before, so a hook that judged only the staged files would
 * let it through. The launcher runs the packaged jar (KUBELOAD_JAR) instead of building one.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PreCommitTest {

  private static final String AGENT =
      """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: my-app-agent
        namespace: agents
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: my-app-agent
        namespace: agents
      spec:
        selector:
          matchLabels: {app: agent}
        template:
          metadata:
            labels: {app: agent}
          spec:
            serviceAccountName: my-app-agent
            containers:
              - name: agent
                image: example.com/agent:1.0.0
      """;

  private static final String CLUSTER_WIDE_PODS =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: my-app-agent
      rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["list", "watch"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: my-app-agent
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: my-app-agent
      subjects:
        - kind: ServiceAccount
          name: my-app-agent
          namespace: agents
      """;

  @TempDir Path temp;

  record Result(int exitCode, String output) {}

  @Test
  void aCommitThatAddsOnlyRbacForAnExistingDaemonSetIsRefused() throws Exception {
    assumeTrue(PreCommit.binary().isPresent(), PreCommit.unavailableBecause());
    String rev = hookRepository();
    Path app = Files.createDirectories(temp.resolve("app"));
    git(app, "init", "--quiet", "--initial-branch=main");
    write(app.resolve("rendered/agent.yaml"), AGENT);
    // Values files and the hook's own configuration are YAML too, but no manifests: never read.
    write(app.resolve("charts/my-app/values.yaml"), "rbac:\n  clusterWide: false\n");
    write(
        app.resolve(".pre-commit-config.yaml"),
        """
        repos:
          - repo: %s
            rev: %s
            hooks:
              - id: kubeload
                args: [rendered/]
        """
            .formatted(temp.resolve("hook"), rev));
    assertThat(run(app, PreCommit.binary().get().toString(), "install").exitCode()).isZero();

    git(app, "add", "-A");
    Result first =
        run(app, "git", "commit", "--quiet", "-m", "the agent, reading only its own node");
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output()).contains("kubeload").contains("Passed");

    write(app.resolve("rendered/rbac.yaml"), CLUSTER_WIDE_PODS);
    write(app.resolve("charts/my-app/values.yaml"), "rbac:\n  clusterWide: true\n");
    git(app, "add", "-A");
    Result second = run(app, "git", "commit", "--quiet", "-m", "let the agent see every pod");

    assertThat(second.exitCode()).as(second.output()).isNotZero();
    assertThat(second.output())
        .contains("Failed")
        .contains("FAIL at production")
        .contains("DaemonSet/agents/my-app-agent")
        .doesNotContain("values.yaml")
        .doesNotContain("pre-commit-config");
    assertThat(run(app, "git", "log", "--oneline").output().lines()).hasSize(1);
  }

  /** This repository's hook files, committed in a repository of their own for pre-commit to clone. */
  private String hookRepository() throws IOException, InterruptedException {
    Path hook = Files.createDirectories(temp.resolve("hook"));
    Files.copy(Path.of(".pre-commit-hooks.yaml"), hook.resolve(".pre-commit-hooks.yaml"));
    Files.copy(Path.of("kubeload"), hook.resolve("kubeload"), StandardCopyOption.COPY_ATTRIBUTES);
    git(hook, "init", "--quiet", "--initial-branch=main");
    git(hook, "add", "-A");
    git(hook, "commit", "--quiet", "-m", "hook");
    return run(hook, "git", "rev-parse", "HEAD").output().strip();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Result result = run(dir, command.toArray(String[]::new));
    assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.output()).isZero();
  }

  private Result run(Path dir, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Path home = Files.createDirectories(temp.resolve("home"));
    Map<String, String> env = builder.environment();
    env.put("HOME", home.toString());
    env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
    env.put("PRE_COMMIT_HOME", home.resolve("pre-commit").toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_AUTHOR_NAME", "dev");
    env.put("GIT_AUTHOR_EMAIL", "dev@example.com");
    env.put("GIT_COMMITTER_NAME", "dev");
    env.put("GIT_COMMITTER_EMAIL", "dev@example.com");
    env.put("KUBELOAD_JAR", Path.of("target/kubeload-all.jar").toAbsolutePath().toString());
    env.remove("JAVA_OPTS");
    Process process =
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Result(process.exitValue(), output);
  }
}
