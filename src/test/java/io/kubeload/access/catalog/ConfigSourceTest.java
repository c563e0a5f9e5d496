package io.kubeload.access.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.access.Access;
import io.kubeload.access.inference.AccessInference;
import io.kubeload.manifest.ManifestParser;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.testing.TestManifests;
import io.kubeload.workload.Workloads;
import io.kubeload.yaml.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a setting is written in a component's configuration, for provenance. */
class ConfigSourceTest {

  private static ConfigSource.File key(String key, int line, String value) {
    return new ConfigSource.File(
        "ConfigMap kube-system/cilium-config key " + key,
        key,
        new SourceLocation("cilium.yaml", line, Optional.empty()),
        value);
  }

  private static final ConfigSource FLAT =
      new ConfigSource(
          new java.util.LinkedHashMap<String, Object>(),
          List.of(
              key("agent-not-ready-taint-key", 6, "node.cilium.io/agent-not-ready"),
              key("enable-cilium-endpoint-slice", 7, "true")),
          "");

  @Test
  void aFlatSettingIsFoundByItsKeyNotByTheValuesOfOthers() {
    assertThat(FLAT.find("enable-cilium-endpoint-slice"))
        .hasValueSatisfying(
            place -> {
              assertThat(place.file().origin()).endsWith("key enable-cilium-endpoint-slice");
              assertThat(place.location().line()).isEqualTo(7);
            });
  }

  @Test
  void aWordNoFileHoldsIsNotPlacedInTheFirstFile() {
    assertThat(FLAT.find("identity-allocation-mode")).isEmpty();
    assertThat(FLAT.find(""))
        .hasValueSatisfying(place -> assertThat(place.location().line()).isEqualTo(6));
  }

  @Test
  void theCatalogsProvenanceNamesTheKeyThatSwitchedTheAccess() throws IOException {
    Path file = Path.of("src/test/resources/catalog/cilium/endpoint-slices.yaml");
    ManifestSet manifests =
        ManifestSet.of(ManifestParser.parse(file.toString(), Files.readAllBytes(file)));
    var agent =
        Workloads.from(manifests, TestManifests.production()).stream()
            .filter(w -> w.ref().toString().equals("DaemonSet/kube-system/cilium"))
            .findFirst()
            .orElseThrow();
    Access slices =
        AccessInference.infer(agent, manifests).accesses().stream()
            .filter(a -> a.resource().equals("ciliumendpointslices.cilium.io"))
            .findFirst()
            .orElseThrow();
    assertThat(slices.provenance().detail())
        .contains(
            "enable-cilium-endpoint-slice is on in ConfigMap kube-system/cilium-config key enable-cilium-endpoint-slice");
    assertThat(slices.provenance().location().line())
        .isEqualTo(TestManifests.lineOf(Files.readString(file), "enable-cilium-endpoint-slice:"));
  }
}
