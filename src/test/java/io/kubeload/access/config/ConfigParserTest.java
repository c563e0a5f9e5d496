package io.kubeload.access.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each configuration language read into its tree, and unreadable files reported, never thrown. */
class ConfigParserTest {

  private static final List<ConfigLanguage> LANGUAGES = List.of(ConfigLanguage.values());

  private static Object tree(ConfigLanguage language, String file, String text) {
    ConfigParser.Parsed parsed = ConfigParser.parse(language, file, text);
    assertThat(parsed.problem()).as("problem").isEmpty();
    return parsed.tree().orElseThrow();
  }

  private static String problem(ConfigLanguage language, String file, String text) {
    ConfigParser.Parsed parsed = ConfigParser.parse(language, file, text);
    assertThat(parsed.tree()).isEmpty();
    return parsed.problem();
  }

  @Test
  void anEmptyYamlFileIsAnEmptyMappingUnlessTheLanguageNeedsOne() {
    assertThat(tree(ConfigLanguage.YAML, "config.yaml", "# nothing set\n")).isEqualTo(Map.of());
    assertThat(tree(ConfigLanguage.BY_EXTENSION, "config.yml", "---\n")).isEqualTo(Map.of());
    assertThat(problem(ConfigLanguage.FLUENT_BIT, "fluent-bit.yaml", ""))
        .isEqualTo("a Fluent Bit YAML file must be a mapping");
    assertThat(problem(ConfigLanguage.OTEL_COLLECTOR, "relay", "- a list\n"))
        .isEqualTo("an OpenTelemetry Collector configuration must be a mapping");
  }

  @Test
  void fluentBitClassicSectionsBecomeListsWithLowercaseKeys() {
    Object tree =
        tree(
            ConfigLanguage.FLUENT_BIT,
            "fluent-bit.conf",
            """
        [SERVICE]
            Flush 1
        @INCLUDE other.conf
        # a comment
        [INPUT]
            Name tail
        [FILTER]
            Name   kubernetes
            Use_Kubelet On
        [FILTER]
            Name grep
        """);
    assertThat(tree)
        .isEqualTo(
            Map.of(
                "service", Map.of("flush", "1"),
                "inputs", List.of(Map.of("name", "tail")),
                "filters",
                    List.of(
                        Map.of("name", "kubernetes", "use_kubelet", "On"),
                        Map.of("name", "grep"))));
  }

  @Test
  void fluentBitYamlHoistsThePipeline() {
    Object tree =
        tree(
            ConfigLanguage.FLUENT_BIT,
            "fluent-bit.yaml",
            """
        pipeline:
          inputs:
            - name: kubernetes_events
              Kube_Namespace: shop
          filters:
            - Name: kubernetes
        """);
    assertThat(tree)
        .isEqualTo(
            Map.of(
                "inputs", List.of(Map.of("name", "kubernetes_events", "kube_namespace", "shop")),
                "filters", List.of(Map.of("name", "kubernetes"))));
  }

  @Test
  void fluentBitEntriesOutsideASectionAreUnreadable() {
    assertThat(problem(ConfigLanguage.FLUENT_BIT, "x.conf", "Name tail\n"))
        .isEqualTo("line 1: a setting outside any [SECTION]");
    assertThat(problem(ConfigLanguage.FLUENT_BIT, "x.conf", "[INPUT\n"))
        .startsWith("line 1: a section header");
  }

  @Test
  void fluentdDirectivesAreGatheredFromEveryLabel() {
    Object tree =
        tree(
            ConfigLanguage.FLUENTD,
            "02_filters.conf",
            """
        <label @KUBERNETES>
          <filter kubernetes.**>
            @type kubernetes_metadata
            @id filter_kube_metadata
            skip_namespace_metadata true
          </filter>
          <match **>
            @type relabel
          </match>
        </label>
        <source>
          @type tail
          path "/var/log/containers/*.log"
          <parse>
            @type json
          </parse>
        </source>
        """);
    assertThat(tree)
        .isEqualTo(
            Map.of(
                "sources",
                    List.of(
                        Map.of(
                            "type",
                            "tail",
                            "path",
                            "/var/log/containers/*.log",
                            "parse",
                            List.of(Map.of("type", "json")))),
                "filters",
                    List.of(
                        Map.of(
                            "pattern",
                            "kubernetes.**",
                            "type",
                            "kubernetes_metadata",
                            "id",
                            "filter_kube_metadata",
                            "skip_namespace_metadata",
                            "true")),
                "matches", List.of(Map.of("pattern", "**", "type", "relabel"))));
  }

