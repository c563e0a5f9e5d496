package io.kubeload.access.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog as shipped: every resource listed and readable, every claim with a source. */
class CatalogTest {

  private static final Path RESOURCES = Path.of("src/main/resources/io/kubeload/access/catalog");

  @Test
  void theIndexListsEveryEntryFileAndEveryEntryLoads() throws IOException {
    List<String> listed =
        Files.readAllLines(RESOURCES.resolve("index.txt")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .sorted()
            .toList();
    try (Stream<Path> files = Files.list(RESOURCES)) {
      assertThat(
              files
                  .map(f -> f.getFileName().toString())
                  .filter(f -> f.endsWith(".yaml"))
                  .sorted()
                  .toList())
          .isEqualTo(listed);
    }
    assertThat(Catalog.entries()).hasSize(listed.size());
    assertThat(Catalog.entries()).extracting(CatalogEntry::name).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void theImageIndexTheBuildWroteIsTheOneTheEntriesGive() throws IOException {
    try (java.io.InputStream written = Catalog.class.getResourceAsStream(Catalog.IMAGE_INDEX)) {
      assertThat(written).as("written by the build (process-classes)").isNotNull();
      assertThat(new String(written.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(Catalog.imageIndex());
    }
  }

  @Test
  void theCandidatesForAnImageAreExactlyTheEntriesWhosePatternsMatchIt() {
    List<String> repositories =
        Stream.concat(
                Catalog.entries().stream()
                    .flatMap(e -> e.recognition().images().stream())
                    .map(p -> p.replace("*", "x"))
                    .flatMap(r -> Stream.of(r, "registry.example:5000/" + r, r + "-other")),
                Stream.of("example/app", ""))
            .toList();
    for (String repository : repositories) {
      assertThat(Catalog.candidates(repository))
          .as(repository)
          .containsExactlyInAnyOrderElementsOf(
              Catalog.entries().stream()
                  .filter(
                      e ->
                          e.recognition().images().stream()
                              .anyMatch(p -> Globs.matchesRepository(p, repository)))
                  .toList());
    }
    assertThat(Catalog.candidates("example/app")).isEmpty();
    assertThat(Catalog.candidates("coredns/coredns"))
        .extracting(CatalogEntry::name)
        .contains("coredns");
  }

  @Test
  void everyAccessSwitchAndNoteCitesARepositoryFileOrAPage() {
    String cited = "([\\w.-]+/[\\w.-]+:[\\w./*{}-]+|https://\\S+).*";
    for (CatalogEntry entry : Catalog.entries()) {
      for (CatalogEntry.AccessRule rule : entry.accesses()) {
        assertThat(rule.citation().source()).as("%s access source", entry.name()).matches(cited);
        assertThat(rule.citation().why()).as("%s access why", entry.name()).isNotBlank();
        rule.switches()
            .forEach(
                s -> assertThat(s.source()).as("%s switch source", entry.name()).matches(cited));
      }
      entry
          .notes()
          .forEach(n -> assertThat(n.source()).as("%s note source", entry.name()).matches(cited));
      assertThat(Catalog.text(entry)).as("%s file", entry.name()).startsWith("# ");
    }
  }

  @Test
  void theComponentsTheIssueNamesAreAllThere() {
    assertThat(Catalog.entries())
        .extracting(CatalogEntry::name)
        .contains(
            "fluent-bit",
            "fluentd",
            "vector",
            "promtail",
            "grafana-alloy",
            "opentelemetry-collector",
            "datadog-agent",
            "datadog-cluster-agent",
            "kube-state-metrics",
            "prometheus",
            "prometheus-operated",
            "telegraf",
            "cilium-agent",
            "cilium-operator",
            "calico-node",
            "calico-typha",
            "kube-proxy",
            "coredns",
            "ingress-nginx",
            "cert-manager-controller",
            "metrics-server",
            "external-dns",
            "kube2iam",
            "kiam-server",
            "node-problem-detector",
            "aws-node",
            "kyverno-admission-controller",
            "argocd-application-controller");
  }

  @Test
  void imagesMatchOnPathBoundariesWithGlobs() {
    assertThat(Globs.matchesRepository("cilium/cilium", "quay.io/cilium/cilium")).isTrue();
    assertThat(Globs.matchesRepository("cilium/cilium", "quay.io/cilium/cilium-envoy")).isFalse();
    assertThat(Globs.matchesRepository("cilium/operator-*", "quay.io/cilium/operator-generic"))
        .isTrue();
    assertThat(Globs.matchesRepository("*.datadoghq.com/agent", "registry.datadoghq.com/agent"))
        .isTrue();
    assertThat(
            Globs.matchesRepository(
                "amazon-k8s-cni", "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni"))
        .isTrue();
    assertThat(
            Globs.matchesRepository(
                "amazon-k8s-cni",
                "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni-init"))
        .isFalse();
    assertThat(Image.parse("quay.io/cilium/cilium:v1.19.6@sha256:0df5").version())
        .contains(List.of(1, 19, 6));
    assertThat(Image.parse("localhost:5000/fluentd").repository())
        .isEqualTo("localhost:5000/fluentd");
  }

  @Test
  void versionRangesAndDurationsReadAsComponentsWriteThem() {
    assertThat(VersionRange.parse(">=1.16 <1.17").contains(List.of(1, 16, 3))).isTrue();
    assertThat(VersionRange.parse(">=1.16 <1.17").contains(List.of(1, 17))).isFalse();
    assertThat(Durations.seconds("5m0s")).contains(300.0);
    assertThat(Durations.seconds("1h30m")).contains(5400.0);
    assertThat(Durations.seconds("250ms")).contains(0.25);
    assertThat(Durations.seconds("60")).contains(60.0);
    assertThat(Durations.seconds("soon")).isEmpty();
  }

  @Test
  void anEntryMatchesOnImageCommandLabelsAndVersionTogether() {
    CatalogEntry entry =
        EntryReader.read(
            "test.yaml",
            """
        # A test entry.
        name: sample
        title: Sample
        summary: A component for the test.
        versions: ">=2"
        match:
          images: [example/agent]
          command: '\\brun\\b'
          labels: {app.kubernetes.io/name: agent}
        """
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String workload =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: agent, namespace: tools, labels: {team: sre}}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app.kubernetes.io/name: %s}}
            spec:
              containers: [{name: agent, image: "registry.corp/example/agent:%s", args: [%s]}]
        """;
    assertThat(matches(entry, workload.formatted("agent", "2.1.0", "run"))).isTrue();
    assertThat(matches(entry, workload.formatted("other", "2.1.0", "run"))).as("label").isFalse();
    assertThat(matches(entry, workload.formatted("agent", "1.9.0", "run"))).as("version").isFalse();
    assertThat(matches(entry, workload.formatted("agent", "latest", "run")))
        .as("an unreadable tag matches")
        .isTrue();
    assertThat(matches(entry, workload.formatted("agent", "2.1.0", "serve")))
        .as("command")
        .isFalse();
  }

  @Test
  void aNoteOfAnUnknownRuleFailsTheLoadNamingItsLine() {
    String entry =
        """
        # A test entry.
        name: sample
        title: Sample
        summary: A component for the test.
        match:
          images: [example/agent]
        notes:
          - rule: %s
            when: {env: TAIL_LOGS}
            message: tails logs through the API server
            fix: tail files on the node
            source: example/agent:README.md
        """;
    assertThat(
            EntryReader.read(
                    "test.yaml",
                    entry
                        .formatted("log-stream-fanout")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .notes())
        .extracting(CatalogEntry.NoteRule::kind)
        .containsExactly(io.kubeload.access.NoteKind.LOG_STREAM_FANOUT);
    assertThatThrownBy(
            () ->
                EntryReader.read(
                    "test.yaml",
                    entry
                        .formatted("log-stream-fanot")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(io.kubeload.yaml.InputException.class)
        .hasMessageContaining("test.yaml:8")
        .hasMessageContaining("unknown note rule 'log-stream-fanot'")
        .hasMessageContaining("log-stream-fanout");
  }

  private static boolean matches(CatalogEntry entry, String yaml) {
    var manifests = io.kubeload.testing.TestManifests.set(yaml);
    var workload =
        io.kubeload.workload.Workloads.from(
                manifests, io.kubeload.testing.TestManifests.production())
            .get(0);
    return CatalogInference.matches(
        entry,
        new ContainerFacts(
            workload, "containers[0]", workload.podSpec().getContainers().get(0), manifests));
  }

  @Test
  void theCliListsAndShowsEntries() {
    CliRun list = CliRun.of("catalog", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.stdout().lines().skip(1).map(l -> l.split("\\s+", -1)[0]).toList())
        .isEqualTo(Catalog.entries().stream().map(CatalogEntry::name).toList());
    assertThat(list.stdout())
        .contains(
            "fluentd                           fluentd          fluentd (kubernetes_metadata filter)");
    CliRun show = CliRun.of("catalog", "show", "fluentd");
    assertThat(show.exitCode()).isZero();
    assertThat(show.stdout())
        .contains(
            "name: fluentd",
            "K8S_NODE_NAME",
            "source: fabric8io/fluent-plugin-kubernetes_metadata_filter");
    CliRun missing = CliRun.of("catalog", "show", "fluentbit");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.stderr())
        .isEqualTo(
            "kubeload: no catalog entry 'fluentbit' (did you mean fluent-bit?) (see 'kubeload catalog list')\n");
  }
}
