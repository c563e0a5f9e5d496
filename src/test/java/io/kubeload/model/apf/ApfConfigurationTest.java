package io.kubeload.model.apf;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.cluster.KubernetesVersion;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.PriorityLevel;
import io.kubeload.model.PriorityLevels;
import io.kubeload.testing.TestManifests;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApfConfigurationTest {

  private static final KubernetesVersion V133 = KubernetesVersion.parse("1.33");
  private static final KubernetesVersion V135 = KubernetesVersion.parse("1.35");

  static String levelFor(
      ApfConfiguration apf,
      String namespace,
      String verb,
      String group,
      String resource,
      String target) {
    return apf.classify(
            ApfRequest.fromServiceAccount(namespace, "agent", verb, group, resource, target))
        .priorityLevel();
  }

  @ParameterizedTest(name = "{0} SA, {1} {3} in ''{4}'' → {5}")
  @CsvSource({
    "platform,    list,   '',                  pods,       '',          workload-low",
    "kube-system, list,   '',                  pods,       '',          workload-high",
    "kube-system, update, coordination.k8s.io, leases,     kube-system, leader-election",
    "platform,    update, coordination.k8s.io, leases,     platform,    workload-low",
    "kube-system, update, '',                  configmaps, kube-system, leader-election",
  })
  void defaultFlowSchemasOf133SendEachRequestWhereThePhysicsTableSays(
      String namespace, String verb, String group, String resource, String target, String level) {
    assertThat(levelFor(ApfConfiguration.defaults(V133), namespace, verb, group, resource, target))
        .isEqualTo(level);
  }

  @Test
  void from134ConfigMapLeaderElectionOfKubeSystemAccountsIsNoLongerSpecial() {
    // workload-leader-election was removed in 1.34 (docs/sources.md §3.4, §7).
    assertThat(
            levelFor(
                ApfConfiguration.defaults(V135),
                "kube-system",
                "update",
                "",
                "configmaps",
                "kube-system"))
        .isEqualTo("workload-high");
    assertThat(ApfConfiguration.defaults(V135).flowSchemas())
        .extracting(FlowSchema::name)
        .doesNotContain("workload-leader-election", "endpoint-controller");
  }

  @Test
  void defaultsAreOrderedByPrecedenceThenName() {
    assertThat(ApfConfiguration.defaults(V133).flowSchemas())
        .extracting(FlowSchema::name)
        .startsWith(
            "exempt",
            "probes",
            "system-leader-election",
            "endpoint-controller",
            "workload-leader-election",
            "system-node-high",
            "system-nodes",
            "kube-controller-manager",
            "kube-scheduler",
            "kube-system-service-accounts");
  }

  @Test
  void theProbesSchemaExemptsHealthChecksOnlyNotTheResourceRequestsOfEveryone() {
    FlowSchema probes =
        ApfConfiguration.defaults(V135).flowSchemas().stream()
            .filter(s -> s.name().equals("probes"))
            .findFirst()
            .orElseThrow();
    assertThat(probes.precedence()).isEqualTo(2);
    assertThat(probes.priorityLevel()).isEqualTo("exempt");
    assertThat(
            probes.matches(
                ApfRequest.fromServiceAccount("platform", "agent", "list", "", "pods", "")))
        .isFalse();
    assertThat(levelFor(ApfConfiguration.defaults(V135), "platform", "get", "", "pods", "platform"))
        .isEqualTo("workload-low");
  }

  @Test
  void aChartsOwnFlowSchemaAndLevelMoveItsTraffic() {
    ApfConfiguration apf =
        ApfConfiguration.of(
            V135,
            TestManifests.set(
                """
        apiVersion: flowcontrol.apiserver.k8s.io/v1
        kind: PriorityLevelConfiguration
        metadata: {name: agents}
        spec:
          type: Limited
          limited:
            nominalConcurrencyShares: 10
            limitResponse: {type: Queue, queuing: {queues: 16, handSize: 4, queueLengthLimit: 20}}
        ---
        apiVersion: flowcontrol.apiserver.k8s.io/v1
        kind: FlowSchema
        metadata: {name: agents}
        spec:
          matchingPrecedence: 1000
          priorityLevelConfiguration: {name: agents}
          distinguisherMethod: {type: ByUser}
          rules:
            - subjects: [{kind: ServiceAccount, serviceAccount: {name: agent, namespace: platform}}]
              resourceRules: [{verbs: ["*"], apiGroups: ["*"], resources: ["*"], clusterScope: true, namespaces: ["*"]}]
        """));
    assertThat(apf.notes()).isEmpty();
    assertThat(levelFor(apf, "platform", "list", "", "pods", "")).isEqualTo("agents");
    // Shares now sum to 255: every level's nominal seats shrink (ceil(600 × 100 / 255) = 236).
    Map<String, PriorityLevel> levels =
        PriorityLevels.of(TestManifests.productionAtDefaultFlags(), apf);
    assertThat(levels.get("agents").nominalSeats()).isEqualTo(24);
    assertThat(levels.get("agents").flowQueueCapacity()).isEqualTo(80);
    assertThat(levels.get("workload-low").nominalSeats()).isEqualTo(236);
  }

  @Test
  void mandatoryObjectsCannotBeReplacedAndDanglingSchemasAreIgnored() {
    ApfConfiguration apf =
        ApfConfiguration.of(
            V135,
            TestManifests.set(
                """
        apiVersion: flowcontrol.apiserver.k8s.io/v1
        kind: FlowSchema
        metadata: {name: catch-all}
        spec:
          matchingPrecedence: 5
          priorityLevelConfiguration: {name: exempt}
          rules: [{subjects: [{kind: Group, group: {name: system:authenticated}}], resourceRules: [{verbs: ["*"], apiGroups: ["*"], resources: ["*"], clusterScope: true, namespaces: ["*"]}]}]
        ---
        apiVersion: flowcontrol.apiserver.k8s.io/v1
        kind: FlowSchema
        metadata: {name: to-nowhere}
        spec:
          matchingPrecedence: 10
          priorityLevelConfiguration: {name: no-such-level}
          rules: [{subjects: [{kind: Group, group: {name: system:authenticated}}], resourceRules: [{verbs: ["*"], apiGroups: ["*"], resources: ["*"], clusterScope: true, namespaces: ["*"]}]}]
        """));
    assertThat(apf.notes())
        .extracting(ApfConfiguration.Note::object)
        .containsExactly(
            new ObjectRef("FlowSchema", "", "catch-all"),
            new ObjectRef("FlowSchema", "", "to-nowhere"));
    assertThat(apf.notes()).allSatisfy(n -> assertThat(n.location().file()).isEqualTo("test.yaml"));
    assertThat(levelFor(apf, "platform", "list", "", "pods", "")).isEqualTo("workload-low");
  }

  @Test
  void userAndGroupSubjectsMatchTheServiceAccountsIdentity() {
    ApfRequest request =
        ApfRequest.fromServiceAccount("platform", "agent", "get", "", "pods", "platform");
    assertThat(request.user()).isEqualTo("system:serviceaccount:platform:agent");
    assertThat(request.groups())
        .isEqualTo(
            Set.of(
                "system:serviceaccounts",
                "system:serviceaccounts:platform",
                "system:authenticated"));
    assertThat(
            new FlowSchema.Subject("User", "system:serviceaccount:platform:agent", "")
                .matches(request))
        .isTrue();
    assertThat(new FlowSchema.Subject("ServiceAccount", "*", "platform").matches(request)).isTrue();
    assertThat(new FlowSchema.Subject("ServiceAccount", "agent", "kube-system").matches(request))
        .isFalse();
    assertThat(
            new FlowSchema.Subject("Group", "system:serviceaccounts:platform", "").matches(request))
        .isTrue();
  }

  @Test
  void lendingAndBorrowingLimitsFollowTheFormulas() {
    Map<String, PriorityLevel> levels = PriorityLevels.of(TestManifests.productionAtDefaultFlags());
    // docs/sources.md §3.3: lendable 24/25/0/49/221/25 for
    // system/node-high/leader-election/workload-high/workload-low/global-default
    assertThat(levels.get("system").lendableSeats()).isEqualTo(24);
    assertThat(levels.get("node-high").lendableSeats()).isEqualTo(25);
    assertThat(levels.get("workload-high").lendableSeats()).isEqualTo(49);
    assertThat(levels.get("workload-low").lendableSeats()).isEqualTo(221);
    assertThat(levels.get("workload-low").guaranteedSeats()).isEqualTo(24);
    assertThat(levels.get("workload-low").borrowingLimitSeats())
        .isEqualTo(600); // no limit: up to the server
  }

  @Test
  void theClustersOwnObjectsApplyUnderTheChartsAndItsMandatoryCopiesAreSilent() {
    var cluster =
        TestManifests.set(
                """
        apiVersion: flowcontrol.apiserver.k8s.io/v1
        kind: List
        items:
          - apiVersion: flowcontrol.apiserver.k8s.io/v1
            kind: FlowSchema
            metadata: {name: exempt}
            spec:
              matchingPrecedence: 1
              priorityLevelConfiguration: {name: exempt}
              rules: [{subjects: [{kind: Group, group: {name: system:masters}}], resourceRules: [{verbs: ["*"], apiGroups: ["*"], resources: ["*"], clusterScope: true, namespaces: ["*"]}]}]
          - apiVersion: flowcontrol.apiserver.k8s.io/v1
            kind: FlowSchema
            metadata: {name: platform-agents}
            spec:
              matchingPrecedence: 500
              priorityLevelConfiguration: {name: workload-high}
              rules: [{subjects: [{kind: ServiceAccount, serviceAccount: {name: "*", namespace: platform}}], resourceRules: [{verbs: ["*"], apiGroups: ["*"], resources: ["*"], clusterScope: true, namespaces: ["*"]}]}]
        """)
            .manifests();
    ApfConfiguration apf =
        ApfConfiguration.of(
            V135,
            cluster,
            TestManifests.set("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"));
    assertThat(apf.notes()).isEmpty();
    assertThat(levelFor(apf, "platform", "list", "", "pods", "")).isEqualTo("workload-high");
    assertThat(levelFor(apf, "shop", "list", "", "pods", "")).isEqualTo("workload-low");
  }
}
