package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code helm template -n logging} writes the namespace only into the templates that ask for it; the
 * rest land in the release namespace when installed. Read as written, the agent's ServiceAccount would
 * have no grants and the agent no load: a silent pass. {@code --namespace} places them; without it a
 * warning says why the load is missing.
 */
class InstallNamespaceTest {

  private static final String RENDERED =
      """
      ---
      # Source: agent/templates/serviceaccount.yaml
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: agent
        namespace: logging
      ---
      # Source: agent/templates/rbac.yaml
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: agent
      rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["get", "list", "watch"]
      ---
      # Source: agent/templates/rbac.yaml
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: agent
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: agent
      subjects:
        - kind: ServiceAccount
          name: agent
          namespace: logging
      ---
      # Source: agent/templates/daemonset.yaml
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        selector:
          matchLabels: {app: agent}
        template:
          metadata:
            labels: {app: agent}
          spec:
            serviceAccountName: agent
            containers:
              - name: agent
                image: example.com/agent:1.0
      """;

  @TempDir Path dir;

  @Test
  void withoutTheNamespaceTheMissingGrantsAreAWarningThatNamesTheFlag() throws IOException {
    CliRun run = CliRun.of("analyze", rendered().toString(), "--format", "json");
    assertThat(run.exitCode()).isEqualTo(ExitCode.PASS);
    assertThat(run.stdout())
        .contains("\"rule\" : \"namespace-unset\"")
        .contains(
            "DaemonSet/default/agent is written without metadata.namespace, so it is read as namespace default, "
                + "but the bindings name ServiceAccount agent in namespace logging: its grants are not counted")
        .contains("analyse with --namespace logging");
  }

  @Test
  void theInstallNamespacePlacesTheWorkloadWhereItsGrantsAre() throws IOException {
    CliRun run =
        CliRun.of("analyze", rendered().toString(), "--namespace", "logging", "--format", "json");
    assertThat(run.stderr()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAIL);
    assertThat(run.stdout())
        .contains("\"ref\" : \"DaemonSet/logging/agent\"")
        .doesNotContain("namespace-unset")
        .contains("\"scalingClass\" : \"quadratic\"");
  }

  @Test
  void anObjectThatNamesItsNamespaceStaysThere() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("named.yaml"),
            RENDERED.replace("  name: agent\nspec:", "  name: agent\n  namespace: tools\nspec:"));
    CliRun run =
        CliRun.of("analyze", file.toString(), "--namespace", "logging", "--format", "json");
    assertThat(run.stdout()).contains("\"ref\" : \"DaemonSet/tools/agent\"");
  }

  private Path rendered() throws IOException {
    return Files.writeString(dir.resolve("rendered.yaml"), RENDERED);
  }
}
