package io.kubeload.access.inference;

import static io.kubeload.testing.TestManifests.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.kubeload.testing.TestManifests;
import io.kubeload.yaml.SourceLocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RbacGrantsTest {

  private static RbacGrants.Result grants(String account, String namespace, String yaml) {
    return RbacGrants.forAccount(account, namespace, set(yaml));
  }

  private static List<String> resourcesOf(RbacGrants.Result result) {
    return result.grants().stream().flatMap(g -> g.rule().getResources().stream()).toList();
  }

  private static final String POD_READER =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: pod-reader}
      rules:
        - apiGroups: [""]          # pod-reader rules[0]
          resources: [pods]
          verbs: [list, watch]
        - apiGroups: [""]          # pod-reader rules[1]
          resources: [configmaps]
          verbs: [get]
      """;

  private static String clusterRoleBinding(String name, String role, String subjects) {
    return """
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: %s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: %s}
        subjects: %s
        """
        .formatted(name, role, subjects);
  }

  private static String roleBinding(
      String name, String namespace, String roleKind, String role, String subjects) {
    return """
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: %s, namespace: %s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: %s, name: %s}
        subjects: %s
        """
        .formatted(name, namespace, roleKind, role, subjects);
  }

  @Nested
  class Scopes {

    @Test
    void clusterRoleBindingGrantsEveryRuleClusterWide() {
      String yaml =
          POD_READER
              + clusterRoleBinding(
                  "readers",
                  "pod-reader",
                  "[{kind: ServiceAccount, name: app-sa, namespace: apps}]");
      RbacGrants.Result result = grants("app-sa", "apps", yaml);
      assertThat(result.missing()).isEmpty();
      assertThat(result.grants())
          .hasSize(2)
          .allSatisfy(
              g -> {
                assertThat(g.clusterWide()).isTrue();
                assertThat(g.namespace()).isEmpty();
              });
      RbacGrants.Grant second = result.grants().get(1);
      assertThat(second.rule().getResources()).containsExactly("configmaps");
      assertThat(second.viaText())
          .isEqualTo("ClusterRoleBinding readers → ClusterRole pod-reader rules[1]");
      assertThat(second.location())
          .isEqualTo(
              new SourceLocation(
                  "test.yaml",
                  TestManifests.lineOf(yaml, "# pod-reader rules[1]"),
                  java.util.Optional.empty()));
      assertThat(result.grants().get(0).location().line())
          .isEqualTo(TestManifests.lineOf(yaml, "# pod-reader rules[0]"));
    }

    @Test
    void roleBindingGrantsARoleInTheBindingsNamespace() {
      String yaml =
          """
          apiVersion: rbac.authorization.k8s.io/v1
          kind: Role
          metadata: {name: cm-reader, namespace: apps}
          rules:
            - apiGroups: [""]
              resources: [configmaps]
              verbs: [list, watch]
          """
              + roleBinding(
                  "cm-readers",
                  "apps",
                  "Role",
                  "cm-reader",
                  "[{kind: ServiceAccount, name: app-sa, namespace: apps}]");
      RbacGrants.Result result = grants("app-sa", "apps", yaml);
      assertThat(result.grants())
          .singleElement()
          .satisfies(
              g -> {
                assertThat(g.clusterWide()).isFalse();
                assertThat(g.namespace()).isEqualTo("apps");
                assertThat(g.viaText())
                    .isEqualTo("RoleBinding apps/cm-readers → Role cm-reader rules[0]");
              });
    }

    @Test
    void clusterRoleBoundByARoleBindingIsScopedToTheBindingsNamespace() {
      String yaml =
          POD_READER
              + roleBinding(
                  "pods-in-web",
                  "web",
                  "ClusterRole",
                  "pod-reader",
                  "[{kind: ServiceAccount, name: app-sa, namespace: apps}]");
      RbacGrants.Result result = grants("app-sa", "apps", yaml);
      assertThat(result.grants())
          .hasSize(2)
          .allSatisfy(
              g -> {
                assertThat(g.clusterWide()).isFalse();
                assertThat(g.namespace()).isEqualTo("web");
              });
    }

    @Test
    void roleIsLookedUpInTheBindingsNamespaceOnly() {
      String yaml =
          """
          apiVersion: rbac.authorization.k8s.io/v1
          kind: Role
          metadata: {name: cm-reader, namespace: elsewhere}
          rules:
            - apiGroups: [""]
              resources: [configmaps]
              verbs: [list]
          """
              + roleBinding(
                  "cm-readers",
                  "apps",
                  "Role",
                  "cm-reader",
                  "[{kind: ServiceAccount, name: app-sa}]");
      RbacGrants.Result result = grants("app-sa", "apps", yaml);
      assertThat(result.grants()).isEmpty();
      assertThat(result.missing())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.kind()).isEqualTo("Role");
                assertThat(m.name()).isEqualTo("cm-reader");
                assertThat(m.binding()).isEqualTo("RoleBinding apps/cm-readers");
                assertThat(m.location().line()).isEqualTo(TestManifests.lineOf(yaml, "roleRef:"));
              });
    }

    @Test
    void missingClusterRoleIsReportedWithTheRoleRefLine() {
      String yaml =
          clusterRoleBinding(
              "viewers", "view", "[{kind: ServiceAccount, name: app-sa, namespace: apps}]");
      RbacGrants.Result result = grants("app-sa", "apps", yaml);
      assertThat(result.grants()).isEmpty();
      assertThat(result.missing())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.kind()).isEqualTo("ClusterRole");
                assertThat(m.name()).isEqualTo("view");
                assertThat(m.binding()).isEqualTo("ClusterRoleBinding viewers");
                assertThat(m.location().line()).isEqualTo(TestManifests.lineOf(yaml, "roleRef:"));
              });
    }
  }

  @Nested
  class Subjects {

    @Test
    void serviceAccountSubjectMatchesByNameAndNamespace() {
      String yaml =
          POD_READER
              + clusterRoleBinding(
                  "readers",
                  "pod-reader",
                  "[{kind: ServiceAccount, name: app-sa, namespace: apps}]");
      assertThat(grants("app-sa", "apps", yaml).grants()).hasSize(2);
      assertThat(grants("app-sa", "other", yaml).grants()).isEmpty();
      assertThat(grants("default", "apps", yaml).grants()).isEmpty();
    }

    @Test
    void roleBindingSubjectWithoutNamespaceMeansTheBindingsNamespace() {
      String yaml =
          POD_READER
              + roleBinding(
                  "readers",
                  "apps",
                  "ClusterRole",
                  "pod-reader",
                  "[{kind: ServiceAccount, name: app-sa}]");
      assertThat(grants("app-sa", "apps", yaml).grants()).hasSize(2);
      assertThat(grants("app-sa", "default", yaml).grants()).isEmpty();
    }

    @Test
    void roleBindingCanGrantAnAccountOfAnotherNamespace() {
      String yaml =
          POD_READER
              + roleBinding(
                  "readers",
                  "web",
                  "ClusterRole",
                  "pod-reader",
                  "[{kind: ServiceAccount, name: app-sa, namespace: apps}]");
      assertThat(grants("app-sa", "apps", yaml).grants())
          .hasSize(2)
          .allSatisfy(g -> assertThat(g.namespace()).isEqualTo("web"));
      assertThat(grants("app-sa", "web", yaml).grants()).isEmpty();
    }

    @Test
    void anotherAccountsBindingGrantsNothing() {
      String yaml =
          POD_READER
              + clusterRoleBinding(
                  "others",
                  "pod-reader",
                  "[{kind: ServiceAccount, name: other-sa, namespace: apps}]")
              + roleBinding(
                  "others-ns",
                  "apps",
                  "ClusterRole",
                  "pod-reader",
                  "[{kind: ServiceAccount, name: other-sa}]");
      RbacGrants.Result result = grants("app-sa", "apps", yaml);
      assertThat(result.grants()).isEmpty();
      assertThat(result.missing()).isEmpty();
    }

    @Test
    void groupOfAllServiceAccountsMatchesEveryAccount() {
      String yaml =
          POD_READER
              + clusterRoleBinding(
                  "all-sas",
                  "pod-reader",
                  "[{kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:serviceaccounts'}]");
      assertThat(grants("app-sa", "apps", yaml).grants()).hasSize(2);
      assertThat(grants("default", "kube-system", yaml).grants()).hasSize(2);
    }

    @Test
    void groupOfOneNamespacesServiceAccountsMatchesThatNamespaceOnly() {
      String yaml =
          POD_READER
              + clusterRoleBinding(
                  "apps-sas",
                  "pod-reader",
                  "[{kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:serviceaccounts:apps'}]");
      assertThat(grants("app-sa", "apps", yaml).grants())
          .hasSize(2)
          .allSatisfy(g -> assertThat(g.clusterWide()).isTrue());
      assertThat(grants("app-sa", "apps2", yaml).grants()).isEmpty();
      assertThat(grants("app-sa", "web", yaml).grants()).isEmpty();
    }

    @Test
    void otherGroupsAndUsersMatchNothing() {
      String yaml =
          POD_READER
              + clusterRoleBinding(
                  "humans",
                  "pod-reader",
                  """

            - {kind: Group, apiGroup: rbac.authorization.k8s.io, name: developers}
            - {kind: User, apiGroup: rbac.authorization.k8s.io, name: app-sa}
            - {kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:nodes'}
          """);
      assertThat(grants("app-sa", "apps", yaml).grants()).isEmpty();
    }

    @Test
    void anyMatchingSubjectAmongSeveralIsEnough() {
      String yaml =
          POD_READER
              + clusterRoleBinding(
                  "mixed",
                  "pod-reader",
                  """

            - {kind: ServiceAccount, name: other, namespace: apps}
            - {kind: ServiceAccount, name: app-sa, namespace: apps}
          """);
      assertThat(grants("app-sa", "apps", yaml).grants()).hasSize(2);
    }

    @Test
    void bindingsMatchedThroughDifferentSubjectsComeClusterRoleBindingsFirstEachInTheSetsOrder() {
      String yaml =
          POD_READER
              + roleBinding(
                  "a-by-account",
                  "apps",
                  "ClusterRole",
                  "pod-reader",
                  "[{kind: ServiceAccount, name: app-sa}]")
              + clusterRoleBinding(
                  "z-by-group",
                  "pod-reader",
                  "[{kind: Group, name: 'system:serviceaccounts:apps'}]")
              + clusterRoleBinding(
                  "b-by-user",
                  "pod-reader",
                  "[{kind: User, name: 'system:serviceaccount:apps:app-sa'}]")
              + clusterRoleBinding(
                  "c-by-everyone",
                  "pod-reader",
                  "[{kind: Group, name: 'system:authenticated'}, {kind: ServiceAccount, name: app-sa, namespace: apps}]");

      assertThat(grants("app-sa", "apps", yaml).grants())
          .extracting(
              g -> g.viaText().substring(0, g.viaText().indexOf(' ', g.viaText().indexOf(' ') + 1)))
          .containsExactly(
              "ClusterRoleBinding b-by-user", "ClusterRoleBinding b-by-user",
              "ClusterRoleBinding c-by-everyone", "ClusterRoleBinding c-by-everyone",
              "ClusterRoleBinding z-by-group", "ClusterRoleBinding z-by-group",
              "RoleBinding apps/a-by-account", "RoleBinding apps/a-by-account");
    }

    @Test
    void bindingWithoutSubjectsGrantsNothing() {
      String yaml =
          POD_READER
              + """
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRoleBinding
          metadata: {name: nobody}
          roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader}
          """;
      assertThat(grants("app-sa", "apps", yaml).grants()).isEmpty();
    }

    @Test
    void userSubjectWithTheServiceAccountsUsernameMatches() {
      String yaml =
          POD_READER
              + clusterRoleBinding(
                  "by-username",
                  "pod-reader",
                  "[{kind: User, apiGroup: rbac.authorization.k8s.io, name: 'system:serviceaccount:apps:app-sa'}]");
      assertThat(grants("app-sa", "apps", yaml).grants()).hasSize(2);
      assertThat(grants("app-sa", "web", yaml).grants()).isEmpty();
    }
  }

  @Nested
  class Aggregation {

    private static final String AGGREGATE =
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: monitoring}
        aggregationRule:
          clusterRoleSelectors:
            - matchLabels: {example.com/aggregate-to-monitoring: "true"}
        rules: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: monitoring-pods
          labels: {example.com/aggregate-to-monitoring: "true"}
        rules:
          - apiGroups: [""]     # member rules[0]
            resources: [pods]
            verbs: [list, watch]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: unrelated
          labels: {example.com/aggregate-to-monitoring: "false"}
        rules:
          - apiGroups: [""]
            resources: [secrets]
            verbs: [list, watch]
        """;

    @Test
    void aggregatedClusterRoleCollectsTheRulesOfRolesMatchingItsLabels() {
      String yaml =
          AGGREGATE
              + clusterRoleBinding(
                  "monitoring",
                  "monitoring",
                  "[{kind: ServiceAccount, name: app-sa, namespace: apps}]");
      RbacGrants.Result result = grants("app-sa", "apps", yaml);
      assertThat(resourcesOf(result)).containsExactly("pods");
      RbacGrants.Grant grant = result.grants().get(0);
      assertThat(grant.clusterWide()).isTrue();
      assertThat(grant.viaText())
          .isEqualTo(
              "ClusterRoleBinding monitoring → ClusterRole monitoring (aggregates ClusterRole monitoring-pods) rules[0]");
      assertThat(grant.location().line())
          .isEqualTo(TestManifests.lineOf(yaml, "# member rules[0]"));
    }

    @Test
    void aggregatedClusterRoleBoundByARoleBindingStaysNamespaced() {
      String yaml =
          AGGREGATE
              + roleBinding(
                  "monitoring",
                  "apps",
                  "ClusterRole",
                  "monitoring",
                  "[{kind: ServiceAccount, name: app-sa}]");
      RbacGrants.Result result = grants("app-sa", "apps", yaml);
      assertThat(result.grants())
          .singleElement()
          .satisfies(
              g -> {
                assertThat(g.clusterWide()).isFalse();
                assertThat(g.namespace()).isEqualTo("apps");
              });
    }

    @Test
    void aggregationByMatchExpressions() {
      String yaml =
          """
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata: {name: agg}
          aggregationRule:
            clusterRoleSelectors:
              - matchExpressions:
                  - {key: tier, operator: In, values: [read, observe]}
                  - {key: deprecated, operator: DoesNotExist}
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata:
            name: reads-nodes
            labels: {tier: read}
          rules:
            - apiGroups: [""]
              resources: [nodes]
              verbs: [list, watch]
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata:
            name: observes-services
            labels: {tier: observe}
          rules:
            - apiGroups: [""]
              resources: [services]
              verbs: [get]
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata:
            name: old-reader
            labels: {tier: read, deprecated: "yes"}
          rules:
            - apiGroups: [""]
              resources: [endpoints]
              verbs: [list, watch]
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata:
            name: writer
            labels: {tier: write}
          rules:
            - apiGroups: [""]
              resources: [events]
              verbs: [create]
          """
              + clusterRoleBinding(
                  "agg", "agg", "[{kind: ServiceAccount, name: app-sa, namespace: apps}]");
      assertThat(resourcesOf(grants("app-sa", "apps", yaml)))
          .containsExactlyInAnyOrder("nodes", "services");
    }

    @Test
    void aggregatedRoleKeepsItsOwnRulesToo() {
      String yaml =
          """
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata: {name: agg}
          aggregationRule:
            clusterRoleSelectors:
              - matchLabels: {agg: "yes"}
          rules:
            - apiGroups: [""]
              resources: [configmaps]
              verbs: [get]
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata:
            name: member
            labels: {agg: "yes"}
          rules:
            - apiGroups: [""]
              resources: [pods]
              verbs: [list, watch]
          """
              + clusterRoleBinding(
                  "agg", "agg", "[{kind: ServiceAccount, name: app-sa, namespace: apps}]");
      assertThat(resourcesOf(grants("app-sa", "apps", yaml)))
          .containsExactlyInAnyOrder("configmaps", "pods");
    }

    @Test
    void nestedAggregationIsTransitive() {
      String yaml =
          """
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata: {name: top}
          aggregationRule:
            clusterRoleSelectors:
              - matchLabels: {aggregate-to-top: "true"}
          rules: []
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata:
            name: middle
            labels: {aggregate-to-top: "true"}
          aggregationRule:
            clusterRoleSelectors:
              - matchLabels: {aggregate-to-middle: "true"}
          rules: []
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata:
            name: leaf
            labels: {aggregate-to-middle: "true"}
          rules:
            - apiGroups: [""]
              resources: [pods]
              verbs: [list, watch]
          """
              + clusterRoleBinding(
                  "top", "top", "[{kind: ServiceAccount, name: app-sa, namespace: apps}]");
      // The aggregation controller fills middle's rules from leaf, then top's from middle.
      assertThat(resourcesOf(grants("app-sa", "apps", yaml))).contains("pods");
    }
  }

  @Nested
  class LabelSelectors {

    private final Map<String, String> labels = Map.of("tier", "read", "team", "sre");

    private LabelSelector expression(String key, String operator, String... values) {
      return new LabelSelectorBuilder()
          .addNewMatchExpression()
          .withKey(key)
          .withOperator(operator)
          .withValues(values)
          .endMatchExpression()
          .build();
    }

    @Test
    void matchLabelsNeedEveryLabel() {
      assertThat(
              io.kubeload.access.LabelSelectors.matches(
                  new LabelSelectorBuilder().addToMatchLabels("tier", "read").build(), labels))
          .isTrue();
      assertThat(
              io.kubeload.access.LabelSelectors.matches(
                  new LabelSelectorBuilder()
                      .addToMatchLabels("tier", "read")
                      .addToMatchLabels("team", "dev")
                      .build(),
                  labels))
          .isFalse();
      assertThat(
              io.kubeload.access.LabelSelectors.matches(
                  new LabelSelectorBuilder().addToMatchLabels("missing", "x").build(), labels))
          .isFalse();
    }

    @Test
    void matchExpressionOperators() {
      assertThat(
              io.kubeload.access.LabelSelectors.matches(
                  expression("tier", "In", "read", "write"), labels))
          .isTrue();
      assertThat(
              io.kubeload.access.LabelSelectors.matches(expression("tier", "In", "write"), labels))
          .isFalse();
      assertThat(
              io.kubeload.access.LabelSelectors.matches(
                  expression("tier", "NotIn", "write"), labels))
          .isTrue();
      assertThat(
              io.kubeload.access.LabelSelectors.matches(
                  expression("tier", "NotIn", "read"), labels))
          .isFalse();
      assertThat(
              io.kubeload.access.LabelSelectors.matches(
                  expression("absent", "NotIn", "read"), labels))
          .isTrue();
      assertThat(io.kubeload.access.LabelSelectors.matches(expression("team", "Exists"), labels))
          .isTrue();
      assertThat(io.kubeload.access.LabelSelectors.matches(expression("absent", "Exists"), labels))
          .isFalse();
      assertThat(
              io.kubeload.access.LabelSelectors.matches(
                  expression("absent", "DoesNotExist"), labels))
          .isTrue();
      assertThat(
              io.kubeload.access.LabelSelectors.matches(expression("team", "DoesNotExist"), labels))
          .isFalse();
      assertThat(io.kubeload.access.LabelSelectors.matches(expression("team", "Gt", "1"), labels))
          .isFalse();
    }

    @Test
    void matchLabelsAndExpressionsMustBothHold() {
      LabelSelector both =
          new LabelSelectorBuilder()
              .addToMatchLabels("tier", "read")
              .addNewMatchExpression()
              .withKey("team")
              .withOperator("In")
              .withValues("dev")
              .endMatchExpression()
              .build();
      assertThat(io.kubeload.access.LabelSelectors.matches(both, labels)).isFalse();
    }

    @Test
    void nullSelectorMatchesNothingAndEmptySelectorEverything() {
      assertThat(io.kubeload.access.LabelSelectors.matches(null, labels)).isFalse();
      assertThat(io.kubeload.access.LabelSelectors.matches(new LabelSelector(), labels)).isTrue();
      assertThat(io.kubeload.access.LabelSelectors.matches(new LabelSelector(), Map.of())).isTrue();
    }
  }
}
