package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeload.testing.Folders;
import io.kubeload.testing.Helm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings point at the line a reviewer edits, in the repository's own paths: the template that
 * writes the object (found from --chart, or from `# Source:` under --source-root), at its kind line,
 * relative to the folder holding .git, as pull-request annotations and code scanning need.
 */
class TemplateLocationTest {

  private static final String RENDERED =
      """
      ---
      # Source: my-app/templates/serviceaccount.yaml
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: release-agent
        namespace: agents
      ---
      # Source: my-app/templates/rbac.yaml
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: release-agent
      rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["list", "watch"]
      ---
      # Source: my-app/templates/rbac.yaml
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: release-agent
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: release-agent
      subjects:
        - kind: ServiceAccount
          name: release-agent
          namespace: agents
      ---
      # Source: my-app/templates/daemonset.yaml
      # The agent runs on every node; what it may read comes from rbac.yaml.
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: release-agent
        namespace: agents
      spec:
        selector:
          matchLabels:
            app: agent
        template:
          metadata:
            labels:
              app: agent
          spec:
            serviceAccountName: release-agent
            containers:
              - name: agent
                image: example.com/agent:1.0.0
      """;

  @TempDir Path dir;

  private Path repository;

  @BeforeEach
  void layOut() throws IOException {
    repository = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(repository.resolve(".git"));
    Folders.copyTree(Path.of("src/test/resources/ci/my-app"), repository.resolve("charts/my-app"));
  }

  @Test
  void withChartTheAnnotationIsAtTheTemplatesKindLineInsideTheRepository() {
    assumeTrue(Helm.binary().isPresent(), Helm.unavailableBecause());
    CliRun run =
        CliRun.of(
            "analyze",
            "--chart",
            repository.resolve("charts/my-app").toString(),
            "--set",
            "rbac.clusterWide=true",
            "--helm",
            Helm.binary().get().toString(),
            "--format",
            "github");
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.FAIL);
    assertThat(run.stdout())
        .contains("::error file=charts/my-app/templates/daemonset.yaml,line=3,");
  }

  @Test
  void renderedOnStdinWithSourceRootPointsAtTheTemplate() {
    CliRun run =
        CliRun.withStdin(
            RENDERED.getBytes(StandardCharsets.UTF_8),
            "analyze",
            "-",
            "--source-root",
            repository.resolve("charts").toString());
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.FAIL);
    assertThat(run.stdout()).contains("at <stdin>:35 (charts/my-app/templates/daemonset.yaml:3)");
    CliRun github =
        CliRun.withStdin(
            RENDERED.getBytes(StandardCharsets.UTF_8),
            "analyze",
            "-",
            "--source-root",
            repository.resolve("charts").toString(),
            "--format",
            "github");
    assertThat(github.stdout())
        .contains("::error file=charts/my-app/templates/daemonset.yaml,line=3,")
        .contains("(rendered at <stdin>:35)");
  }

  @Test
  void withoutTheTemplateOnDiskTheRenderedFileAndLineStand() {
    CliRun run =
        CliRun.withStdin(
            RENDERED.getBytes(StandardCharsets.UTF_8), "analyze", "-", "--format", "github");
    assertThat(run.stdout())
        .contains("::error file=<stdin>,line=35,")
        .contains("(Helm template my-app/templates/daemonset.yaml)");
  }

  @Test
  void aSourceRootThatIsNoFolderIsAUsageError() {
    CliRun run =
        CliRun.withStdin(
            RENDERED.getBytes(StandardCharsets.UTF_8),
            "analyze",
            "-",
            "--source-root",
            dir.resolve("nope").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .isEqualTo("kubeload: --source-root " + dir.resolve("nope") + ": not a folder\n");
  }
}
