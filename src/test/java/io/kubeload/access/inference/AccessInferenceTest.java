package io.kubeload.access.inference;

import static io.kubeload.testing.TestManifests.accessSets;
import static io.kubeload.testing.TestManifests.staging;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.access.Access;
import io.kubeload.access.Access.Pattern;
import io.kubeload.access.Access.Scope;
import io.kubeload.access.AccessSet;
import io.kubeload.access.NoteKind;
import io.kubeload.access.Provenance;
import io.kubeload.access.Provenance.Source;
import io.kubeload.manifest.Resources;
import io.kubeload.testing.TestManifests;
import io.kubeload.yaml.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccessInferenceTest {

  /** Deployment apps/app, 2 replicas, ServiceAccount app-sa. */
  static final String APP =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: app, namespace: apps}
      spec:
        replicas: 2
        template:
          spec:
            serviceAccountName: app-sa
            containers: [{name: app, image: x}]
      """;

  /** A ClusterRole {@code name} with the given rules YAML (a block list indented by two). */
  static String clusterRole(String name, String rules) {
    return """
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: %s}
        rules:
        %s"""
        .formatted(name, rules.indent(2));
  }

  static String role(String name, String namespace, String rules) {
    return """
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: %s, namespace: %s}
        rules:
        %s"""
        .formatted(name, namespace, rules.indent(2));
  }

  /** Binds ClusterRole {@code role} cluster-wide to apps/app-sa. */
  static String clusterBinding(String name, String role) {
    return """
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: %s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: %s}
        subjects: [{kind: ServiceAccount, name: app-sa, namespace: apps}]
        """
        .formatted(name, role);
  }

  /** Binds {@code kind role} in {@code namespace} to apps/app-sa. */
  static String namespaceBinding(String name, String namespace, String kind, String role) {
    return """
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: %s, namespace: %s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: %s, name: %s}
        subjects: [{kind: ServiceAccount, name: app-sa, namespace: apps}]
        """
        .formatted(name, namespace, kind, role);
  }

  static AccessSet app(String yaml) {
    return accessSets(yaml, staging()).stream()
        .filter(s -> s.workload().ref().name().equals("app"))
        .findFirst()
        .orElseThrow();
  }

  /** The app's accesses when ClusterRole {@code reader} with {@code rules} is bound to it cluster-wide. */
  static AccessSet withClusterRules(String rules) {
    return app(APP + clusterRole("reader", rules) + clusterBinding("reader", "reader"));
  }

  static Access only(AccessSet set) {
    assertThat(set.accesses()).hasSize(1);
    return set.accesses().get(0);
  }

  @Nested
  class Patterns {

    @Test
    void listAndWatchIsAnInformer() {
      AccessSet set =
          withClusterRules(
              """
          - apiGroups: [""]
            resources: [pods]
            verbs: [get, list, watch]
          """);
      Access a = only(set);
      assertThat(a.resource()).isEqualTo("pods");
      assertThat(a.verbs()).containsExactlyInAnyOrder("get", "list", "watch");
      assertThat(a.scope()).isEqualTo(Scope.CLUSTER);
      assertThat(a.namespace()).isEmpty();
      assertThat(a.pattern()).isEqualTo(Pattern.INFORMER);
      assertThat(a.periodSeconds()).isZero();
      assertThat(a.ratePerSecond()).isEmpty();
      assertThat(set.basis()).isEqualTo("RBAC (upper bound)");
      assertThat(set.notes()).isEmpty();
    }

    @Test
    void nullItemsInARuleNameNothingAsKubernetesDecodesThem() {
      // Found by fuzzing (docs/fuzzing.md): an anchor on nothing, `[get, &x, watch]`, is a null
      // verb.
      Access a =
          only(
              withClusterRules(
                  """
          - apiGroups: [~]
            resources: [pods, ~]
            verbs: [list, ~, watch]
          """));
      assertThat(a.resource()).isEqualTo("pods");
      assertThat(a.verbs()).containsExactly("list", "watch");
    }

    @Test
    void listWithoutWatchIsAPollEverySixtySeconds() {
      Access a =
          only(
              withClusterRules(
                  """
          - apiGroups: [""]
            resources: [namespaces]
            verbs: [list]
          """));
      assertThat(a.resource()).isEqualTo("namespaces");
      assertThat(a.pattern()).isEqualTo(Pattern.POLL);
      assertThat(a.periodSeconds()).isEqualTo(60.0);
      assertThat(a.describe()).isEqualTo("list namespaces (cluster) as poll every 60 s");
    }

    @Test
    void getAloneIsAGetPerEvent() {
      Access a =
          only(
              withClusterRules(
                  """
          - apiGroups: [""]
            resources: [nodes]
            verbs: [get]
          """));
      assertThat(a.pattern()).isEqualTo(Pattern.GET_PER_EVENT);
      assertThat(a.periodSeconds()).isZero();
      assertThat(a.ratePerSecond()).isEmpty();
    }

    @Test
    void getAndListWithoutWatchIsAPoll() {
      assertThat(
              only(withClusterRules(
                      """
          - apiGroups: [""]
            resources: [services]
            verbs: [get, list]
          """))
                  .pattern())
          .isEqualTo(Pattern.POLL);
    }

    @Test
    void writeOnlyGrantsGiveNoAccess() {
      AccessSet set =
          withClusterRules(
              """
          - apiGroups: [""]
            resources: [events]
            verbs: [create, update, patch]
          - apiGroups: [""]
            resources: [configmaps]
            verbs: [create]
          """);
      assertThat(set.accesses()).isEmpty();
      assertThat(set.notes()).isEmpty();
    }

    @Test
    void wildcardVerbIsAnInformer() {
      assertThat(
              only(withClusterRules(
                      """
          - apiGroups: [""]
            resources: [secrets]
            verbs: ["*"]
          """))
                  .pattern())
          .isEqualTo(Pattern.INFORMER);
    }

    @Test
    void patternForVerbSets() {
      assertThat(AccessInference.patternFor("pods", Set.of("watch"))).contains(Pattern.INFORMER);
      assertThat(AccessInference.patternFor("pods", Set.of("list", "watch")))
          .contains(Pattern.INFORMER);
      assertThat(AccessInference.patternFor("pods", Set.of("list"))).contains(Pattern.POLL);
      assertThat(AccessInference.patternFor("pods", Set.of("get"))).contains(Pattern.GET_PER_EVENT);
      assertThat(AccessInference.patternFor("pods", Set.of("get", "update")))
          .contains(Pattern.GET_PER_EVENT);
      assertThat(AccessInference.patternFor("pods", Set.of("create", "delete"))).isEmpty();
      assertThat(AccessInference.patternFor("leases", Set.of("get", "update")))
          .contains(Pattern.LEADER_ELECTION);
      assertThat(AccessInference.patternFor("leases", Set.of("get", "create")))
          .contains(Pattern.LEADER_ELECTION);
      assertThat(AccessInference.patternFor("leases", Set.of("*")))
          .contains(Pattern.LEADER_ELECTION);
      assertThat(AccessInference.patternFor("leases", Set.of("get")))
          .contains(Pattern.GET_PER_EVENT);
      assertThat(AccessInference.patternFor("leases", Set.of("list", "watch")))
          .contains(Pattern.INFORMER);
    }
  }

  @Nested
  class LeaderElection {

    private static final String LEASES =
        """
        - apiGroups: [coordination.k8s.io]
          resources: [leases]
          verbs: [get, create, update]
        """;

    @Test
    void leasesGetAndUpdateIsLeaderElection() {
      Access a =
          only(
              app(
                  APP
                      + role("elector", "apps", LEASES)
                      + namespaceBinding("elector", "apps", "Role", "elector")));
      assertThat(a.resource()).isEqualTo("leases");
      assertThat(a.pattern()).isEqualTo(Pattern.LEADER_ELECTION);
      assertThat(a.scope()).isEqualTo(Scope.NAMESPACE);
      assertThat(a.namespace()).isEqualTo("apps");
    }

    @Test
    void oneElectorHoweverManyBindingsGrantLeases() {
      AccessSet set =
          app(
              APP
                  + clusterRole("elector", LEASES)
                  + namespaceBinding("elector-apps", "apps", "ClusterRole", "elector")
                  + namespaceBinding("elector-kube-system", "kube-system", "ClusterRole", "elector")
                  + role(
                      "own-elector",
                      "apps",
                      """
              - apiGroups: [coordination.k8s.io]
                resources: [leases]
                resourceNames: [app-lock]
                verbs: [get, update]
              """)
                  + namespaceBinding("own-elector", "apps", "Role", "own-elector"));
      assertThat(set.accesses()).filteredOn(a -> a.pattern() == Pattern.LEADER_ELECTION).hasSize(1);
      assertThat(set.accesses()).filteredOn(a -> a.resource().equals("leases")).hasSize(1);
    }

    @Test
    void electionDoesNotHideOtherAccesses() {
      AccessSet set =
          app(
              APP
                  + clusterRole(
                      "ctl",
                      LEASES
                          + """
          - apiGroups: [""]
            resources: [pods]
            verbs: [list, watch]
          """)
                  + clusterBinding("ctl", "ctl")
                  + namespaceBinding("ctl", "apps", "ClusterRole", "ctl"));
      assertThat(set.accesses())
          .extracting(Access::resource, Access::pattern)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("leases", Pattern.LEADER_ELECTION),
              org.assertj.core.groups.Tuple.tuple("pods", Pattern.INFORMER));
    }
  }

  @Nested
  class Scopes {

    @Test
    void roleBindingGivesNamespaceScopeInTheBindingsNamespace() {
      Access a =
          only(
              app(
                  APP
                      + role(
                          "cm",
                          "apps",
                          """
          - apiGroups: [""]
            resources: [configmaps]
            verbs: [list, watch]
          """)
                      + namespaceBinding("cm", "apps", "Role", "cm")));
      assertThat(a.scope()).isEqualTo(Scope.NAMESPACE);
      assertThat(a.namespace()).isEqualTo("apps");
      assertThat(a.pattern()).isEqualTo(Pattern.INFORMER);
    }

    @Test
    void clusterRoleBoundByARoleBindingIsNamespaceScoped() {
      Access a =
          only(
              app(
                  APP
                      + clusterRole(
                          "pods",
                          """
          - apiGroups: [""]
            resources: [pods]
            verbs: [list, watch]
          """)
                      + namespaceBinding("pods", "web", "ClusterRole", "pods")));
      assertThat(a.scope()).isEqualTo(Scope.NAMESPACE);
      assertThat(a.namespace()).isEqualTo("web");
    }

    @Test
    void sameRoleInTwoNamespacesGivesTwoNamespacedAccesses() {
      AccessSet set =
          app(
              APP
                  + clusterRole(
                      "pods",
                      """
          - apiGroups: [""]
            resources: [pods]
            verbs: [list, watch]
          """)
                  + namespaceBinding("pods", "web", "ClusterRole", "pods")
                  + namespaceBinding("pods", "apps", "ClusterRole", "pods"));
      assertThat(set.accesses()).extracting(Access::scope).containsOnly(Scope.NAMESPACE);
      assertThat(set.accesses())
          .extracting(Access::namespace)
          .containsExactlyInAnyOrder("web", "apps");
    }

    @Test
    void resourceNamesGiveNamedScope() {
      Access a =
          only(
              withClusterRules(
                  """
          - apiGroups: [""]
            resources: [configmaps]
            resourceNames: [app-config]
            verbs: [get, watch, list]
          """));
      assertThat(a.scope()).isEqualTo(Scope.NAMED);
      assertThat(a.namespace()).isEmpty();
      assertThat(a.pattern()).isEqualTo(Pattern.INFORMER);
    }

    @Test
    void namedGrantThroughARoleBindingIsNamedToo() {
      Access a =
          only(
              app(
                  APP
                      + role(
                          "cm",
                          "apps",
                          """
          - apiGroups: [""]
            resources: [configmaps]
            resourceNames: [app-config]
            verbs: [get]
          """)
                      + namespaceBinding("cm", "apps", "Role", "cm")));
      assertThat(a.scope()).isEqualTo(Scope.NAMED);
      assertThat(a.pattern()).isEqualTo(Pattern.GET_PER_EVENT);
    }

    @Test
    void clusterWideGrantHidesANamespacedOneForTheSameResource() {
      AccessSet set =
          app(
              APP
                  + clusterRole(
                      "pods",
                      """
              - apiGroups: [""]
                resources: [pods]
                verbs: [list, watch]
              """)
                  + clusterBinding("pods", "pods")
                  + role(
                      "pods-here",
                      "apps",
                      """
              - apiGroups: [""]
                resources: [pods, services]
                verbs: [list, watch]
              """)
                  + namespaceBinding("pods-here", "apps", "Role", "pods-here"));
      assertThat(set.accesses())
          .extracting(Access::resource, Access::scope)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("pods", Scope.CLUSTER),
              org.assertj.core.groups.Tuple.tuple("services", Scope.NAMESPACE));
    }

    @Test
    void clusterWideWriteOnlyGrantDoesNotHideANamespacedInformer() {
      AccessSet set =
          app(
              APP
                  + clusterRole(
                      "events-writer",
                      """
              - apiGroups: [""]
                resources: [events]
                verbs: [create, patch]
              """)
                  + clusterBinding("events-writer", "events-writer")
                  + role(
                      "events-reader",
                      "apps",
                      """
              - apiGroups: [""]
                resources: [events]
                verbs: [list, watch]
              """)
                  + namespaceBinding("events-reader", "apps", "Role", "events-reader"));
      assertThat(set.accesses())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.resource()).isEqualTo("events");
                assertThat(a.pattern()).isEqualTo(Pattern.INFORMER);
                assertThat(a.scope()).isEqualTo(Scope.NAMESPACE);
                assertThat(a.namespace()).isEqualTo("apps");
              });
    }

    @Test
    void clusterWideGetGrantDoesNotHideANamespacedInformer() {
      AccessSet set =
          app(
              APP
                  + clusterRole(
                      "pod-getter",
                      """
              - apiGroups: [""]
                resources: [pods]
                verbs: [get]
              """)
                  + clusterBinding("pod-getter", "pod-getter")
                  + role(
                      "pod-watcher",
                      "apps",
                      """
              - apiGroups: [""]
                resources: [pods]
                verbs: [list, watch]
              """)
                  + namespaceBinding("pod-watcher", "apps", "Role", "pod-watcher"));
      assertThat(set.accesses())
          .anySatisfy(
              a -> {
                assertThat(a.resource()).isEqualTo("pods");
                assertThat(a.pattern()).isEqualTo(Pattern.INFORMER);
              });
    }
  }

  @Nested
  class ResourceKeys {

    @Test
    void subresourcesAreSkipped() {
      AccessSet set =
          withClusterRules(
              """
          - apiGroups: [""]
            resources: [pods/log, pods/exec]
            verbs: [get, create]
          - apiGroups: [""]
            resources: [pods, pods/status]
            verbs: [list, watch]
          """);
      assertThat(set.accesses()).extracting(Access::resource).containsExactly("pods");
    }

    @Test
    void wildcardResourcesGiveNoAccessButAWildcardNote() {
      String yaml =
          APP
              + clusterRole(
                  "admin-ish",
                  """
          - apiGroups: [""]
            resources: [configmaps]
            verbs: [list, watch]
          - apiGroups: ["*"]        # wildcard rule
            resources: ["*"]
            verbs: ["*"]
          """)
              + clusterBinding("admin-ish", "admin-ish");
      AccessSet set = app(yaml);
      assertThat(set.accesses()).extracting(Access::resource).containsExactly("configmaps");
      assertThat(set.notes())
          .singleElement()
          .satisfies(
              note -> {
                assertThat(note.kind()).isEqualTo(NoteKind.RBAC_WILDCARD);
                assertThat(note.message())
                    .contains(
                        "ClusterRoleBinding admin-ish",
                        "ClusterRole admin-ish",
                        "every resource",
                        "kubeload.io/access");
                assertThat(note.location().line())
                    .isEqualTo(TestManifests.lineOf(yaml, "# wildcard rule"));
              });
    }

    @Test
    void endpointSlicesOfTheDiscoveryGroupArePlain() {
      Access a =
          only(
              withClusterRules(
                  """
          - apiGroups: ["discovery.k8s.io"]
            resources: [endpointslices]
            verbs: [list, watch]
          """));
      assertThat(a.resource()).isEqualTo("endpointslices");
    }

    @Test
    void customResourceGroupsAreQualified() {
      AccessSet set =
          withClusterRules(
              """
          - apiGroups: [cilium.io]
            resources: [ciliumendpoints, ciliumidentities]
            verbs: [list, watch]
          - apiGroups: [apps]
            resources: [deployments]
            verbs: [list, watch]
          """);
      assertThat(set.accesses())
          .extracting(Access::resource)
          .containsExactlyInAnyOrder(
              "ciliumendpoints.cilium.io", "ciliumidentities.cilium.io", "deployments");
    }

    @Test
    void ruleWithSeveralGroupsGivesOneAccessPerGroupAndResource() {
      AccessSet set =
          withClusterRules(
              """
          - apiGroups: ["", cilium.io]
            resources: [nodes]
            verbs: [list, watch]
          """);
      assertThat(set.accesses())
          .extracting(Access::resource)
          .containsExactlyInAnyOrder("nodes", "nodes.cilium.io");
    }

    @Test
    void resourceKeys() {
      assertThat(Resources.key("", "Pods")).isEqualTo("pods");
      assertThat(Resources.key(null, "pods")).isEqualTo("pods");
      assertThat(Resources.key("apps", "deployments")).isEqualTo("deployments");
      assertThat(Resources.key("discovery.k8s.io", "endpointslices")).isEqualTo("endpointslices");
      assertThat(Resources.key("coordination.k8s.io", "leases")).isEqualTo("leases");
      assertThat(Resources.key("*", "pods")).isEqualTo("pods");
      assertThat(Resources.key("cilium.io", "CiliumEndpoints"))
          .isEqualTo("ciliumendpoints.cilium.io");
      assertThat(Resources.key(" monitoring.coreos.com ", "servicemonitors"))
          .isEqualTo("servicemonitors.monitoring.coreos.com");
    }
  }

  @Nested
  class Provenances {

    @Test
    void rbacProvenancePointsAtTheRulesLine() {
      String yaml =
          APP
              + clusterRole(
                  "reader",
                  """
          - apiGroups: [""]       # rules[0]
            resources: [pods]
            verbs: [get]
          - apiGroups: [""]       # rules[1]
            resources: [configmaps]
            verbs: [list, watch]
          """)
              + clusterBinding("reader-binding", "reader");
      AccessSet set = app(yaml);
      Access configmaps =
          set.accesses().stream()
              .filter(a -> a.resource().equals("configmaps"))
              .findFirst()
              .orElseThrow();
      assertThat(configmaps.provenance().source()).isEqualTo(Source.RBAC);
      assertThat(configmaps.provenance().location())
          .isEqualTo(
              new SourceLocation(
                  "test.yaml", TestManifests.lineOf(yaml, "# rules[1]"), Optional.empty()));
      assertThat(configmaps.provenance().detail())
          .startsWith(
              "ClusterRoleBinding reader-binding → ClusterRole reader rules[1] grants list,watch configmaps")
          .contains("upper bound");
      Access pods =
          set.accesses().stream()
              .filter(a -> a.resource().equals("pods"))
              .findFirst()
              .orElseThrow();
      assertThat(pods.provenance().location().line())
          .isEqualTo(TestManifests.lineOf(yaml, "# rules[0]"));
      // The accesses one binding grants share its pieces; only the arrow's is not Latin-1.
      assertThat(pods.provenance().detailParts().get(0))
          .isSameAs(configmaps.provenance().detailParts().get(0))
          .isEqualTo("ClusterRoleBinding reader-binding");
      assertThat(configmaps.provenance().detailParts())
          .filteredOn(part -> !part.chars().allMatch(c -> c < 0x100))
          .containsExactly(" → ");
    }

    @Test
    void verbsOfSeveralRulesForTheSameResourceMerge() {
      String yaml =
          APP
              + clusterRole(
                  "reader",
                  """
          - apiGroups: [""]       # first pods rule
            resources: [pods]
            verbs: [get]
          - apiGroups: [""]
            resources: [pods]
            verbs: [list, watch]
          """)
              + clusterBinding("reader", "reader");
      Access a = only(app(yaml));
      assertThat(a.verbs()).containsExactlyInAnyOrder("get", "list", "watch");
      assertThat(a.pattern()).isEqualTo(Pattern.INFORMER);
      assertThat(a.provenance().location().line())
          .isEqualTo(TestManifests.lineOf(yaml, "# first pods rule"));
    }

    @Test
    void sameRoleBoundTwiceGivesOneAccess() {
      AccessSet set =
          app(
              APP
                  + clusterRole(
                      "reader",
                      """
          - apiGroups: [""]
            resources: [pods]
            verbs: [list, watch]
          """)
                  + clusterBinding("one", "reader")
                  + clusterBinding("two", "reader"));
      assertThat(set.accesses()).hasSize(1);
    }
  }

  @Nested
  class MissingRoles {

    @Test
    void bindingToAClusterRoleNotInTheManifestsIsANote() {
      String yaml = APP + clusterBinding("viewer", "view");
      AccessSet set = app(yaml);
      assertThat(set.accesses()).isEmpty();
      assertThat(set.notes())
          .singleElement()
          .satisfies(
              note -> {
                assertThat(note.kind()).isEqualTo(NoteKind.RBAC_ROLE_NOT_FOUND);
                assertThat(note.message())
                    .contains(
                        "ClusterRoleBinding viewer", "ClusterRole view", "not in the manifests");
                assertThat(note.location().line())
                    .isEqualTo(TestManifests.lineOf(yaml, "roleRef:"));
              });
    }

    @Test
    void bindingToAMissingRoleIsANote() {
      AccessSet set = app(APP + namespaceBinding("local", "apps", "Role", "ghost"));
      assertThat(set.notes())
          .extracting(AccessSet.Note::kind)
          .containsExactly(NoteKind.RBAC_ROLE_NOT_FOUND);
      assertThat(set.notes().get(0).message()).contains("RoleBinding apps/local", "Role ghost");
    }

    @Test
    void systemRolesAreNotNoted() {
      AccessSet set =
          app(
              APP
                  + clusterBinding("delegator", "'system:auth-delegator'")
                  + namespaceBinding(
                      "ext-auth",
                      "kube-system",
                      "Role",
                      "'system::extension-apiserver-authentication-reader'"));
      assertThat(set.notes()).isEmpty();
      assertThat(set.accesses()).isEmpty();
    }

    @Test
    void anotherAccountsMissingRoleIsNotNoted() {
      AccessSet set =
          app(
              APP
                  + """
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRoleBinding
          metadata: {name: other}
          roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: missing}
          subjects: [{kind: ServiceAccount, name: other-sa, namespace: apps}]
          """);
      assertThat(set.notes()).isEmpty();
    }
  }

  @Nested
  class Tokens {

    private static final String READER =
        clusterRole(
                "reader",
                """
        - apiGroups: [""]
          resources: [pods]
          verbs: [list, watch]
        """)
            + clusterBinding("reader", "reader");

    private static String appWithAutomount(String value) {
      return """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: app, namespace: apps}
          spec:
            template:
              spec:
                serviceAccountName: app-sa
                automountServiceAccountToken: %s
                containers: [{name: app, image: x}]
          """
          .formatted(value);
    }

    private static String serviceAccount(String name, String automount) {
      return """
          ---
          apiVersion: v1
          kind: ServiceAccount
          metadata: {name: %s, namespace: apps}
          automountServiceAccountToken: %s
          """
          .formatted(name, automount);
    }

    @Test
    void noTokenInThePodSpecMeansNoAccess() {
      AccessSet set = app(appWithAutomount("false") + READER);
      assertThat(set.accesses()).isEmpty();
      assertThat(set.notes()).isEmpty();
      assertThat(set.basis())
          .isEqualTo("automountServiceAccountToken: false in the pod spec: no API access");
    }

    @Test
    void noTokenOnTheServiceAccountMeansNoAccess() {
      AccessSet set = app(APP + serviceAccount("app-sa", "false") + READER);
      assertThat(set.accesses()).isEmpty();
      assertThat(set.basis())
          .isEqualTo("automountServiceAccountToken: false in the ServiceAccount: no API access");
    }

    @Test
    void podSpecTrueOverridesTheServiceAccountsFalse() {
      AccessSet set = app(appWithAutomount("true") + serviceAccount("app-sa", "false") + READER);
      assertThat(set.accesses()).extracting(Access::resource).containsExactly("pods");
      assertThat(set.basis()).isEqualTo("RBAC (upper bound)");
    }

    @Test
    void podSpecFalseWinsOverTheServiceAccountsTrue() {
      AccessSet set = app(appWithAutomount("false") + serviceAccount("app-sa", "true") + READER);
      assertThat(set.accesses()).isEmpty();
    }

    @Test
    void aProjectedTokenAContainerMountsIsApiAccessDespiteAutomountFalse() {
      String projected =
          appWithAutomount("false")
              .replace(
                  "containers: [{name: app, image: x}]",
                  """
          volumes:
                  - name: token
                    projected:
                      sources: [{serviceAccountToken: {path: token, expirationSeconds: 3600}}]
                containers:
                  - name: app
                    image: x
                    volumeMounts: [{name: token, mountPath: /var/run/secrets/kubernetes.io/serviceaccount}]""");
      AccessSet set = app(projected + serviceAccount("app-sa", "false") + READER);
      assertThat(set.basis()).isEqualTo("RBAC (upper bound)");
      assertThat(set.accesses()).extracting(Access::resource).containsExactly("pods");
    }

    @Test
    void aProjectedTokenNoContainerMountsIsNoAccess() {
      String unmounted =
          appWithAutomount("false")
              .replace(
                  "containers: [{name: app, image: x}]",
                  """
          volumes:
                  - name: token
                    projected:
                      sources: [{serviceAccountToken: {path: token}}]
                containers: [{name: app, image: x}]""");
      assertThat(app(unmounted + READER).accesses()).isEmpty();
    }

    @Test
    void anotherServiceAccountWithoutTokenDoesNotMatter() {
      AccessSet set = app(APP + serviceAccount("other-sa", "false") + READER);
      assertThat(set.accesses()).hasSize(1);
    }

    @Test
    void sameNamedServiceAccountInAnotherNamespaceDoesNotMatter() {
      AccessSet set =
          app(
              APP
                  + """
          ---
          apiVersion: v1
          kind: ServiceAccount
          metadata: {name: app-sa, namespace: web}
          automountServiceAccountToken: false
          """
                  + READER);
      assertThat(set.accesses()).hasSize(1);
    }
  }

  @Nested
  class AccessRecord {

    private final Provenance provenance =
        new Provenance(Source.RBAC, "test", new SourceLocation("test.yaml", 1, Optional.empty()));

    @Test
    void describeNamesScopeAndPattern() {
      assertThat(
              new Access(
                      "pods",
                      Set.of("watch"),
                      Access.Reach.CLUSTER,
                      Access.Use.INFORMER,
                      provenance)
                  .describe())
          .isEqualTo("watch pods (cluster) as informer");
      assertThat(
              new Access(
                      "configmaps",
                      Set.of("list"),
                      new Access.Reach.InNamespace("apps"),
                      new Access.Use.Poll(30),
                      provenance)
                  .describe())
          .isEqualTo("list configmaps (namespace apps) as poll every 30 s");
      assertThat(
              new Access(
                      "pods",
                      Set.of("get"),
                      Access.Reach.OWN_NODE,
                      new Access.Use.GetPerEvent(Optional.empty()),
                      provenance)
                  .describe())
          .isEqualTo("get pods (own-node) as get-per-event");
      assertThat(
              new Access(
                      "x", Set.of("list"), Access.Reach.NAMED, new Access.Use.Poll(7.5), provenance)
                  .describe())
          .isEqualTo("list x (named) as poll every 7.5 s");
    }

    @Test
    void withScopeKeepsTheNamespaceOnlyForNamespaceScope() {
      Access a =
          new Access(
              "pods",
              Set.of("list"),
              new Access.Reach.InNamespace("apps"),
              new Access.Use.Poll(60),
              provenance);
      assertThat(a.withScope(Scope.OWN_NODE, provenance).namespace()).isEmpty();
      assertThat(a.withScope(Scope.NAMESPACE, provenance).namespace()).isEqualTo("apps");
      assertThat(a.withScope(Scope.OWN_NODE, provenance).periodSeconds()).isEqualTo(60);
    }

    @Test
    void onlyANamespaceScopeHasANamespaceOnlyAPollAPeriodAndOnlyGetsPerEventARate() {
      Access informer =
          new Access(
              "pods",
              Set.of("watch"),
              Access.Reach.of(Scope.CLUSTER, "apps"),
              Access.Use.of(Pattern.INFORMER, 30, Optional.of(2.0)),
              provenance);
      assertThat(informer.namespace()).isEmpty();
      assertThat(informer.periodSeconds()).isZero();
      assertThat(informer.ratePerSecond()).isEmpty();
      Access gets =
          new Access(
              "pods",
              Set.of("get"),
              Access.Reach.of(Scope.NAMESPACE, "apps"),
              Access.Use.of(Pattern.GET_PER_EVENT, 30, Optional.of(2.0)),
              provenance);
      assertThat(gets.scope()).isEqualTo(Scope.NAMESPACE);
      assertThat(gets.namespace()).isEqualTo("apps");
      assertThat(gets.periodSeconds()).isZero();
      assertThat(gets.ratePerSecond()).contains(2.0);
      assertThat(gets.pattern()).isEqualTo(Pattern.GET_PER_EVENT);
    }

    @Test
    void labelsAndParsing() {
      assertThat(Scope.parse(" own-node ")).isEqualTo(Scope.OWN_NODE);
      assertThat(Scope.OWN_NODE.label()).isEqualTo("own-node");
      assertThat(Pattern.parse("Get-Per-Event")).isEqualTo(Pattern.GET_PER_EVENT);
      assertThat(Pattern.LEADER_ELECTION.label()).isEqualTo("leader-election");
      assertThat(Source.POD_SPEC.label()).isEqualTo("pod-spec");
      assertThat(Scope.CLUSTER.breadth()).isGreaterThan(Scope.NAMESPACE.breadth());
      assertThat(Scope.NAMESPACE.breadth()).isGreaterThan(Scope.OWN_NODE.breadth());
      assertThat(Scope.OWN_NODE.breadth()).isGreaterThan(Scope.NAMED.breadth());
    }

    @Test
    void verbsKeepASortedOrderSoReportsAreReproducible() {
      List<List<String>> verbSets =
          List.of(
              List.of("watch", "list"),
              List.of("watch", "list", "get"),
              List.of("update", "list", "get", "watch"),
              List.of("watch", "update", "patch", "list", "get", "delete", "create"),
              List.of("watch", "patch", "list", "deletecollection", "get"));
      List<String> described = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (List<String> verbs : verbSets) {
        Access a =
            new Access(
                "pods",
                new TreeSet<>(verbs),
                Access.Reach.CLUSTER,
                Access.Use.INFORMER,
                provenance);
        described.add(a.describe());
        expected.add(String.join(",", new TreeSet<>(verbs)) + " pods (cluster) as informer");
      }
      assertThat(described).isEqualTo(expected);
    }
  }
}