  @Test
  void fluentdUnbalancedDirectivesNameTheirLine() {
    assertThat(problem(ConfigLanguage.FLUENTD, "x.conf", "<source>\n  @type tail\n"))
        .isEqualTo("line 1: <source> is never closed");
    assertThat(problem(ConfigLanguage.FLUENTD, "x.conf", "<source>\n</filter>\n"))
        .startsWith("line 2: </filter> closes nothing");
  }

  @Test
  void alloyBlocksKeepLabelsAttributesAndChildBlocks() {
    Object tree =
        tree(
            ConfigLanguage.ALLOY,
            "config.alloy",
            """
        // pods on this node only
        discovery.kubernetes "pods" {
          role = "pod"
          namespaces {
            names = ["shop", "web"]
          }
          selectors {
            role  = "pod"
            field = "spec.nodeName=" + sys.env("HOSTNAME")
          }
        }
        /* a block comment */
        loki.write "default" {
          endpoint {
            url = "http://loki/api"
          }
        }
        """);
    assertThat(tree)
        .isEqualTo(
            Map.of(
                "blocks",
                List.of(
                    Map.of(
                        "type",
                        "discovery.kubernetes",
                        "label",
                        "pods",
                        "role",
                        "pod",
                        "namespaces",
                        List.of(Map.of("type", "namespaces", "names", List.of("shop", "web"))),
                        "selectors",
                        List.of(
                            Map.of(
                                "type",
                                "selectors",
                                "role",
                                "pod",
                                "field",
                                "\"spec.nodeName=\" + sys.env(\"HOSTNAME\")"))),
                    Map.of(
                        "type",
                        "loki.write",
                        "label",
                        "default",
                        "endpoint",
                        List.of(Map.of("type", "endpoint", "url", "http://loki/api"))))));
  }

  @Test
  void alloyUnclosedBlocksAreUnreadable() {
    assertThat(
            problem(
                ConfigLanguage.ALLOY,
                "config.alloy",
                "discovery.kubernetes \"pods\" {\n  role = \"pod\"\n"))
        .isEqualTo("line 3: a block is never closed");
  }

  @Test
  void otelComponentsAreTypedAndMarkedUsedByPipelines() {
    Object tree =
        tree(
            ConfigLanguage.OTEL_COLLECTOR,
            "relay",
            """
        processors:
          k8s_attributes/pods:
            filter: {node_from_env_var: K8S_NODE_NAME}
          batch: {}
        receivers:
          otlp: {}
          k8s_cluster:
        service:
          pipelines:
            traces:
              receivers: [otlp]
              processors: [k8s_attributes/pods]
        """);
    assertThat(tree)
        .isEqualTo(
            Map.of(
                "components",
                List.of(
                    Map.of(
                        "kind",
                        "receiver",
                        "type",
                        "otlp",
                        "id",
                        "otlp",
                        "used",
                        "true",
                        "config",
                        Map.of()),
                    Map.of(
                        "kind",
                        "receiver",
                        "type",
                        "k8scluster",
                        "id",
                        "k8s_cluster",
                        "used",
                        "false",
                        "config",
                        Map.of()),
                    Map.of(
                        "kind",
                        "processor",
                        "type",
                        "k8sattributes",
                        "id",
                        "k8s_attributes/pods",
                        "used",
                        "true",
                        "config",
                        Map.of("filter", Map.of("node_from_env_var", "K8S_NODE_NAME"))),
                    Map.of(
                        "kind",
                        "processor",
                        "type",
                        "batch",
                        "id",
                        "batch",
                        "used",
                        "false",
                        "config",
                        Map.of()))));
  }

