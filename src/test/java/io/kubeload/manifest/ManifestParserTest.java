package io.kubeload.manifest;

import static io.kubeload.testing.TestManifests.serviceAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestParserTest {

  private static List<Manifest> parse(String yaml) {
    return ManifestParser.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static Manifest only(String yaml) {
    List<Manifest> manifests = parse(yaml);
    assertThat(manifests).hasSize(1);
    return manifests.get(0);
  }

  private static Manifest named(List<Manifest> manifests, String name) {
    return manifests.stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no object named " + name + " in " + manifests));
  }

  @Nested
  class MultiDocumentStreams {

    @Test
    void everyDocumentOfAStreamBecomesOneManifestWithTheLineOfItsFirstKey() {
      List<Manifest> manifests =
          parse(
              """
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: first
          ---
          # a comment before the object does not count as its line
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: second
          ---

          kind: Service
          apiVersion: v1
          metadata:
            name: third
          """);

      assertThat(manifests).extracting(Manifest::name).containsExactly("first", "second", "third");
      assertThat(manifests).extracting(m -> m.location().line()).containsExactly(1, 7, 13);
      assertThat(manifests).extracting(m -> m.location().file()).containsOnly("test.yaml");
    }

    @Test
    void emptyAndCommentOnlyDocumentsAreSkipped() {
      List<Manifest> manifests =
          parse(
              """
          ---
          ---
          # nothing but a comment
          ---

          ---
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: web
          ---
          # trailing comment-only document
          """);

      assertThat(manifests)
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.name()).isEqualTo("web");
                assertThat(m.location().line()).isEqualTo(7);
              });
    }

    @Test
    void aStreamOfOnlySeparatorsAndCommentsHasNoObjects() {
      assertThat(parse("---\n# Source: chart/templates/empty.yaml\n---\n...\n")).isEmpty();
      assertThat(parse("")).isEmpty();
    }

    @Test
    void aFlowStyleDocumentIsReadLikeABlockOne() {
      Manifest m =
          only(
              """
          # one-line object
          {apiVersion: v1, kind: ServiceAccount, metadata: {name: web, namespace: shop}}
          """);

      assertThat(m.ref()).isEqualTo(new ObjectRef("ServiceAccount", "shop", "web"));
      assertThat(m.location().line()).isEqualTo(2);
    }
  }

  @Nested
  class KindList {

    @Test
    void aListIsFlattenedIntoItsItemsEachAtTheLineOfItsFirstKey() {
      List<Manifest> manifests =
          parse(
              """
          apiVersion: v1
          kind: List
          items:
            - apiVersion: v1
              kind: ServiceAccount
              metadata:
                name: web
            - apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: web
              spec:
                replicas: 4
          """);

      assertThat(manifests)
          .extracting(Manifest::kind)
          .containsExactly("ServiceAccount", "Deployment");
      assertThat(manifests).extracting(m -> m.location().line()).containsExactly(4, 8);
      Manifest deployment = manifests.get(1);
      assertThat(deployment.fieldLines())
          .containsEntry("spec.replicas", 13)
          .containsEntry("metadata.name", 11);
      assertThat(deployment.locationOf("spec.replicas").line()).isEqualTo(13);
      assertThat(deployment.as(Deployment.class)).map(d -> d.getSpec().getReplicas()).contains(4);
    }

    @Test
    void typedListKindsSuchAsConfigMapListAreFlattenedToo() {
      List<Manifest> manifests =
          parse(
              """
          apiVersion: v1
          kind: ConfigMapList
          items:
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                name: a
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                name: b
          """);

      assertThat(manifests).extracting(Manifest::name).containsExactly("a", "b");
      assertThat(manifests).extracting(m -> m.location().line()).containsExactly(4, 8);
    }

    @Test
    void anEmptyListHasNoObjects() {
      assertThat(parse("apiVersion: v1\nkind: List\nitems: []\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "kind: List\n",
          "kind: List\nitems: 3\n",
          "kind: List\nitems: {a: b}\n",
          "kind: List\nitems:\n",
          "kind: ConfigMapList\nitems: x\n"
        })
    void aListWhoseItemsAreNotAListIsBadInputNotNothingRead(String list) {
      assertThatThrownBy(() -> parse("apiVersion: v1\n" + list))
          .isInstanceOf(InputException.class)
          .hasMessageMatching("test\\.yaml:[123]: a \\w*List needs items, a list of objects");
    }

    @Test
    void aListItemWithoutKindIsAnErrorAtTheItemsLine() {
      assertThatThrownBy(
              () ->
                  parse(
                      """
          apiVersion: v1
          kind: List
          items:
            - apiVersion: v1
              kind: ServiceAccount
              metadata:
                name: fine
            - apiVersion: v1
              metadata:
                name: broken
          """))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("test.yaml:8: ")
          .hasMessageContaining("kind");
    }

    @Test
    void aListItemThatIsNotAMappingIsAnErrorAtTheItemsLine() {
      assertThatThrownBy(
              () ->
                  parse(
                      """
          apiVersion: v1
          kind: List
          items:
            - just a string
          """))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("test.yaml:4: ");
    }
  }

  @Nested
  class HelmTemplateOfEachObject {

    @Test
    void theTemplateIsTheNearestPrecedingSourceComment() {
      List<Manifest> manifests =
          parse(
              """
          ---
          # Source: shop/templates/serviceaccount.yaml
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: web
          ---
          # Source: shop/templates/ignored-because-not-nearest.yaml
          # Source: shop/templates/deployment.yaml
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
          """);

      assertThat(manifests)
          .extracting(m -> m.location().template())
          .containsExactly(
              Optional.of("shop/templates/serviceaccount.yaml"),
              Optional.of("shop/templates/deployment.yaml"));
      assertThat(manifests.get(1).location())
          .hasToString("test.yaml:10 (shop/templates/deployment.yaml)");
    }

    @Test
    void anObjectWithNoSourceCommentSinceThePreviousDocumentHasNoTemplate() {
      List<Manifest> manifests =
          parse(
              """
          # Source: shop/templates/serviceaccount.yaml
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: from-helm
          ---
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: hand-written
          """);

      assertThat(named(manifests, "from-helm").location().template())
          .contains("shop/templates/serviceaccount.yaml");
      assertThat(named(manifests, "hand-written").location().template()).isEmpty();
      assertThat(named(manifests, "hand-written").location()).hasToString("test.yaml:7");
    }

    @Test
    void aFileWithoutSourceCommentsHasNoTemplates() {
      assertThat(only(serviceAccount("web")).location().template()).isEmpty();
    }

    @Test
    void itemsOfAListShareTheListsTemplate() {
      List<Manifest> manifests =
          parse(
              """
          # Source: shop/templates/accounts.yaml
          apiVersion: v1
          kind: List
          items:
            - apiVersion: v1
              kind: ServiceAccount
              metadata:
                name: a
          """);

      assertThat(manifests)
          .singleElement()
          .satisfies(
              m -> assertThat(m.location().template()).contains("shop/templates/accounts.yaml"));
    }

    @Test
    void aFieldsLocationKeepsTheObjectsFileAndTemplate() {
      Manifest m =
          only(
              """
          # Source: shop/templates/deployment.yaml
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
          spec:
            replicas: 3
          """);

      assertThat(m.locationOf("spec.replicas"))
          .isEqualTo(
              new SourceLocation("test.yaml", 7, Optional.of("shop/templates/deployment.yaml")));
      assertThat(m.locationOf("spec.not.written")).isEqualTo(m.location());
    }
  }

  @Nested
  class JsonInput {

    @Test
    void aJsonObjectIsReadWithTypedModelAndLines() {
      Manifest m =
          only(
              """
          {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "metadata": {"name": "web", "namespace": "shop"},
            "spec": {
              "replicas": 3
            }
          }
          """);

      assertThat(m.ref()).isEqualTo(new ObjectRef("Deployment", "shop", "web"));
      assertThat(m.as(Deployment.class)).map(d -> d.getSpec().getReplicas()).contains(3);
      assertThat(m.fieldLines()).containsEntry("spec.replicas", 6);
    }

    @Test
    void aKubectlStyleJsonListIsFlattened() {
      List<Manifest> manifests =
          parse(
              """
          {
              "apiVersion": "v1",
              "kind": "List",
              "items": [
                  {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "a"}},
                  {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "b"}}
              ]
          }
          """);

      assertThat(manifests).extracting(Manifest::name).containsExactly("a", "b");
      assertThat(manifests).extracting(m -> m.location().line()).containsExactly(5, 6);
    }

    @Test
    void jsonIndentedWithTabsIsAccepted() {
      Manifest m =
          only(
              "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"ServiceAccount\",\n\t\"metadata\": {\n\t\t\"name\": \"web\"\n\t}\n}\n");

      assertThat(m.ref()).isEqualTo(new ObjectRef("ServiceAccount", "default", "web"));
      assertThat(m.location().line()).isEqualTo(1); // a JSON object starts at its brace
    }
  }

  @Nested
  class TypedObjects {

    static Stream<Arguments> typedKinds() {
      return Stream.of(
          Arguments.of("apps/v1", "Deployment", Deployment.class),
          Arguments.of("apps/v1", "DaemonSet", DaemonSet.class),
          Arguments.of("apps/v1", "StatefulSet", StatefulSet.class),
          Arguments.of("batch/v1", "Job", Job.class),
          Arguments.of("batch/v1", "CronJob", CronJob.class),
          Arguments.of("v1", "Pod", Pod.class),
          Arguments.of("v1", "ServiceAccount", ServiceAccount.class),
          Arguments.of("v1", "ConfigMap", ConfigMap.class),
          Arguments.of("rbac.authorization.k8s.io/v1", "ClusterRole", ClusterRole.class),
          Arguments.of("rbac.authorization.k8s.io/v1", "RoleBinding", RoleBinding.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("typedKinds")
    void modelledKindsAreReadAsTheirFabric8Type(
        String apiVersion, String kind, Class<? extends KubernetesResource> type) {
      Manifest m =
          only(
              """
          apiVersion: %s
          kind: %s
          metadata:
            name: example
          """
                  .formatted(apiVersion, kind));

      assertThat(m.typed()).get().isInstanceOf(type);
      assertThat(m.as(type)).isPresent();
      assertThat(m.apiVersion()).isEqualTo(apiVersion);
    }

    @Test
    void aDaemonSetsPodTemplateIsInTheTypedObject() {
      Manifest m =
          only(
              """
          apiVersion: apps/v1
          kind: DaemonSet
          metadata:
            name: agent
            namespace: monitoring
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
                    image: agent:1.0
          """);

      DaemonSet ds = m.as(DaemonSet.class).orElseThrow();
      assertThat(ds.getMetadata().getNamespace()).isEqualTo("monitoring");
      assertThat(ds.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("agent");
      assertThat(ds.getSpec().getTemplate().getSpec().getContainers())
          .extracting("image")
          .containsExactly("agent:1.0");
      assertThat(m.as(Deployment.class)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "monitoring.coreos.com/v1/ServiceMonitor",
          "example.com/v1alpha1/Frobnicator",
          "v1/Frobnicator",
          "autoscaling/v2/HorizontalPodAutoscaler"
        })
    void otherKindsAndCustomResourcesStayPlainTrees(String apiVersionAndKind) {
      Manifest m = labelledWithASpec(apiVersionAndKind);

      assertThat(m.typed()).isEmpty();
      assertThat(m.raw())
          .containsEntry("spec", Map.of("anything", List.of("goes", Map.of("here", 1))));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "v1/Service",
          "networking.k8s.io/v1/Ingress",
          "apiextensions.k8s.io/v1/CustomResourceDefinition",
          "policy/v1/PodDisruptionBudget"
        })
    void kindsNoStageReadsKeepOnlyTheirIdentityLabelsAndAnnotations(String apiVersionAndKind) {
      Manifest m = labelledWithASpec(apiVersionAndKind);

      assertThat(m.raw()).containsOnlyKeys("apiVersion", "kind", "metadata");
      assertThat(m.labels()).containsEntry("app", "web");
      assertThat(m.fieldLines())
          .containsEntry("metadata.labels.app", 5)
          .doesNotContainKeys("spec", "spec.anything");
      assertThat(m.locationOf("spec.anything").line()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apps/v1/Deployment", "rbac.authorization.k8s.io/v1/Role"})
    void typedKindsKeepTheirIdentityAndPodTemplateMetadataAsPlainTrees(String apiVersionAndKind) {
      Manifest m =
          labelled(
              apiVersionAndKind,
              """
              spec:
                replicas: 2
                template:
                  metadata:
                    labels: {app: web, tier: front}
                  spec:
                    containers: [{name: app, image: web:1}]
              rules: []""");

      assertThat(m.typed()).isPresent();
      assertThat(m.labels()).containsEntry("app", "web");
      assertThat(m.raw())
          .containsOnlyKeys("apiVersion", "kind", "metadata", "spec")
          .containsEntry(
              "spec",
              Map.of(
                  "template",
                  Map.of("metadata", Map.of("labels", Map.of("app", "web", "tier", "front")))));
      assertThat(m.locationOf("spec.replicas").line()).isEqualTo(7);
      // The lines a finding can name are kept; the others were needed only to bind the object.
      assertThat(m.fieldLines())
          .containsKeys(
              "metadata.labels.app", "spec.replicas", "spec.template.spec.containers[0].image")
          .doesNotContainKeys("spec.template.spec.containers[0].name", "spec.template");
    }

    @Test
    void typedObjectsShareOneEmptyListAndMapAndReadTheirLabelsInTheirOrder() {
      List<Manifest> two =
          parse(
              """
          apiVersion: v1
          kind: ServiceAccount
          metadata: {name: a, labels: {z: "1", a: "2"}}
          ---
          apiVersion: v1
          kind: ServiceAccount
          metadata: {name: b}
          """);
      io.fabric8.kubernetes.api.model.ObjectMeta a =
          two.get(0)
              .as(io.fabric8.kubernetes.api.model.ServiceAccount.class)
              .orElseThrow()
              .getMetadata();
      io.fabric8.kubernetes.api.model.ObjectMeta b =
          two.get(1)
              .as(io.fabric8.kubernetes.api.model.ServiceAccount.class)
              .orElseThrow()
              .getMetadata();

      assertThat(a.getFinalizers()).isEmpty();
      assertThat(a.getFinalizers()).isSameAs(b.getFinalizers()).isSameAs(b.getOwnerReferences());
      assertThat(a.getAdditionalProperties()).isEmpty();
      assertThat(a.getAdditionalProperties()).isSameAs(b.getAdditionalProperties());
      assertThat(a.getLabels()).containsExactly(Map.entry("z", "1"), Map.entry("a", "2"));
      assertThat(b.getLabels()).isEqualTo(Map.of());
    }

    @Test
    void oneLabelOrAnnotationReadsAsTheirMapsHoldIt() {
      Manifest m =
          only(
              """
          apiVersion: example.com/v1
          kind: Frobnicator
          metadata:
            name: example
            labels: {app: web, tier: 3}
            annotations: {helm.sh/hook: test, empty: }
          """);

      for (String key : List.of("app", "tier", "missing")) {
        assertThat(m.label(key)).as(key).isEqualTo(Optional.ofNullable(m.labels().get(key)));
      }
      for (String key : List.of("helm.sh/hook", "empty", "app")) {
        assertThat(m.annotation(key))
            .as(key)
            .isEqualTo(Optional.ofNullable(m.annotations().get(key)));
      }
      assertThat(m.annotation("empty")).contains("");
      assertThat(m.isHelmTestHook()).isTrue();
    }

    @Test
    void theDigestIsOfTheWholeDocumentWhateverTheOrderOfItsKeys() {
      Manifest written = web("spec: {replicas: 2, revisionHistoryLimit: 3}");
      Manifest reordered =
          only(
              """
          kind: Deployment
          apiVersion: apps/v1
          spec: {revisionHistoryLimit: 3, replicas: 2}
          metadata: {labels: {b: "2", a: "1"}, name: web}
          """);
      Manifest changed = web("spec: {replicas: 2, revisionHistoryLimit: 4}");
      Manifest retyped = web("spec: {replicas: 2, revisionHistoryLimit: \"3\"}");

      assertThat(reordered.digest()).isEqualTo(written.digest());
      assertThat(changed.digest()).isNotEqualTo(written.digest());
      assertThat(retyped.digest()).as("a string is not a number").isNotEqualTo(written.digest());
      assertThat(changed.raw()).isEqualTo(written.raw());
    }

    /** A Deployment {@code web} with two labels and {@code spec} as written. */
    private Manifest web(String spec) {
      return only(
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web, labels: {a: "1", b: "2"}}
          %s
          """
              .formatted(spec));
    }

    /** An object of {@code apiVersionAndKind} ({@code group/version/Kind}) with a label and a free-form spec. */
    private Manifest labelledWithASpec(String apiVersionAndKind) {
      return labelled(apiVersionAndKind, "spec:\n  anything: [goes, {here: 1}]");
    }

    /** An object of {@code apiVersionAndKind} with a label, and {@code rest} after its metadata. */
    private Manifest labelled(String apiVersionAndKind, String rest) {
      int slash = apiVersionAndKind.lastIndexOf('/');
      return only(
          """
          apiVersion: %s
          kind: %s
          metadata:
            name: example
            labels: {app: web}
          %s
          """
              .formatted(
                  apiVersionAndKind.substring(0, slash),
                  apiVersionAndKind.substring(slash + 1),
                  rest));
    }

    @Test
    void aCustomResourceWithFieldsThatWouldBeWrongInABuiltInIsNotAnError() {
      Manifest m =
          only(
              """
          apiVersion: example.com/v1
          kind: Deployment
          metadata:
            name: not-the-apps-one
          spec:
            replicas: "three"
            template: 42
          """);

      assertThat(m.typed()).isEmpty();
      assertThat(m.group()).isEqualTo("example.com");
      assertThat(m.raw()).extracting("spec").isEqualTo(Map.of("replicas", "three", "template", 42));
    }

    @Test
    void unknownFieldsOfAModelledKindAreIgnored() {
      Manifest m =
          only(
              """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
          spec:
            replicas: 2
            someFutureField: {enabled: true}
          """);

      assertThat(m.as(Deployment.class)).map(d -> d.getSpec().getReplicas()).contains(2);
    }

    @Test
    void aWrongTypeInAModelledKindIsAnErrorAtThatFieldsLine() {
      assertThatThrownBy(
              () ->
                  parse(
                      """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
          spec:
            replicas: "3"
          """))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("test.yaml:6: spec.replicas");
    }

    @Test
    void aFractionalCountIsAnErrorAtThatFieldsLine() {
      assertThatThrownBy(
              () ->
                  parse(
                      """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
          spec:
            template:
              spec:
                containers: []
            replicas: 2.5
          """))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("test.yaml:9: spec.replicas");
    }
  }

  @Nested
  class IdentityAndNamespaces {

    @Test
    void namespacedKindsWithoutANamespaceGetDefault() {
      assertThat(only(serviceAccount("web")).ref())
          .isEqualTo(new ObjectRef("ServiceAccount", "default", "web"));
    }

    @Test
    void aBlankNamespaceIsTreatedAsMissing() {
      Manifest m =
          only(
              """
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: web
            namespace: ""
          """);

      assertThat(m.namespace()).isEqualTo("default");
    }

    @Test
    void aGivenNamespaceIsKept() {
      Manifest m =
          only(
              """
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: web
            namespace: shop
          """);

      assertThat(m.namespace()).isEqualTo("shop");
      assertThat(m.ref()).hasToString("ServiceAccount/shop/web");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "v1/Namespace",
          "rbac.authorization.k8s.io/v1/ClusterRole",
          "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
          "apiextensions.k8s.io/v1/CustomResourceDefinition",
          "storage.k8s.io/v1/StorageClass",
          "scheduling.k8s.io/v1/PriorityClass"
        })
    void clusterScopedKindsHaveNoNamespaceWhateverTheRenderingSaid(String apiVersionAndKind) {
      int slash = apiVersionAndKind.lastIndexOf('/');
      String kind = apiVersionAndKind.substring(slash + 1);
      List<Manifest> manifests =
          parse(
              """
          apiVersion: %1$s
          kind: %2$s
          metadata:
            name: without
          ---
          apiVersion: %1$s
          kind: %2$s
          metadata:
            name: with
            namespace: helm-release-namespace
          """
                  .formatted(apiVersionAndKind.substring(0, slash), kind));

      assertThat(manifests).extracting(Manifest::namespace).containsOnly("");
      assertThat(named(manifests, "with").ref()).hasToString(kind + "/with");
    }

    @Test
    void generateNameStandsInForAMissingName() {
      Manifest m =
          only(
              """
          apiVersion: batch/v1
          kind: Job
          metadata:
            generateName: migrate-
          """);

      assertThat(m.name()).isEqualTo("migrate-");
    }

    @Test
    void anObjectWithoutANameIsAnErrorAtItsFirstLine() {
      assertThatThrownBy(
              () ->
                  parse(
                      serviceAccount("ok")
                          + """
          ---
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            labels: {app: web}
          """))
          .isInstanceOf(InputException.class)
          .hasMessage("test.yaml:6: ServiceAccount has no metadata.name");
    }

    @Test
    void theApiGroupIsTakenFromApiVersion() {
      assertThat(only(serviceAccount("web")).group()).isEmpty();
      assertThat(only("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\n").group())
          .isEqualTo("apps");
    }
  }

  @Nested
  class SecretsAndHooks {

    @Test
    void secretValuesAreRemovedFromTheRawTree() {
      Manifest m =
          only(
              """
          apiVersion: v1
          kind: Secret
          metadata:
            name: db
          type: Opaque
          data:
            password: aHVudGVyMg==
          stringData:
            token: s3cr3t-token
          """);

      assertThat(m.raw()).doesNotContainKeys("data", "stringData").containsEntry("type", "Opaque");
      assertThat(m.raw().toString()).doesNotContain("aHVudGVyMg==", "s3cr3t-token");
      assertThat(m.ref()).isEqualTo(new ObjectRef("Secret", "default", "db"));
    }

    @Test
    void helmTestHooksAreSetAsideFromTheObjectsThatCarryLoad() {
      ManifestSet set =
          ManifestSet.of(
              parse(
                  """
          apiVersion: v1
          kind: Pod
          metadata:
            name: test-connection
            annotations:
              helm.sh/hook: test
          ---
          apiVersion: v1
          kind: Pod
          metadata:
            name: old-style-test
            annotations:
              helm.sh/hook: test-success
          ---
          apiVersion: batch/v1
          kind: Job
          metadata:
            name: listed-test
            annotations:
              helm.sh/hook: "pre-upgrade, test"
          ---
          apiVersion: batch/v1
          kind: Job
          metadata:
            name: migrate
            annotations:
              helm.sh/hook: pre-install,pre-upgrade
          ---
          apiVersion: v1
          kind: Pod
          metadata:
            name: app
          """));

      assertThat(set.skippedTestHooks())
          .extracting(Manifest::name)
          .containsExactlyInAnyOrder("test-connection", "old-style-test", "listed-test");
      assertThat(set.manifests())
          .extracting(Manifest::name)
          .containsExactlyInAnyOrder("migrate", "app");
    }
  }

  @Nested
  class FieldLines {

    @Test
    void everyFieldAndListItemHasItsLine() {
      // A custom resource keeps every line; a typed object those a finding can name (below).
      Manifest m =
          only(
              """
          apiVersion: example.com/v1
          kind: Frobnicator
          metadata:
            name: web
          spec:
            replicas: 3
            template:
              spec:
                containers:
                  - name: web
                    image: nginx:1.27
                  - name: sidecar
                    image: envoy:1.30
          """);

      assertThat(m.fieldLines())
          .containsEntry("apiVersion", 1)
          .containsEntry("metadata.name", 4)
          .containsEntry("spec.replicas", 6)
          .containsEntry("spec.template.spec.containers", 9)
          .containsEntry("spec.template.spec.containers[0]", 10)
          .containsEntry("spec.template.spec.containers[1].image", 13);
    }
  }

  @Nested
  class Encodings {

    @Test
    void aUtf8ByteOrderMarkIsAccepted() {
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      byte[] yaml = serviceAccount("web").getBytes(StandardCharsets.UTF_8);
      byte[] content = new byte[bom.length + yaml.length];
      System.arraycopy(bom, 0, content, 0, bom.length);
      System.arraycopy(yaml, 0, content, bom.length, yaml.length);

      List<Manifest> manifests = ManifestParser.parse("bom.yaml", content);

      assertThat(manifests)
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.ref()).isEqualTo(new ObjectRef("ServiceAccount", "default", "web"));
                assertThat(m.raw()).containsKey("apiVersion");
                assertThat(m.location().line()).isEqualTo(1);
              });
    }

    @Test
    void crlfLineEndingsGiveTheSameObjectsLinesAndTemplates() {
      String yaml =
          """
          ---
          # Source: shop/templates/a.yaml
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: a
          ---
          # Source: shop/templates/b.yaml
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: b
          spec:
            replicas: 2
          """
              .replace("\n", "\r\n");

      List<Manifest> manifests = parse(yaml);

      assertThat(manifests).extracting(m -> m.location().line()).containsExactly(3, 9);
      assertThat(manifests)
          .extracting(m -> m.location().template())
          .containsExactly(
              Optional.of("shop/templates/a.yaml"), Optional.of("shop/templates/b.yaml"));
      assertThat(named(manifests, "b").fieldLines()).containsEntry("spec.replicas", 14);
      assertThat(named(manifests, "a").name()).isEqualTo("a");
    }

    @Test
    void anErrorInACrlfFileNamesTheRightLine() {
      String yaml =
          "apiVersion: v1\r\nkind: ServiceAccount\r\nmetadata:\r\n  name: a\r\n---\r\napiVersion: v1\r\nmetadata:\r\n  name: b\r\n";

      assertThatThrownBy(() -> parse(yaml))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("test.yaml:6: ");
    }

    @Test
    void unicodeLineSeparatorInsideAValueDoesNotShiftLaterLineNumbers() {
      // Editors, grep -n and kubectl count only \n; YAML 1.2 agrees (these are not line breaks).
      List<Manifest> manifests =
          parse(
              """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: a
          data:
            note: "one{LS}two{NEL}three"
          ---
          # Source: shop/templates/b.yaml
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: b
          """
                  .replace("{LS}", "\u2028")
                  .replace("{NEL}", "\u0085"));

      Manifest b = named(manifests, "b");
      assertThat(b.location().line()).isEqualTo(9);
      assertThat(b.location().template()).contains("shop/templates/b.yaml");
      assertThat(b.fieldLines()).containsEntry("metadata.name", 12);
    }
  }

  @Nested
  class YamlFeaturesAndNonHelmTemplates {

    @Test
    void mergeKeysAreAccepted() {
      Manifest m =
          only(
              """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
            labels: &labels
              app: web
              tier: front
          spec:
            template:
              metadata:
                labels:
                  <<: *labels
                  tier: back
          """);

      Deployment d = m.as(Deployment.class).orElseThrow();
      assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
          .isEqualTo(Map.of("app", "web", "tier", "back"));
      assertThat(d.getMetadata().getLabels()).isEqualTo(Map.of("app", "web", "tier", "front"));
    }

    @Test
    void prometheusAndAlertmanagerTemplatesInDataAreNotHelm() {
      List<Manifest> manifests =
          parse(
              """
          apiVersion: monitoring.coreos.com/v1
          kind: PrometheusRule
          metadata:
            name: node-rules
          spec:
            groups:
              - name: node
                rules:
                  - alert: NodeDown
                    expr: up{job="node"} == 0
                    annotations:
                      summary: "{{ $labels.instance }} is down ({{ $value }})"
                      description: "{{ with $labels.cluster -}} cluster {{ . }} {{- end }}"
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: alertmanager-templates
          data:
            slack.tmpl: |
              {{ define "slack.title" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}{{ end }}
              {{ range .Alerts }}{{ .Annotations.summary }}{{ end }}
              {{ template "slack.title" . }}
            title: '{{ .CommonLabels.alertname }} on {{ .ExternalURL }}'
          """);

      assertThat(manifests)
          .extracting(Manifest::name)
          .containsExactly("node-rules", "alertmanager-templates");
      assertThat(
              named(manifests, "alertmanager-templates")
                  .as(ConfigMap.class)
                  .orElseThrow()
                  .getData())
          .containsEntry("title", "{{ .CommonLabels.alertname }} on {{ .ExternalURL }}");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "\"{{ .Values.image.repository }}\"",
          "\"{{- .Release.Name }}-web\"",
          "\"nginx:{{ .Chart.AppVersion }}\"",
          "'{{ include \"web.fullname\" . }}'",
          "'{{ toYaml .Values.resources }}'",
          "'{{ required \"image is required\" .Values.image }}'",
          "'{{ tpl .Values.tpl . }}'"
        })
    void helmOnlyExpressionsInAStringAreUnrenderedTemplates(String value) {
      assertThatThrownBy(
              () ->
                  parse(
                      """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: settings
          data:
            fine: plain value
            value: %s
          """
                          .formatted(value)))
          .isInstanceOf(InputException.class)
          .hasMessage(
              "test.yaml:7: unrendered Helm template in data.value: run `helm template` first");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "\"{{ $.Values.image.repository }}\"",
          "'{{ default \"nginx\" .Values.image }}'",
          "'{{ quote .Release.Name }}'"
        })
    void helmExpressionsThatDoNotStartWithABuiltInObjectAreUnrenderedTemplatesToo(String value) {
      assertThatThrownBy(
              () ->
                  parse(
                      """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: settings
          data:
            value: %s
          """
                          .formatted(value)))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("test.yaml:6: unrendered Helm template");
    }

    @Test
    void anUnquotedHelmExpressionIsAnUnrenderedTemplateAtItsLine() {
      assertThatThrownBy(
              () ->
                  parse(
                      """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
          spec:
            replicas: {{ .Values.replicas }}
          """))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("test.yaml:6: unrendered Helm template");
    }

    @Test
    void numericKeysInAConfigMapAreAcceptedAsKubectlDoes() {
      Manifest m =
          only(
              """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: tcp-services
            namespace: ingress
          data:
            9000: "default/example-go:8080"
          """);

      assertThat(m.as(ConfigMap.class).orElseThrow().getData())
          .containsEntry("9000", "default/example-go:8080");
    }
  }
}
