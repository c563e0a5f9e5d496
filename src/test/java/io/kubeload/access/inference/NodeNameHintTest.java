package io.kubeload.access.inference;

import static io.kubeload.testing.TestManifests.accessSets;
import static io.kubeload.testing.TestManifests.set;
import static io.kubeload.testing.TestManifests.staging;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.access.Access;
import io.kubeload.access.Access.Pattern;
import io.kubeload.access.Access.Scope;
import io.kubeload.access.AccessSet;
import io.kubeload.access.Provenance.Source;
import io.kubeload.testing.TestManifests;
import io.kubeload.workload.Workload;
import io.kubeload.workload.Workloads;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeNameHintTest {

  /** Cluster-wide list/watch of pods, nodes and services, and get of configmaps, for kube-system/agent. */
  private static final String RBAC =
      """
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: agent}
      rules:
        - apiGroups: [""]
          resources: [pods, nodes, services]
          verbs: [get, list, watch]
        - apiGroups: [""]
          resources: [configmaps]
          resourceNames: [agent-config]
          verbs: [get]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: agent}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: agent}
      subjects: [{kind: ServiceAccount, name: agent, namespace: kube-system}]
      """;

  /** A DaemonSet kube-system/agent whose pod spec's {@code containers:} list is {@code containers}. */
  private static String daemonSet(String containers) {
    return """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: kube-system}
        spec:
          template:
            spec:
              serviceAccountName: agent
              containers:
        %s"""
        .formatted(containers.indent(8));
  }

  private static AccessSet agent(String yaml) {
    return accessSets(yaml, staging()).stream()
        .filter(s -> s.workload().ref().name().equals("agent"))
        .findFirst()
        .orElseThrow();
  }

  private static Access access(AccessSet set, String resource) {
    return set.accesses().stream()
        .filter(a -> a.resource().equals(resource))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + resource + " access in " + set.accesses()));
  }

  private static final String NODE_NAME_ENV =
      """
        env:
          - name: NODE_NAME
            valueFrom:
              fieldRef: {fieldPath: spec.nodeName}
      """;

  @Test
  void nodeNamePassedInArgsNarrowsThePodsInformerToTheOwnNode() {
    String yaml =
        daemonSet(
                """
        - name: agent
          image: agent
        %s  args:
            - --v=2
            - --node-name=$(NODE_NAME)
        """
                    .formatted(NODE_NAME_ENV))
            + RBAC;
    AccessSet set = agent(yaml);
    Access pods = access(set, "pods");
    assertThat(pods.scope()).isEqualTo(Scope.OWN_NODE);
    assertThat(pods.namespace()).isEmpty();
    assertThat(pods.pattern()).isEqualTo(Pattern.INFORMER);
    assertThat(pods.verbs()).containsExactlyInAnyOrder("get", "list", "watch");
    assertThat(pods.provenance().source()).isEqualTo(Source.POD_SPEC);
    assertThat(pods.provenance().location().file()).isEqualTo("test.yaml");
    assertThat(pods.provenance().location().line())
        .isEqualTo(TestManifests.lineOf(yaml, "--node-name=$(NODE_NAME)"));
    assertThat(pods.provenance().detail())
        .contains(
            "container agent passes env NODE_NAME (fieldRef spec.nodeName) in '--node-name=$(NODE_NAME)'")
        .contains("heuristic")
        .contains("ClusterRoleBinding agent");
    assertThat(set.basis()).isEqualTo("RBAC (upper bound), narrowed by the pod spec");
  }

  @Test
  void nonPodsResourcesAreNotNarrowed() {
    String yaml =
        daemonSet(
                """
        - name: agent
          image: agent
        %s  args: ["--node-name=$(NODE_NAME)"]
        """
                    .formatted(NODE_NAME_ENV))
            + RBAC;
    AccessSet set = agent(yaml);
    assertThat(access(set, "pods").scope()).isEqualTo(Scope.OWN_NODE);
    assertThat(access(set, "nodes").scope()).isEqualTo(Scope.CLUSTER);
    assertThat(access(set, "nodes").provenance().source()).isEqualTo(Source.RBAC);
    assertThat(access(set, "services").scope()).isEqualTo(Scope.CLUSTER);
    assertThat(access(set, "configmaps").scope()).isEqualTo(Scope.NAMED);
  }

  @Test
  void nodeNamePassedInTheCommandWorksToo() {
    String yaml =
        daemonSet(
                """
        - name: agent
          image: agent
          env:
            - name: MY_NODE
              valueFrom:
                fieldRef: {apiVersion: v1, fieldPath: spec.nodeName}
          command:
            - /agent
            - --node=$(MY_NODE)
        """)
            + RBAC;
    Access pods = access(agent(yaml), "pods");
    assertThat(pods.scope()).isEqualTo(Scope.OWN_NODE);
    assertThat(pods.provenance().source()).isEqualTo(Source.POD_SPEC);
    assertThat(pods.provenance().location().line())
        .isEqualTo(TestManifests.lineOf(yaml, "--node=$(MY_NODE)"));
    assertThat(pods.provenance().detail()).contains("env MY_NODE", "'--node=$(MY_NODE)'");
  }

  @Test
  void variableThatIsSetButNotReferencedProvesNothing() {
    String yaml =
        daemonSet(
                """
        - name: agent
          image: agent
        %s  args: ["--v=2"]
        """
                    .formatted(NODE_NAME_ENV))
            + RBAC;
    AccessSet set = agent(yaml);
    assertThat(access(set, "pods").scope()).isEqualTo(Scope.CLUSTER);
    assertThat(access(set, "pods").provenance().source()).isEqualTo(Source.RBAC);
    assertThat(set.basis()).isEqualTo("RBAC (upper bound)");
  }

  @Test
  void referenceInAnotherContainerDoesNotCount() {
    String yaml =
        daemonSet(
                """
        - name: agent
          image: agent
        %s- name: sidecar
          image: sidecar
          args: ["--node-name=$(NODE_NAME)"]
        """
                    .formatted(NODE_NAME_ENV))
            + RBAC;
    assertThat(access(agent(yaml), "pods").scope()).isEqualTo(Scope.CLUSTER);
  }

  @Test
  void variableFromAnotherFieldDoesNotCount() {
    String yaml =
        daemonSet(
                """
        - name: agent
          image: agent
          env:
            - name: NODE_NAME
              valueFrom:
                fieldRef: {fieldPath: metadata.name}
            - name: HOST
              value: somewhere
          args: ["--node-name=$(NODE_NAME)", "--host=$(HOST)"]
        """)
            + RBAC;
    assertThat(access(agent(yaml), "pods").scope()).isEqualTo(Scope.CLUSTER);
  }

  @Test
  void hintInTheSecondContainerPointsAtThatContainersLine() {
    String yaml =
        daemonSet(
                """
        - name: init-like
          image: x
          args: ["--node-name=$(NODE_NAME)"]
        - name: watcher
          image: agent
        %s  args:
            - --kubeconfig=/etc/kubeconfig
            - --node-name=$(NODE_NAME)    # the hint
        """
                    .formatted(NODE_NAME_ENV))
            + RBAC;
    Workload workload =
        Workloads.from(set(yaml), staging()).stream()
            .filter(w -> w.kind().equals("DaemonSet"))
            .findFirst()
            .orElseThrow();
    Optional<NodeNameHint> hint = NodeNameHint.find(workload);
    assertThat(hint)
        .hasValueSatisfying(
            h -> {
              assertThat(h.container()).isEqualTo("watcher");
              assertThat(h.variable()).isEqualTo("NODE_NAME");
              assertThat(h.argument()).isEqualTo("--node-name=$(NODE_NAME)");
              assertThat(h.location().line()).isEqualTo(TestManifests.lineOf(yaml, "# the hint"));
            });
    assertThat(access(agent(yaml), "pods").provenance().location().line())
        .isEqualTo(TestManifests.lineOf(yaml, "# the hint"));
  }

  @Test
  void namespacedPodsAccessIsNotNarrowed() {
    String yaml =
        daemonSet(
                """
        - name: agent
          image: agent
        %s  args: ["--node-name=$(NODE_NAME)"]
        """
                    .formatted(NODE_NAME_ENV))
            + """
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: agent, namespace: kube-system}
        rules:
          - apiGroups: [""]
            resources: [pods]
            verbs: [list, watch]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: agent, namespace: kube-system}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: agent}
        subjects: [{kind: ServiceAccount, name: agent}]
        """;
    Access pods = access(agent(yaml), "pods");
    assertThat(pods.scope()).isEqualTo(Scope.NAMESPACE);
    assertThat(pods.namespace()).isEqualTo("kube-system");
  }

  @Test
  void barePodHintPointsAtTheArgsLine() {
    String yaml =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: agent, namespace: kube-system}
        spec:
          serviceAccountName: agent
          containers:
            - name: agent
              image: agent
              env:
                - name: NODE_NAME
                  valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
              args:
                - --node-name=$(NODE_NAME)
        """
            + RBAC;
    Access pods = access(agent(yaml), "pods");
    assertThat(pods.scope()).isEqualTo(Scope.OWN_NODE);
    assertThat(pods.provenance().location().line())
        .isEqualTo(TestManifests.lineOf(yaml, "- --node-name=$(NODE_NAME)"));
  }

  @Test
  void cronJobHintPointsAtTheArgsLine() {
    String yaml =
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: agent, namespace: kube-system}
        spec:
          schedule: "@hourly"
          jobTemplate:
            spec:
              template:
                spec:
                  serviceAccountName: agent
                  restartPolicy: OnFailure
                  containers:
                    - name: agent
                      image: agent
                      env:
                        - name: NODE_NAME
                          valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
                      command:
                        - /agent
                        - --node-name=$(NODE_NAME)
        """
            + RBAC;
    Access pods = access(agent(yaml), "pods");
    assertThat(pods.scope()).isEqualTo(Scope.OWN_NODE);
    assertThat(pods.provenance().location().line())
        .isEqualTo(TestManifests.lineOf(yaml, "- --node-name=$(NODE_NAME)"));
  }

  @Test
  void noContainersNoHint() {
    Workload workload =
        Workloads.from(
                set(
                    """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: empty}
        spec:
          replicas: 1
        """),
                staging())
            .get(0);
    assertThat(NodeNameHint.find(workload)).isEmpty();
  }
}
