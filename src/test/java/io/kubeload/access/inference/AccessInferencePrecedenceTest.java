package io.kubeload.access.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.access.Access;
import io.kubeload.access.AccessSet;
import io.kubeload.access.NoteKind;
import io.kubeload.access.Provenance;
import io.kubeload.testing.TestManifests;
import java.util.List;
import org.junit.jupiter.api.Test;

/** annotation > catalog (with parsed config) > pod-spec hints > RBAC, and the notes each leaves. */
class AccessInferencePrecedenceTest {

  private static final String RBAC =
      """
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: agent, namespace: logging}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: agent}
      rules:
        - {apiGroups: [""], resources: [pods, namespaces, nodes], verbs: [get, list, watch]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: agent}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: agent}
      subjects: [{kind: ServiceAccount, name: agent, namespace: logging}]
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: fluentd, namespace: logging}
      data:
        filter.conf: |
          <filter **>
            @type kubernetes_metadata
            skip_namespace_metadata true
          </filter>
      """;

  private static AccessSet infer(String daemonSet) {
    List<AccessSet> sets =
        TestManifests.accessSets(RBAC + "---\n" + daemonSet, TestManifests.production());
    assertThat(sets).hasSize(1);
    return sets.get(0);
  }

  private static String daemonSet(String annotations, String containers) {
    return """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: logging%s}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              serviceAccountName: agent
              volumes: [{name: config, configMap: {name: fluentd}}]
              containers:
        %s"""
        .formatted(annotations, containers.indent(8));
  }

  private static final String FLUENTD =
      """
      - name: fluentd
        image: fluent/fluentd:v1.17-1
        volumeMounts: [{name: config, mountPath: /fluentd/etc}]
        env:
          - name: K8S_NODE_NAME
            valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
      """;

  private static List<String> described(AccessSet set) {
    return set.accesses().stream().map(Access::describe).sorted().toList();
  }

  @Test
  void theCatalogBeatsRbacAndSaysSoWithAnUpperBoundNote() {
    AccessSet set = infer(daemonSet("", FLUENTD));
    assertThat(set.basis()).isEqualTo("catalog: fluentd");
    assertThat(described(set)).containsExactly("list,watch pods (own-node) as informer");
    assertThat(set.accesses().get(0).provenance().source()).isEqualTo(Provenance.Source.CATALOG);
    assertThat(set.accesses().get(0).provenance().detail())
        .contains(
            "entry fluentd", "K8S_NODE_NAME", "fabric8io/fluent-plugin-kubernetes_metadata_filter");
    assertThat(set.notes())
        .singleElement()
        .satisfies(
            note -> {
              assertThat(note.kind()).isEqualTo(NoteKind.RBAC_UPPER_BOUND);
              assertThat(note.message())
                  .contains("namespaces (cluster)", "nodes (cluster)", "pods (cluster)");
            });
  }

  @Test
  void theAnnotationBeatsTheCatalog() {
    AccessSet set = infer(daemonSet(", annotations: {kubeload.io/access: '[]'}", FLUENTD));
    assertThat(set.basis()).isEqualTo("annotation kubeload.io/access");
    assertThat(set.accesses()).isEmpty();
  }

  @Test
  void anUnknownContainerLeavesRbacsUpperBoundWithANote() {
    AccessSet set =
        infer(
            daemonSet(
                "",
                FLUENTD
                    + """
        - name: exporter
          image: example.com/mystery-exporter:1.0
        """));
    assertThat(set.basis()).isEqualTo("RBAC (upper bound)");
    assertThat(described(set)).contains("get,list,watch pods (cluster) as informer");
    assertThat(set.notes())
        .extracting(AccessSet.Note::kind)
        .containsExactly(NoteKind.CATALOG_PARTIAL);
    assertThat(set.notes().get(0).message())
        .contains("fluentd (fluentd)", "exporter (example.com/mystery-exporter:1.0)");
  }

  @Test
  void podSpecHintsStillNarrowRbacWhenTheCatalogDoesNotKnowTheComponent() {
    AccessSet set =
        infer(
            daemonSet(
                "",
                """
        - name: agent
          image: example.com/agent:1.0
          args: [--node-name=$(NODE_NAME)]
          env:
            - name: NODE_NAME
              valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
        """));
    assertThat(set.basis()).isEqualTo("RBAC (upper bound), narrowed by the pod spec");
    assertThat(described(set)).contains("get,list,watch pods (own-node) as informer");
  }

  @Test
  void aConfigurationTheManifestsLackLeavesTheDecisionToRbac() {
    String yaml =
        RBAC
            + "---\n"
            + daemonSet(
                    "",
                    """
        - name: fluent-bit
          image: fluent/fluent-bit:3.1.0
          volumeMounts: [{name: config, mountPath: /fluent-bit/etc}]
        """)
                .replace("configMap: {name: fluentd}", "configMap: {name: fluent-bit}");
    AccessSet set = TestManifests.accessSets(yaml, TestManifests.production()).get(0);
    assertThat(set.basis()).isEqualTo("RBAC (upper bound)");
    assertThat(described(set)).contains("get,list,watch pods (cluster) as informer");
    assertThat(set.notes())
        .singleElement()
        .satisfies(
            note -> {
              assertThat(note.kind()).isEqualTo(NoteKind.CONFIG_UNREAD);
              assertThat(note.message())
                  .contains(
                      "ConfigMap fluent-bit is not in the manifests",
                      "the catalog does not decide");
            });
  }

  @Test
  void anUnreadableConfigurationGivesACouldNotReadNoteAndRbacDecides() {
    String yaml =
        RBAC.replace(
                "skip_namespace_metadata true\n    </filter>", "skip_namespace_metadata true\n")
            + "---\n"
            + daemonSet("", FLUENTD);
    AccessSet set = TestManifests.accessSets(yaml, TestManifests.production()).get(0);
    assertThat(set.basis()).startsWith("RBAC (upper bound)");
    assertThat(described(set)).contains("get,list,watch namespaces (cluster) as informer");
    assertThat(set.notes())
        .extracting(AccessSet.Note::kind)
        .containsExactly(NoteKind.CONFIG_UNREAD);
    assertThat(set.notes().get(0).message())
        .contains(
            "could not read ConfigMap fluentd key filter.conf: line 1: <filter> is never closed",
            "the catalog does not decide");
  }

  @Test
  void anEntryThatDeclaresItsUnreadCaseStillDecides() {
    String yaml =
        daemonSet(
                "",
                """
        - name: promtail
          image: grafana/promtail:3.0.0
          volumeMounts: [{name: config, mountPath: /etc/promtail}]
        """)
            .replace("configMap: {name: fluentd}", "secret: {secretName: promtail}");
    AccessSet set =
        TestManifests.accessSets(RBAC + "---\n" + yaml, TestManifests.production()).get(0);
    assertThat(set.basis()).isEqualTo("catalog: promtail");
    assertThat(described(set)).containsExactly("list,watch pods (own-node) as informer");
    assertThat(set.notes()).extracting(AccessSet.Note::kind).contains(NoteKind.CONFIG_UNREAD);
  }
}
