package io.kubeload.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileYamlTest {

  private static ClusterProfile reread(String yaml) {
    return Profiles.parse("written.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyPresetWrittenWithItsOwnSourcesReadsBackEqual() {
    for (String preset : Profiles.PRESETS) {
      ClusterProfile profile = Profiles.load(preset);
      String yaml =
          new SourcedProfile(profile, List.of("a header"), ProfileYaml.presetSources(preset))
              .yaml();
      assertThat(reread(yaml)).isEqualTo(profile);
      assertThat(yaml).startsWith("# a header\napiVersion: kubeload.io/v1alpha1\n");
    }
  }

  @Test
  void everyFigureHasACommentNamingItsSource() {
    String yaml =
        new SourcedProfile(
                Profiles.load("production"), List.of(), ProfileYaml.presetSources("production"))
            .yaml();
    assertThat(yaml)
        .contains(
            """
              # default from the production preset: Exemplar pod of the 5,000-node test: 14,474 B compact
              # JSON (kube-apiserver testdata exemplar_pod.yaml; 9.5 kB in protobuf, kubernetes/kubernetes
        """,
            """
            # default from the production preset: The same kops preset: 0 (the sum above is what APF
            # divides).
            maxMutatingRequestsInflight: 0
        """);
    String[] lines = yaml.split("\n", -1);
    for (int i = 1; i < lines.length; i++) {
      boolean figure =
          lines[i].matches("\\s+[A-Za-z-]+: \\S.*") && !lines[i].strip().startsWith("name:");
      if (figure) {
        assertThat(lines[i - 1].strip()).as("the line above " + lines[i]).startsWith("#");
      }
    }
  }

  @Test
  void poolsLabelsThatLookLikeNumbersAndOddKeysSurviveTheRoundTrip() {
    ClusterProfile pooled =
        Profiles.load("staging")
            .withNodePools(
                List.of(
                    new NodePool(
                        "general",
                        15,
                        Map.of("kubernetes.io/os", "linux", "version", "1.10", "yes", "true"),
                        List.of()),
                    new NodePool(
                        "gpu-a100",
                        5,
                        Map.of("say \"hi\"", "a\\b"),
                        List.of(Taint.parse("nvidia.com/gpu:NoSchedule")))));
    Map<String, String> sources = new HashMap<>(ProfileYaml.presetSources("staging"));
    sources.put("nodePools.general", "captured");
    sources.put("nodePools.gpu-a100", "captured");
    String yaml = new SourcedProfile(pooled, List.of(), sources).yaml();
    assertThat(reread(yaml)).isEqualTo(pooled);
    assertThat(yaml).contains("taints: [\"nvidia.com/gpu:NoSchedule\"]");
  }

  @Test
  void aFigureWithoutASourceCannotBeWritten() {
    Map<String, String> sources = new HashMap<>(ProfileYaml.presetSources("production"));
    sources.remove("resources.pods.churn");
    assertThatThrownBy(() -> new SourcedProfile(Profiles.load("production"), List.of(), sources))
        .hasMessageContaining("resources.pods.churn");
  }

  @Test
  void numbersAreWrittenExactlyAndPlainly() {
    assertThat(ProfileYaml.number(256_000_000_000.0)).isEqualTo("256000000000");
    assertThat(ProfileYaml.number(0.00333)).isEqualTo("0.00333");
    assertThat(ProfileYaml.number(1.0)).isEqualTo("1");
    double ratio = 4_213.0 / 300;
    assertThat(Double.parseDouble(ProfileYaml.number(ratio))).isEqualTo(ratio);
  }
}
