package io.kubeload.access.inference;

import static io.kubeload.testing.TestManifests.accessSets;
import static io.kubeload.testing.TestManifests.staging;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.access.Access;
import io.kubeload.access.Access.Pattern;
import io.kubeload.access.Access.Scope;
import io.kubeload.access.AccessSet;
import io.kubeload.access.NoteKind;
import io.kubeload.access.Provenance.Source;
import io.kubeload.testing.TestManifests;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.SourceLocation;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessAnnotationTest {

  /** Cluster-wide list/watch of pods and a wildcard rule for apps/app-sa. */
  private static final String RBAC =
      """
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: app}
      rules:
        - apiGroups: [""]
          resources: [pods]
          verbs: [list, watch]
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: [get]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: app}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: app}
      subjects: [{kind: ServiceAccount, name: app-sa, namespace: apps}]
      """;

  /** Deployment apps/app with {@code annotation} (a YAML block, its lines unindented) on its metadata. */
  private static String onWorkload(String annotation) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
          namespace: apps
          annotations:
            kubeload.io/access: |
        %s  labels: {app: app}
        spec:
          replicas: 3
          template:
            spec:
              serviceAccountName: app-sa
              containers: [{name: app, image: x}]
        """
        .formatted(annotation.indent(6));
  }

  /** Deployment apps/app with {@code annotation} on its pod template. */
  private static String onPodTemplate(String annotation) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app, namespace: apps}
        spec:
          template:
            metadata:
              annotations:
                kubeload.io/access: |
        %s    spec:
              serviceAccountName: app-sa
              containers: [{name: app, image: x}]
        """
        .formatted(annotation.indent(10));
  }

  private static AccessSet app(String yaml) {
    return accessSets(yaml, staging()).stream()
        .filter(s -> s.workload().ref().name().equals("app"))
        .findFirst()
        .orElseThrow();
  }

  private static Access only(String annotation) {
    AccessSet set = app(onWorkload(annotation));
    assertThat(set.accesses()).hasSize(1);
    return set.accesses().get(0);
  }

  @Nested
  class WhereItIsRead {

    @Test
    void annotationOnTheWorkloadDeclaresTheAccesses() {
      String yaml =
          onWorkload(
              """
          - resource: pods
            verbs: [list, watch]
          - resource: configmaps
            pattern: poll
            scope: namespace
          """);
      AccessSet set = app(yaml);
      assertThat(set.basis()).isEqualTo("annotation kubeload.io/access");
      assertThat(set.notes()).isEmpty();
      assertThat(set.accesses()).extracting(Access::resource).containsExactly("pods", "configmaps");
      SourceLocation annotationLine =
          new SourceLocation(
              "test.yaml", TestManifests.lineOf(yaml, "kubeload.io/access:"), Optional.empty());
      assertThat(set.accesses())
          .allSatisfy(
              a -> {
                assertThat(a.provenance().source()).isEqualTo(Source.ANNOTATION);
                assertThat(a.provenance().location()).isEqualTo(annotationLine);
              });
      assertThat(set.accesses().get(1).provenance().detail())
          .isEqualTo("kubeload.io/access declares list configmaps (namespace)");
    }

    @Test
    void annotationOnThePodTemplateDeclaresTheAccesses() {
      String yaml =
          onPodTemplate(
              """
          - resource: nodes
            pattern: get-per-event
          """);
      AccessSet set = app(yaml);
      assertThat(set.basis()).isEqualTo("annotation kubeload.io/access");
      assertThat(set.accesses())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.resource()).isEqualTo("nodes");
                assertThat(a.pattern()).isEqualTo(Pattern.GET_PER_EVENT);
                assertThat(a.provenance().location().line())
                    .isEqualTo(TestManifests.lineOf(yaml, "kubeload.io/access:"));
              });
    }

    @Test
    void annotationOnACronJobsPodTemplatePointsAtItsLine() {
      String yaml =
          """
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: app, namespace: apps}
          spec:
            schedule: "@daily"
            jobTemplate:
              spec:
                template:
                  metadata:
                    annotations:
                      kubeload.io/access: "[{resource: jobs, group: batch, pattern: poll, periodSeconds: 300}]"
                  spec:
                    restartPolicy: Never
                    containers: [{name: app, image: x}]
          """;
      AccessSet set = app(yaml);
      assertThat(set.accesses())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.resource()).isEqualTo("jobs");
                assertThat(a.periodSeconds()).isEqualTo(300.0);
                assertThat(a.provenance().location().line())
                    .isEqualTo(TestManifests.lineOf(yaml, "kubeload.io/access:"));
              });
    }

    @Test
    void annotationOnABarePodPointsAtItsLine() {
      String yaml =
          """
          apiVersion: v1
          kind: Pod
          metadata:
            name: app
            namespace: apps
            annotations:
              kubeload.io/access: "[{resource: pods, scope: own-node}]"
          spec:
            containers: [{name: app, image: x}]
          """;
      Access a = app(yaml).accesses().get(0);
      assertThat(a.scope()).isEqualTo(Scope.OWN_NODE);
      assertThat(a.provenance().location().line())
          .isEqualTo(TestManifests.lineOf(yaml, "kubeload.io/access:"));
    }

    @Test
    void workloadAnnotationWinsOverThePodTemplates() {
      String yaml =
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: app
            namespace: apps
            annotations: {kubeload.io/access: "[{resource: services}]"}
          spec:
            template:
              metadata:
                annotations: {kubeload.io/access: "[{resource: endpoints}]"}
              spec:
                containers: [{name: app, image: x}]
          """;
      assertThat(app(yaml).accesses()).extracting(Access::resource).containsExactly("services");
    }

    @Test
    void annotationOverridesRbacEntirely() {
      AccessSet set =
          app(
              onWorkload(
                      """
          - resource: services
            scope: namespace
          """)
                  + RBAC);
      assertThat(set.accesses()).extracting(Access::resource).containsExactly("services");
      assertThat(set.accesses())
          .extracting(a -> a.provenance().source())
          .containsOnly(Source.ANNOTATION);
      assertThat(set.notes()).isEmpty();
    }

    @Test
    void withoutTheAnnotationRbacDecides() {
      AccessSet set =
          app(
              onWorkload("# nothing declared\n").replace("kubeload.io/access", "example.com/other")
                  + RBAC);
      assertThat(set.basis()).isEqualTo("RBAC (upper bound)");
      assertThat(set.accesses()).extracting(Access::resource).containsExactly("pods");
      assertThat(set.notes())
          .extracting(AccessSet.Note::kind)
          .containsExactly(NoteKind.RBAC_WILDCARD);
    }

    @Test
    void annotationBeatsAnUnmountedToken() {
      String yaml =
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: app
            namespace: apps
            annotations: {kubeload.io/access: "[{resource: secrets, scope: named, pattern: get-per-event}]"}
          spec:
            template:
              spec:
                automountServiceAccountToken: false
                containers: [{name: app, image: x}]
          """;
      AccessSet set = app(yaml);
      assertThat(set.basis()).isEqualTo("annotation kubeload.io/access");
      assertThat(set.accesses()).extracting(Access::resource).containsExactly("secrets");
    }

    @Test
    void emptyListDeclaresNoAccess() {
      String yaml =
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: app
            namespace: apps
            annotations: {kubeload.io/access: "[]"}
          spec:
            template:
              spec:
                serviceAccountName: app-sa
                containers: [{name: app, image: x}]
          """
              + RBAC;
      AccessSet set = app(yaml);
      assertThat(set.accesses()).isEmpty();
      assertThat(set.notes()).isEmpty();
      assertThat(set.basis()).isEqualTo("annotation kubeload.io/access");
    }
  }

  @Nested
  class Defaults {

    @Test
    void resourceAloneIsAClusterWideInformer() {
      Access a = only("- resource: pods\n");
      assertThat(a.resource()).isEqualTo("pods");
      assertThat(a.pattern()).isEqualTo(Pattern.INFORMER);
      assertThat(a.scope()).isEqualTo(Scope.CLUSTER);
      assertThat(a.namespace()).isEmpty();
      assertThat(a.verbs()).containsExactlyInAnyOrder("list", "watch");
      assertThat(a.periodSeconds()).isZero();
      assertThat(a.ratePerSecond()).isEmpty();
    }

    @Test
    void pollDefaultsToListEverySixtySeconds() {
      Access a = only("- {resource: configmaps, pattern: poll}\n");
      assertThat(a.pattern()).isEqualTo(Pattern.POLL);
      assertThat(a.verbs()).containsExactly("list");
      assertThat(a.periodSeconds()).isEqualTo(60.0);
    }

    @Test
    void pollPeriodCanBeSet() {
      Access a = only("- {resource: configmaps, pattern: poll, periodSeconds: 15}\n");
      assertThat(a.periodSeconds()).isEqualTo(15.0);
    }

    @Test
    void getPerEventDefaultsToGetWithADerivedRate() {
      Access a = only("- {resource: nodes, pattern: get-per-event}\n");
      assertThat(a.verbs()).containsExactly("get");
      assertThat(a.ratePerSecond()).isEmpty();
      assertThat(a.periodSeconds()).isZero();
    }

    @Test
    void getPerEventRateCanBeSet() {
      Access a = only("- {resource: nodes, pattern: get-per-event, ratePerSecond: 0.5}\n");
      assertThat(a.ratePerSecond()).contains(0.5);
    }

    @Test
    void leaderElectionDefaultsToGetAndUpdate() {
      Access a =
          only(
              "- {resource: leases, group: coordination.k8s.io, pattern: leader-election, scope: named}\n");
      assertThat(a.resource()).isEqualTo("leases");
      assertThat(a.pattern()).isEqualTo(Pattern.LEADER_ELECTION);
      assertThat(a.verbs()).containsExactlyInAnyOrder("get", "update");
      assertThat(a.scope()).isEqualTo(Scope.NAMED);
      assertThat(a.namespace()).isEmpty();
    }

    @Test
    void explicitVerbsAreKept() {
      assertThat(only("- {resource: pods, verbs: [watch]}\n").verbs()).containsExactly("watch");
      assertThat(only("- {resource: pods, verbs: list}\n").verbs()).containsExactly("list");
    }

    @Test
    void namespaceScopeDefaultsToTheWorkloadsNamespace() {
      Access a = only("- {resource: secrets, scope: namespace}\n");
      assertThat(a.scope()).isEqualTo(Scope.NAMESPACE);
      assertThat(a.namespace()).isEqualTo("apps");
    }

    @Test
    void namespaceScopeCanNameAnotherNamespace() {
      Access a = only("- {resource: secrets, scope: namespace, namespace: vault}\n");
      assertThat(a.namespace()).isEqualTo("vault");
    }

    @Test
    void clusterScopeHasNoNamespace() {
      Access a = only("- {resource: secrets, scope: cluster, namespace: vault}\n");
      assertThat(a.scope()).isEqualTo(Scope.CLUSTER);
      assertThat(a.namespace()).isEmpty();
    }

    @Test
    void ownNodeScope() {
      assertThat(only("- {resource: pods, scope: own-node}\n").scope()).isEqualTo(Scope.OWN_NODE);
    }

    @Test
    void groupQualifiesCustomResources() {
      assertThat(only("- {resource: ciliumendpoints, group: cilium.io}\n").resource())
          .isEqualTo("ciliumendpoints.cilium.io");
      assertThat(only("- {resource: CiliumIdentities, group: cilium.io}\n").resource())
          .isEqualTo("ciliumidentities.cilium.io");
    }

    @Test
    void builtInGroupsStayPlain() {
      assertThat(only("- {resource: endpointslices, group: discovery.k8s.io}\n").resource())
          .isEqualTo("endpointslices");
      assertThat(only("- {resource: deployments, group: apps}\n").resource())
          .isEqualTo("deployments");
    }

    @Test
    void provenanceDetailListsVerbsInAStableOrder() {
      String annotation =
          """
          - {resource: pods, verbs: [watch, list]}
          - {resource: services, verbs: [watch, list, get]}
          - {resource: nodes, verbs: [watch, update, list, get]}
          - {resource: configmaps, verbs: [watch, patch, list, get, delete, create, update]}
          """;
      assertThat(app(onWorkload(annotation)).accesses())
          .extracting(a -> a.provenance().detail())
          .containsExactly(
              "kubeload.io/access declares list,watch pods (cluster)",
              "kubeload.io/access declares get,list,watch services (cluster)",
              "kubeload.io/access declares get,list,update,watch nodes (cluster)",
              "kubeload.io/access declares create,delete,get,list,patch,update,watch configmaps (cluster)");
    }
  }

  @Nested
  class Errors {

    private void assertRejected(String annotation, String... messageParts) {
      String yaml = onWorkload(annotation);
      int line = TestManifests.lineOf(yaml, "kubeload.io/access:");
      assertThatThrownBy(() -> app(yaml))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("test.yaml:" + line + ": ")
          .hasMessageContainingAll(messageParts);
    }

    @Test
    void notYaml() {
      assertRejected("- resource: [pods\n", "kubeload.io/access is not valid YAML");
    }

    @Test
    void notAList() {
      assertRejected("resource: pods\n", "kubeload.io/access must be a YAML list");
    }

    @Test
    void scalarIsNotAList() {
      assertRejected("pods\n", "must be a YAML list");
    }

    @Test
    void itemThatIsNotAMapping() {
      assertRejected("- {resource: pods}\n- services\n", "kubeload.io/access[1] must be a mapping");
    }

    @Test
    void unknownKey() {
      assertRejected("- {resource: pods, verb: [list]}\n", "unknown key 'verb'");
    }

    @Test
    void missingResource() {
      assertRejected("- {pattern: poll}\n", "missing kubeload.io/access[0].resource");
    }

    @ParameterizedTest
    @CsvSource({"scope, global", "scope, node", "pattern, watch", "pattern, stream"})
    void unknownScopeOrPattern(String key, String value) {
      assertRejected(
          "- {resource: pods, " + key + ": " + value + "}\n",
          "kubeload.io/access[0]." + key + ": unknown value '" + value + "'");
    }

    @Test
    void periodOnANonPoll() {
      assertRejected(
          "- {resource: pods, periodSeconds: 30}\n",
          "kubeload.io/access[0].periodSeconds applies to pattern poll only");
    }

    @Test
    void rateOnANonGetPerEvent() {
      assertRejected(
          "- {resource: pods, pattern: poll, ratePerSecond: 2}\n",
          "ratePerSecond applies to pattern get-per-event only");
    }

    @Test
    void zeroPeriod() {
      assertRejected(
          "- {resource: pods, pattern: poll, periodSeconds: 0}\n",
          "periodSeconds must be greater than 0");
    }

    @Test
    void negativePeriod() {
      assertRejected("- {resource: pods, pattern: poll, periodSeconds: -5}\n", "periodSeconds");
    }

    @Test
    void periodThatIsNotANumber() {
      assertRejected(
          "- {resource: pods, pattern: poll, periodSeconds: often}\n",
          "periodSeconds",
          "must be a number");
    }

    @Test
    void negativeRate() {
      assertRejected(
          "- {resource: pods, pattern: get-per-event, ratePerSecond: -1}\n", "ratePerSecond");
    }

    @Test
    void errorOnThePodTemplatePointsAtThePodTemplateAnnotation() {
      String yaml = onPodTemplate("- {resource: pods, scope: everywhere}\n");
      assertThatThrownBy(() -> app(yaml))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(
              "test.yaml:" + TestManifests.lineOf(yaml, "kubeload.io/access:") + ": ")
          .hasMessageContaining("unknown value 'everywhere'");
    }

    @Test
    void errorMessageIsOneLine() {
      String yaml = onWorkload("- resource: [pods\n");
      assertThatThrownBy(() -> app(yaml))
          .isInstanceOf(InputException.class)
          .message()
          .doesNotContain("\n");
    }
  }
}
