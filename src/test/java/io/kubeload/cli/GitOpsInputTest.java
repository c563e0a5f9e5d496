package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeload.report.Format;
import io.kubeload.testing.Folders;
import io.kubeload.testing.Helm;
import io.kubeload.testing.InputsRepository;
import io.kubeload.testing.Kustomize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argo CD and Flux objects among the inputs, rendered from the repository with the real helm and
 * kustomize; charts that would be fetched come from the chart cache or are a one-line error.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class GitOpsInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;

  /** The fixture as a repository of its own: sources' paths are read from its root. */
  private Path repo;

  @BeforeEach
  void repository() throws Exception {
    repo = InputsRepository.create(temp);
  }

  private static CliRun analyze(String... args) {
    assumeTrue(Helm.binary().isPresent(), Helm.unavailableBecause());
    assumeTrue(Kustomize.binary().isPresent(), Kustomize.unavailableBecause());
    List<String> all =
        new ArrayList<>(
            List.of(
                "analyze",
                "--helm",
                Helm.binary().get().toString(),
                "--kustomize-binary",
                Kustomize.binary().get().toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void anAppOfAppsRendersItsApplicationsChartsWithRefValuesAndTheApplicationSetsOverlays()
      throws Exception {
    CliRun run = analyze(repo.resolve("gitops/argocd/root.yaml").toString(), "--format", "json");

    assertThat(run.stderr()).isEmpty();
    JsonNode report = JSON.readTree(run.stdout());
    assertThat(refs(report))
        .containsExactly(
            "DaemonSet/agents/node-agent",
            "Deployment/shop/shop-eu",
            "Deployment/shop/shop-us",
            "Deployment/web-gitops/web-web");
    JsonNode web = workload(report, "Deployment/web-gitops/web-web");
    // Ten replicas and a cluster-wide pod cache: the values file the second source lends as
    // $values.
    assertThat(web.get("pods").asInt()).isEqualTo(10);
    assertThat(web.get("scalingClass").asText()).isEqualTo("linear");
    // Named from the repository's root, as code scanning and pull-request annotations want it.
    assertThat(web.at("/location/template").asText())
        .isEqualTo("charts/web/templates/deployment.yaml");
  }

  @Test
  void aHelmReleaseTakesItsValuesFromTheConfigMapAndSecretAndTheSecretNeverShows()
      throws Exception {
    CliRun run = analyze(repo.resolve("gitops/flux").toString(), "--format", "json");

    assertThat(run.stderr()).isEmpty();
    JsonNode web = workload(JSON.readTree(run.stdout()), "Deployment/flux-web/web-web");
    // spec.values (4) over the ConfigMap's (2); the Secret's watchAllPods makes the cache
    // cluster-wide.
    assertThat(web.get("pods").asInt()).isEqualTo(4);
    assertThat(web.get("scalingClass").asText()).isEqualTo("linear");
    // The Flux Kustomization beside it applies the us overlay.
    assertThat(refs(JSON.readTree(run.stdout())))
        .contains("Deployment/shop/shop-us", "DaemonSet/agents/node-agent");
    for (Format format : Format.values()) {
      CliRun report = analyze(repo.resolve("gitops/flux").toString(), "--format", format.label());
      assertThat(report.stdout() + report.stderr())
          .as(format.label())
          .doesNotContain("CANARY-flux-s3cr3t");
    }
  }

  @Test
  void aMissingValuesFromIsOneLineNamingTheRelease() throws Exception {
    Path copy = repo.resolve("flux-without-values");
    Folders.copyTree(repo.resolve("gitops/flux"), copy);
    Files.delete(copy.resolve("values.yaml"));
    Files.delete(copy.resolve("sync.yaml"));

    CliRun run = analyze(copy.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .isEqualTo(
            "kubeload: "
                + copy.resolve("release.yaml")
                + ":2: HelmRelease web: valuesFrom ConfigMap web-values "
                + "is not among the inputs: add its file to the inputs (a value kept outside the repository cannot be rendered offline)\n");
  }

  @Test
  void aValuesFileOrPathOutsideTheRepositoryIsOneLineAndNeverRendered() throws Exception {
    Path outside =
        Files.writeString(temp.resolve("runner-credentials.yaml"), "token: CANARY-outside-7d1e\n");
    Path app = repo.resolve("apps/web.yaml");
    Files.writeString(
        app,
        Files.readString(app)
            .replace(
                "        - values-prod.yaml\n", "        - ../../../runner-credentials.yaml\n"));

    CliRun run = analyze(app.toString());

    assertThat(outside).exists();
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .isEqualTo(
            "kubeload: "
                + app
                + ":2: Application web-argo: a valueFiles entry leads outside the repository at "
                + ProjectConfig.relative(Path.of("").toAbsolutePath(), repo.toString())
                + "\n");

    Path flux = repo.resolve("gitops/flux/sync.yaml");
    Files.writeString(flux, Files.readString(flux).replaceFirst("path: \\S+", "path: ../.."));
    CliRun kustomization = analyze(flux.toString());
    assertThat(kustomization.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(kustomization.stderr()).contains(": spec.path leads outside the repository at ");
  }

  @Test
  void aSecretThatIsNotYamlIsOneLineThatNeverQuotesIt() throws Exception {
    Path values = repo.resolve("gitops/flux/values.yaml");
    Files.writeString(
        values,
        Files.readString(values)
            .replace(
                "    apiToken: CANARY-flux-s3cr3t-9f2c\n",
                "    apiToken: [CANARY-flux-s3cr3t-9f2c\n"));

    CliRun run = analyze(repo.resolve("gitops/flux").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .isEqualTo(
            "kubeload: "
                + values
                + ":10: Secret web-secret-values: values.yaml does not hold YAML values "
                + "(its content is not shown)\n");
  }

  @Test
  void aChartFromAHelmRepositoryIsOneLineSayingHowToVendorItUnlessTheCacheHasIt() throws Exception {
    String remote = repo.resolve("gitops/remote.yaml").toString();
    CliRun refused = analyze(remote);

    assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.stderr())
        .isEqualTo(
            "kubeload: "
                + remote
                + ":2: Application metrics: chart web 0.1.0 would be fetched from "
                + "https://charts.example.com/stable; vendor it with `helm pull --repo https://charts.example.com/stable web --version 0.1.0 "
                + "--untar --untardir DIR` and give --chart-cache DIR (analyze never touches the network)\n");

    Path cache = temp.resolve("charts");
    Folders.copyTree(repo.resolve("charts/web"), cache.resolve("web"));
    CliRun cached = analyze(remote, "--chart-cache", cache.toString(), "--format", "json");
    assertThat(cached.stderr()).isEmpty();
    assertThat(refs(JSON.readTree(cached.stdout())))
        .containsExactly("Deployment/metrics/metrics-web");

    // A valueFiles entry of a remote chart is one of the chart's files: read from the cached chart,
    // never from beyond it.
    Path application = Path.of(remote);
    String original = Files.readString(application);
    Files.writeString(
        application,
        original.replace(
            "    targetRevision: 0.1.0\n",
            "    targetRevision: 0.1.0\n    helm:\n      valueFiles:\n        - values-prod.yaml\n"));
    CliRun withValues = analyze(remote, "--chart-cache", cache.toString(), "--format", "json");
    assertThat(withValues.stderr()).isEmpty();
    assertThat(refs(JSON.readTree(withValues.stdout())))
        .containsExactly("Deployment/metrics/metrics-web");
    Files.writeString(
        application,
        original.replace(
            "    targetRevision: 0.1.0\n",
            "    targetRevision: 0.1.0\n    helm:\n      valueFiles:\n        - ../../"
                + repo.getFileName()
                + "/charts/web/values-prod.yaml\n"));
    CliRun beyond = analyze(remote, "--chart-cache", cache.toString());
    assertThat(beyond.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(beyond.stderr())
        .isEqualTo(
            "kubeload: "
                + remote
                + ":2: Application metrics: a valueFiles entry leads outside the chart at "
                + ProjectConfig.relative(
                    Path.of("").toAbsolutePath(), cache.resolve("web").toString())
                + "\n");
  }

  @Test
  void anOciChartIsRenderedFromTheCacheElseOneLine() throws Exception {
    CliRun refused = analyze("--chart", "oci://registry.example.com/charts/web:0.1.0");
    assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.stderr())
        .isEqualTo(
            "kubeload: --chart oci://registry.example.com/charts/web:0.1.0: chart web 0.1.0 would be "
                + "fetched from oci://registry.example.com/charts; vendor it with `helm pull oci://registry.example.com/charts/web --version 0.1.0 "
                + "--untar --untardir DIR` and give --chart-cache DIR (analyze never touches the network)\n");

    Path cache = temp.resolve("charts");
    Folders.copyTree(repo.resolve("charts/web"), cache.resolve("web"));
    CliRun cached =
        analyze(
            "--chart",
            "oci://registry.example.com/charts/web:0.1.0",
            "--chart-cache",
            cache.toString(),
            "--release",
            "w");
    assertThat(cached.stderr()).isEmpty();
    assertThat(cached.exitCode()).isEqualTo(ExitCode.PASS);
    assertThat(cached.stdout()).contains("Deployment/default/w-web");

    // The same chart as a project of .kubeload.yaml, from the configuration's own cache.
    Path config =
        Files.writeString(
            temp.resolve(".kubeload.yaml"),
            """
        apiVersion: kubeload.io/v1alpha1
        kind: Config
        spec:
          chartCache: charts
          projects:
            - name: web
              chart: oci://registry.example.com/charts/web:0.1.0
              release: w
        """);
    CliRun project = analyze("--config", config.toString());
    assertThat(project.stderr()).isEmpty();
    assertThat(project.exitCode()).isEqualTo(ExitCode.PASS);
    assertThat(project.stdout()).contains("Deployment/default/w-web");
  }

  @Test
  void aPackagedChartIsRendered() throws Exception {
    assumeTrue(Helm.binary().isPresent(), Helm.unavailableBecause());
    Process pack =
        new ProcessBuilder(
                Helm.binary().get().toString(),
                "package",
                repo.resolve("charts/web").toString(),
                "-d",
                temp.toString())
            .redirectErrorStream(true)
            .start();
    pack.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(pack.waitFor()).isZero();

    CliRun run =
        analyze(
            "--chart",
            temp.resolve("web-0.1.0.tgz").toString(),
            "--set",
            "watchAllPods=true",
            "--set",
            "replicas=3",
            "--format",
            "json");

    assertThat(run.stderr()).isEmpty();
    JsonNode web = workload(JSON.readTree(run.stdout()), "Deployment/default/release-web");
    assertThat(web.get("pods").asInt()).isEqualTo(3);
    assertThat(web.at("/location/template").asText()).isEqualTo("web/templates/deployment.yaml");
  }

  @Test
  void anApplicationSetWithAGeneratorThatNeedsArgoCdIsOneLine() throws Exception {
    Path set = temp.resolve("set.yaml");
    Files.writeString(
        set,
        Files.readString(repo.resolve("gitops/argocd/apps/shops.yaml"))
            .replace(
                "    - list:\n        elements:\n          - region: eu\n          - region: us\n",
                "    - clusters: {}\n"));

    CliRun run = analyze(set.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr())
        .startsWith(
            "kubeload: "
                + set
                + ":2: ApplicationSet shops: only the list generator is rendered offline");
  }

  private static List<String> refs(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.get("workloads").forEach(w -> out.add(w.get("ref").asText()));
    return out;
  }

  /** The workload {@code ref} of a JSON report. */
  static JsonNode workload(JsonNode report, String ref) {
    for (JsonNode w : report.get("workloads")) {
      if (w.get("ref").asText().equals(ref)) {
        return w;
      }
    }
    throw new AssertionError("no workload " + ref + " in " + refs(report));
  }
}