  @Test
  void corefilePluginsCarryTheirArgsAndSubDirectives() {
    Object tree =
        tree(
            ConfigLanguage.COREFILE,
            "Corefile",
            """
        .:53 {
            errors
            kubernetes cluster.local in-addr.arpa {
                pods verified   # keeps a pod cache
                ttl 30
            }
            forward . /etc/resolv.conf
        }
        """);
    assertThat(tree)
        .isEqualTo(
            Map.of(
                "servers",
                List.of(
                    Map.of(
                        "zones", List.of(".:53"),
                        "plugins",
                            List.of(
                                Map.of("name", "errors", "args", List.of()),
                                Map.of(
                                    "name",
                                    "kubernetes",
                                    "args",
                                    List.of("cluster.local", "in-addr.arpa"),
                                    "pods",
                                    List.of("verified"),
                                    "ttl",
                                    List.of("30")),
                                Map.of(
                                    "name",
                                    "forward",
                                    "args",
                                    List.of(".", "/etc/resolv.conf")))))));
  }

  @Test
  void tomlArraysOfTablesBecomeLists() {
    Object tree =
        tree(
            ConfigLanguage.TOML,
            "telegraf.conf",
            """
        [agent]
          interval = "30s"
        [[inputs.kube_inventory]]
          namespace = ""
          resource_include = ["pods", "nodes"]
        """);
    assertThat(tree)
        .isEqualTo(
            Map.of(
                "agent", Map.of("interval", "30s"),
                "inputs",
                    Map.of(
                        "kube_inventory",
                        List.of(
                            Map.of(
                                "namespace", "", "resource_include", List.of("pods", "nodes"))))));
    assertThat(problem(ConfigLanguage.TOML, "x.toml", "[agent\n")).startsWith("invalid TOML");
  }

  @Test
  void byExtensionReadsTomlAndYamlAndNumbersAsText() {
    assertThat(
            tree(
                ConfigLanguage.BY_EXTENSION,
                "vector.toml",
                "[sources.k]\ntype = \"kubernetes_logs\"\n"))
        .isEqualTo(Map.of("sources", Map.of("k", Map.of("type", "kubernetes_logs"))));
    assertThat(
            tree(
                ConfigLanguage.BY_EXTENSION,
                "vector.yaml",
                "sources: {k: {type: kubernetes_logs, port: 9000, use_apiserver_cache: true}}\n"))
        .isEqualTo(
            Map.of(
                "sources",
                Map.of(
                    "k",
                    Map.of(
                        "type",
                        "kubernetes_logs",
                        "port",
                        "9000",
                        "use_apiserver_cache",
                        "true"))));
    assertThat(problem(ConfigLanguage.YAML, "prometheus.yml", "a: [\n")).startsWith("line ");
  }

  /** Whatever the bytes, every parser answers with a tree or a reason (fixed seed, so failures reproduce). */
  @Test
  void parsersNeverThrow() {
    String alphabet = "[]{}<>@=\"'`#/*\\\n :,.-_abcSERVICEINPUT01\t";
    qt().withFixedSeed(20_240_601L)
        .withExamples(400)
        .forAll(
            integers().between(0, LANGUAGES.size() - 1),
            strings().betweenCodePoints(0, alphabet.length() - 1).ofLengthBetween(0, 120))
        .checkAssert(
            (language, indexes) -> {
              StringBuilder text = new StringBuilder();
              indexes.codePoints().forEach(i -> text.append(alphabet.charAt(i)));
              ConfigParser.Parsed parsed =
                  ConfigParser.parse(LANGUAGES.get(language), "f.conf", text.toString());
              assertThat(parsed.tree().isPresent())
                  .as("a tree exactly when there is no problem")
                  .isEqualTo(parsed.problem().isEmpty());
              assertThat(parsed.problem()).doesNotContain("\n");
            });
  }
}
