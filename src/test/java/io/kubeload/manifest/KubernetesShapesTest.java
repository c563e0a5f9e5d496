package io.kubeload.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubeload.testing.JacksonBinding;
import io.kubeload.testing.RealManifests;
import io.kubeload.yaml.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written binding reads what fabric8's Jackson binding reads, and rejects what it rejects. */
class KubernetesShapesTest {

  /** Law: every field the binding sets holds what Jackson's binding of the whole object holds there. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.kubeload.testing.RealManifests#files")
  void everyBoundFieldEqualsFabric8sOwnBinding(Path input) {
    ManifestSet set = RealManifests.read(input);
    List<Manifest> oracle = JacksonBinding.rebound(set).manifests();
    int typed = 0;
    for (int i = 0; i < set.manifests().size(); i++) {
      Manifest m = set.manifests().get(i);
      if (m.typed().isPresent()) {
        typed++;
        assertContained(
            JacksonBinding.tree(m.typed().get()),
            JacksonBinding.tree(oracle.get(i).typed().get()),
            m.ref().toString());
      }
    }
    assertThat(typed).as("typed objects in " + input).isPositive();
  }

  private static void assertContained(JsonNode bound, JsonNode oracle, String path) {
    assertThat(oracle).as(path).isNotNull();
    if (bound.isObject()) {
      assertThat(oracle.isObject()).as(path + " is an object").isTrue();
      for (Map.Entry<String, JsonNode> field : bound.properties()) {
        assertContained(field.getValue(), oracle.get(field.getKey()), path + "." + field.getKey());
      }
    } else if (bound.isArray()) {
      assertThat(oracle.size()).as(path + " length").isEqualTo(bound.size());
      for (int i = 0; i < bound.size(); i++) {
        assertContained(bound.get(i), oracle.get(i), path + "[" + i + "]");
      }
    } else {
      assertThat(bound).as(path).isEqualTo(oracle);
    }
  }

  private static Manifest only(String yaml) {
    List<Manifest> all = ManifestParser.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private static String deployment(String specLines) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
        """
        + specLines.indent(2);
  }

  @Nested
  class WrongTypes {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "replicas: three | 6 | spec.replicas: not a valid Deployment: expected a whole number, not a string",
          "replicas: 1.5 | 6 | spec.replicas: not a valid Deployment: expected a whole number, not 1.5",
          "replicas: 3.0 | 6 | spec.replicas: not a valid Deployment: expected a whole number, not 3.0",
          "replicas: 5000000000 | 6 | spec.replicas: not a valid Deployment: expected a whole number from -2147483648 to 2147483647, not 5000000000",
          "replicas: true | 6 | spec.replicas: not a valid Deployment: expected a whole number, not true",
          "template: [a] | 6 | spec.template: not a valid Deployment: expected a mapping, not a list",
          "strategy: {rollingUpdate: {maxSurge: 1.5}} | 6 | spec.strategy.rollingUpdate.maxSurge: not a valid Deployment: expected a whole number of at least 0 or a percentage from 0% to any whole number, not 1.5",
        })
    void aWrongTypeNamesTheFieldItsLineAndWhatWasExpected(String spec, int line, String message) {
      assertThatThrownBy(() -> only(deployment(spec)))
          .isInstanceOf(InputException.class)
          .hasMessage("test.yaml:" + line + ": " + message);
    }

    @Test
    void aWrongTypeDeepInThePodSpecNamesItsOwnLine() {
      String yaml =
          deployment(
              """
          template:
            spec:
              hostNetwork: "true"
              containers:
                - name: app
                  command: run
          """);
      assertThatThrownBy(() -> only(yaml))
          .hasMessage(
              "test.yaml:8: spec.template.spec.hostNetwork: not a valid Deployment: expected true or false, not a string");
      assertThatThrownBy(() -> only(yaml.replace("hostNetwork: \"true\"", "hostNetwork: true")))
          .hasMessage(
              "test.yaml:11: spec.template.spec.containers[0].command: not a valid Deployment: expected a list, not a string");
    }

    @Test
    void anEnvValueOfTheWrongTypeIsNeverQuoted() {
      String yaml =
          deployment(
              """
          template:
            spec:
              containers:
                - name: app
                  env:
                    - name: PASSWORD
                      value: {hunter2: x}
                    - name: TOKEN
                      valueFrom: {secretKeyRef: {name: [s3cr3t]}}
          """);
      assertThatThrownBy(() -> only(yaml))
          .hasMessage(
              "test.yaml:12: spec.template.spec.containers[0].env[0].value: not a valid Deployment: expected a string, not a mapping");
      assertThatThrownBy(() -> only(yaml.replace("value: {hunter2: x}", "value: x")))
          .hasMessageContaining(
              "env[1].valueFrom.secretKeyRef.name: not a valid Deployment: expected a string, not a list")
          .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aCredentialNamedAnnotationThatIsNotAStringIsNotQuotedEither() {
      assertThatThrownBy(
              () ->
                  only(
                      """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: c
          data:
            api-token: [9876543210]
          """))
          .hasMessage(
              "test.yaml:6: data.api-token: not a valid ConfigMap: expected a string, not a list");
    }
  }

  @Nested
  class WhatJsonDecodingAccepts {

    @Test
    void scalarsBecomeTextWhereAStringIsExpectedAndTimestampsIso8601() {
      Manifest m =
          only(
              """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
            annotations:
              revision: 3
              ratio: 0.5
              enabled: true
              built: 2024-01-31
          spec:
            template:
              spec:
                containers:
                  - name: app
                    args: [--workers, 4]
          """);
      Deployment d = m.as(Deployment.class).orElseThrow();
      assertThat(d.getMetadata().getAnnotations())
          .containsExactly(
              Map.entry("revision", "3"),
              Map.entry("ratio", "0.5"),
              Map.entry("enabled", "true"),
              Map.entry("built", "2024-01-31T00:00:00Z"));
      assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
          .containsExactly("--workers", "4");
    }

    @Test
    void explicitNullsAndNullScalarItemsStayNullAndUnknownFieldsAreDropped() {
      Manifest m =
          only(
              """
          apiVersion: apps/v1
          kind: DaemonSet
          metadata:
            name: agent
          spec:
            futureField: {anything: [1, 2]}
            template:
              spec:
                serviceAccountName: ~
                containers:
                  - name: app
                    image: agent:1
                    args: [~, --v=2]
          """);
      PodSpec spec = m.as(DaemonSet.class).orElseThrow().getSpec().getTemplate().getSpec();
      assertThat(spec.getServiceAccountName()).isNull();
      assertThat(spec.getContainers()).hasSize(1);
      assertThat(spec.getContainers().get(0).getArgs()).containsExactly(null, "--v=2");
      assertThat(spec.getContainers().get(0).getImage()).isEqualTo("agent:1");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "containers:\n  -\n",
          "containers:\n  - name: a\n    env: [~]\n",
          "containers:\n  - name: a\n    envFrom:\n      - ~\n"
        })
    void aNullObjectInAListIsOneTheApiServerRejects(String podSpec) {
      String yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n" + podSpec.indent(2);
      assertThatThrownBy(() -> only(yaml))
          .isInstanceOf(InputException.class)
          .hasMessageMatching(
              "test\\.yaml:[6-9]: spec\\.containers\\[0\\](\\.env(From)?\\[0\\])?: not a valid Pod: expected a mapping, not null");
    }

    @Test
    void aResourceDivisorIsAQuantityWrittenAsAStringOrANumber() {
      String yaml =
          """
          apiVersion: v1
          kind: Pod
          metadata:
            name: p
          spec:
            containers:
              - name: app
                env:
                  - name: CPU
                    valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: DIVISOR}}
          """;
      for (String divisor : List.of("1m", "\"500Mi\"", "2", "0.5")) {
        Manifest m = only(yaml.replace("DIVISOR", divisor));
        assertThat(
                m.as(io.fabric8.kubernetes.api.model.Pod.class)
                    .orElseThrow()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getEnv()
                    .get(0)
                    .getValueFrom()
                    .getResourceFieldRef()
                    .getDivisor()
                    .toString())
            .as(divisor)
            .isEqualTo(divisor.replace("\"", ""));
      }
      assertThatThrownBy(() -> only(yaml.replace("DIVISOR", "[1]")))
          .hasMessage(
              "test.yaml:10: spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor: not a valid Pod: expected a quantity, not a list");
      // Under env, not even a number is quoted: it may be a PIN.
      assertThatThrownBy(
              () ->
                  only(
                      yaml.replace(
                          "resourceFieldRef: {resource: limits.cpu, divisor: DIVISOR}",
                          "secretKeyRef: {name: s, optional: 1234}")))
          .hasMessage(
              "test.yaml:10: spec.containers[0].env[0].valueFrom.secretKeyRef.optional: not a valid Pod: expected true or false, not a number");
    }

    @Test
    void rollOutBudgetsAreWholeNumbersOrPercentages() {
      Deployment d =
          only(deployment("strategy: {rollingUpdate: {maxSurge: 2, maxUnavailable: 10%}}"))
              .as(Deployment.class)
              .orElseThrow();
      assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal())
          .isEqualTo(2);
      assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getStrVal())
          .isEqualTo("10%");
    }
  }

  @Nested
  class LabelSelectorsOfCustomResources {

    private static final String PROMETHEUS =
        """
        apiVersion: monitoring.coreos.com/v1
        kind: Prometheus
        metadata:
          name: k8s
        spec:
          serviceMonitorSelector:
            matchLabels:
              release: SELECTOR
        """;

    @Test
    void aSelectorIsReadWhereItIsWritten() {
      LabelSelector selector =
          only(PROMETHEUS.replace("SELECTOR", "kube"))
              .labelSelectorAt("spec.serviceMonitorSelector")
              .orElseThrow();
      assertThat(selector.getMatchLabels()).containsExactly(Map.entry("release", "kube"));
    }

    @Test
    void nothingOrANonMappingThereIsNoSelector() {
      assertThat(only(PROMETHEUS).labelSelectorAt("spec.podMonitorSelector")).isEmpty();
      assertThat(
              only(PROMETHEUS).labelSelectorAt("spec.serviceMonitorSelector.matchLabels.release"))
          .isEmpty();
    }

    @Test
    void aSelectorWithAFieldOfTheWrongTypeIsBadInputAtItsLine() {
      Manifest m = only(PROMETHEUS.replace("SELECTOR", "[a, b]"));
      assertThatThrownBy(() -> m.labelSelectorAt("spec.serviceMonitorSelector"))
          .hasMessage(
              "test.yaml:8: spec.serviceMonitorSelector.matchLabels.release: not a valid label selector: expected a string, not a list");
    }
  }
}
