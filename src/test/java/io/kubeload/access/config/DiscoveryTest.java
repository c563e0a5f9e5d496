package io.kubeload.access.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

  @Test
  void prometheusStyleItemsAreFoundAnywhereWithTheirJob() {
    Object tree =
        ConfigParser.parse(
                ConfigLanguage.YAML,
                "p.yml",
                """
        scrape_configs:
          - job_name: pods
            kubernetes_sd_configs:
              - role: Pod
                namespaces: {names: [shop]}
                selectors:
                  - {role: pod, field: "spec.nodeName=n1", label: "app=web"}
          - job_name: nodes
            kubernetes_sd_configs:
              - role: node
                attach_metadata: {node: true}
        """)
            .tree()
            .orElseThrow();
    assertThat(Discovery.prometheusStyle(tree))
        .containsExactly(
            new Discovery(
                "pod",
                List.of("shop"),
                false,
                Map.of("pod", new Discovery.Selector("app=web", "spec.nodeName=n1")),
                false,
                "job pods kubernetes_sd_configs[0]"),
            new Discovery(
                "node", List.of(), false, Map.of(), true, "job nodes kubernetes_sd_configs[0]"));
  }

  @Test
  void identicalItemsAreEqualWithoutTheirOrigin() {
    Discovery a = new Discovery("pod", List.of(), false, Map.of(), false, "job a");
    Discovery b = new Discovery("pod", List.of(), false, Map.of(), false, "job b");
    assertThat(a).isNotEqualTo(b);
    assertThat(a.withoutOrigin()).isEqualTo(b.withoutOrigin());
  }

  @Test
  void alloyBlocksAreDiscoveries() {
    Object tree =
        ConfigParser.parse(
                ConfigLanguage.ALLOY,
                "c.alloy",
                """
        discovery.kubernetes "pods" {
          role = "pod"
          namespaces { own_namespace = true }
          selectors {
            role  = "pod"
            field = "spec.nodeName=" + sys.env("HOSTNAME")
          }
        }
        discovery.relabel "x" { targets = [] }
        """)
            .tree()
            .orElseThrow();
    assertThat(Discovery.alloy(tree))
        .containsExactly(
            new Discovery(
                "pod",
                List.of(),
                true,
                Map.of(
                    "pod",
                    new Discovery.Selector("", "\"spec.nodeName=\" + sys.env(\"HOSTNAME\")")),
                false,
                "discovery.kubernetes \"pods\""));
  }
}
