package io.kubeload.workload;

import static io.kubeload.testing.TestManifests.production;
import static io.kubeload.testing.TestManifests.set;
import static io.kubeload.testing.TestManifests.staging;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.testing.TestManifests;
import io.kubeload.yaml.InputException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

  private static List<Workload> workloads(String yaml) {
    return Workloads.from(set(yaml), staging());
  }

  private static Workload only(String yaml) {
    return only(yaml, staging());
  }

  private static Workload only(String yaml, ClusterProfile profile) {
    List<Workload> all = Workloads.from(set(yaml), profile);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private static Workload named(List<Workload> all, String name) {
    return all.stream()
        .filter(w -> w.ref().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no workload " + name + " in " + all));
  }

  private static String deployment(String name, String namespace, String replicasLine) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
          namespace: %s
        spec:
          %s
          selector: {matchLabels: {app: x}}
          template:
            metadata: {labels: {app: x}}
            spec:
              containers: [{name: c, image: x}]
        """
        .formatted(name, namespace, replicasLine);
  }

  @Nested
  class PodCounts {

    @Test
    void deploymentRunsItsReplicas() {
      Workload w = only(deployment("web", "shop", "replicas: 3"));
      assertThat(w.ref()).isEqualTo(new ObjectRef("Deployment", "shop", "web"));
      assertThat(w.pods()).isEqualTo(PodCount.fixed(3, "3 replicas"));
      assertThat(w.runsOnEveryNode()).isFalse();
      assertThat(w.isNew()).isTrue();
    }

    @Test
    void deploymentWithoutReplicasRunsOnePod() {
      Workload w = only(deployment("web", "shop", "minReadySeconds: 0"));
      assertThat(w.pods().count()).isEqualTo(1);
      assertThat(w.pods().perNode()).isFalse();
      assertThat(w.pods().reason()).isEqualTo("1 replica (default)");
    }

    @Test
    void deploymentWithZeroReplicasRunsNoPods() {
      Workload w = only(deployment("web", "shop", "replicas: 0"));
      assertThat(w.pods().count()).isZero();
    }

    @Test
    void statefulSetRunsItsReplicas() {
      Workload w =
          only(
              """
          apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: db, namespace: data}
          spec:
            replicas: 5
            serviceName: db
            selector: {matchLabels: {app: db}}
            template:
              metadata: {labels: {app: db}}
              spec:
                containers: [{name: db, image: postgres}]
          """);
      assertThat(w.kind()).isEqualTo("StatefulSet");
      assertThat(w.namespace()).isEqualTo("data");
      assertThat(w.pods()).isEqualTo(PodCount.fixed(5, "5 replicas"));
    }

    private static final String DAEMONSET =
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: kube-system}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers: [{name: agent, image: agent}]
        """;

    @Test
    void daemonSetRunsOnePodPerStagingNode() {
      Workload w = only(DAEMONSET, staging());
      assertThat(w.pods().count()).isEqualTo(20);
      assertThat(w.pods().perNode()).isTrue();
      assertThat(w.runsOnEveryNode()).isTrue();
      assertThat(w.pods().reason()).isEqualTo("one per node (20 nodes)");
    }

    @Test
    void daemonSetRunsOnePodPerProductionNode() {
      Workload w = only(DAEMONSET, production());
      assertThat(w.pods().count()).isEqualTo(5000);
      assertThat(w.pods().perNode()).isTrue();
    }

    @Test
    void perNodeCountsFollowTheNodeCountButOthersDoNot() {
      assertThat(PodCount.onNodes(1, 20, "one per node").atNodes(5000).count()).isEqualTo(5000);
      assertThat(PodCount.fixed(3, "3 replicas").atNodes(5000).count()).isEqualTo(3);
    }

    @Test
    void replicaSetAndReplicationControllerRunTheirReplicas() {
      List<Workload> all =
          workloads(
              """
          apiVersion: apps/v1
          kind: ReplicaSet
          metadata: {name: rs, namespace: ns}
          spec:
            replicas: 4
            selector: {matchLabels: {app: rs}}
            template:
              metadata: {labels: {app: rs}}
              spec:
                containers: [{name: c, image: x}]
          ---
          apiVersion: v1
          kind: ReplicationController
          metadata: {name: rc, namespace: ns}
          spec:
            replicas: 7
            selector: {app: rc}
            template:
              metadata: {labels: {app: rc}}
              spec:
                containers: [{name: c, image: x}]
          """);
      assertThat(all).hasSize(2);
      assertThat(named(all, "rs").pods().count()).isEqualTo(4);
      assertThat(named(all, "rs").rollout()).isEqualTo(RolloutStrategy.NONE);
      assertThat(named(all, "rc").kind()).isEqualTo("ReplicationController");
      assertThat(named(all, "rc").pods().count()).isEqualTo(7);
      assertThat(named(all, "rc").rollout()).isEqualTo(RolloutStrategy.NONE);
    }

    @Test
    void replicaSetWithoutReplicasRunsOnePod() {
      Workload w =
          only(
              """
          apiVersion: apps/v1
          kind: ReplicaSet
          metadata: {name: rs}
          spec:
            selector: {matchLabels: {app: rs}}
            template:
              spec:
                containers: [{name: c, image: x}]
          """);
      assertThat(w.pods().count()).isEqualTo(1);
    }

    @Test
    void jobRunsItsParallelism() {
      Workload w =
          only(
              """
          apiVersion: batch/v1
          kind: Job
          metadata: {name: migrate, namespace: ns}
          spec:
            parallelism: 6
            template:
              spec:
                restartPolicy: Never
                containers: [{name: c, image: x}]
          """);
      assertThat(w.pods()).isEqualTo(PodCount.fixed(6, "parallelism 6"));
      assertThat(w.rollout()).isEqualTo(RolloutStrategy.NONE);
    }

    @Test
    void jobWithoutParallelismRunsOnePod() {
      Workload w =
          only(
              """
          apiVersion: batch/v1
          kind: Job
          metadata: {name: migrate}
          spec:
            template:
              spec:
                restartPolicy: Never
                containers: [{name: c, image: x}]
          """);
      assertThat(w.pods()).isEqualTo(PodCount.fixed(1, "parallelism 1 (default)"));
    }

    @Test
    void jobNeverRunsMorePodsThanCompletions() {
      Workload w =
          only(
              """
          apiVersion: batch/v1
          kind: Job
          metadata: {name: migrate}
          spec:
            parallelism: 10
            completions: 2
            template:
              spec:
                restartPolicy: Never
                containers: [{name: c, image: x}]
          """);
      assertThat(w.pods().count()).isEqualTo(2);
    }

    @Test
    void cronJobRunsItsJobTemplatesParallelism() {
      Workload w =
          only(
              """
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: report, namespace: ns}
          spec:
            schedule: "*/5 * * * *"
            jobTemplate:
              spec:
                parallelism: 3
                template:
                  spec:
                    restartPolicy: OnFailure
                    serviceAccountName: reporter
                    containers: [{name: c, image: x}]
          """);
      assertThat(w.kind()).isEqualTo("CronJob");
      assertThat(w.pods()).isEqualTo(PodCount.fixed(3, "parallelism 3"));
      assertThat(w.serviceAccount()).isEqualTo("reporter");
      assertThat(w.rollout()).isEqualTo(RolloutStrategy.NONE);
    }

    @Test
    void cronJobWithoutParallelismRunsOnePod() {
      Workload w =
          only(
              """
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: report}
          spec:
            schedule: "@hourly"
            jobTemplate:
              spec:
                template:
                  spec:
                    restartPolicy: OnFailure
                    containers: [{name: c, image: x}]
          """);
      assertThat(w.pods().count()).isEqualTo(1);
    }

    @Test
    void barePodRunsOnePod() {
      Workload w =
          only(
              """
          apiVersion: v1
          kind: Pod
          metadata:
            name: debug
            namespace: tools
            annotations: {team: sre}
          spec:
            serviceAccountName: debugger
            containers: [{name: c, image: x}]
          """);
      assertThat(w.ref()).isEqualTo(new ObjectRef("Pod", "tools", "debug"));
      assertThat(w.pods()).isEqualTo(PodCount.fixed(1, "a bare Pod"));
      assertThat(w.serviceAccount()).isEqualTo("debugger");
      assertThat(w.podAnnotations()).containsEntry("team", "sre");
      assertThat(w.rollout()).isEqualTo(RolloutStrategy.NONE);
    }

    @Test
    void workloadWithoutNamespaceIsInTheDefaultNamespace() {
      Workload w =
          only(
              """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            replicas: 2
            template:
              spec:
                containers: [{name: c, image: x}]
          """);
      assertThat(w.namespace()).isEqualTo("default");
    }

    @Test
    void negativeReplicasAreAnInputErrorNamingTheReplicasLine() {
      String yaml =
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web, namespace: shop}
          spec:
            replicas: -2
            template:
              spec:
                containers: [{name: c, image: x}]
          """;
      assertThatThrownBy(() -> workloads(yaml))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("test.yaml:" + TestManifests.lineOf(yaml, "replicas: -2") + ": ")
          .hasMessageContaining("replicas")
          .hasMessageContaining("negative");
    }

    @Test
    void negativeStatefulSetReplicasAreAnInputErrorNamingTheReplicasLine() {
      String yaml =
          """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: first}
          data: {a: b}
          ---
          apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: db}
          spec:
            serviceName: db
            replicas: -1
            template:
              spec:
                containers: [{name: c, image: x}]
          """;
      assertThatThrownBy(() -> workloads(yaml))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("test.yaml:" + TestManifests.lineOf(yaml, "replicas: -1") + ": ")
          .hasMessageContaining("replicas");
    }

    @Test
    void negativeCronJobParallelismIsAnInputErrorNamingItsLine() {
      String yaml =
          """
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: report}
          spec:
            schedule: "@hourly"
            jobTemplate:
              spec:
                parallelism: -3
                template:
                  spec:
                    containers: [{name: c, image: x}]
          """;
      assertThatThrownBy(() -> workloads(yaml))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(
              "test.yaml:" + TestManifests.lineOf(yaml, "parallelism: -3") + ": ")
          .hasMessageContaining("parallelism");
    }
  }

  @Nested
  class HorizontalPodAutoscalers {

    private static final String HPA_V2 =
        """
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: %s}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: %s, name: %s}
          minReplicas: 2
          maxReplicas: 12
        """;

    @Test
    void autoscalingV2HpaTargetingTheDeploymentGivesMaxReplicas() {
      Workload w =
          only(
              deployment("web", "shop", "replicas: 3")
                  + HPA_V2.formatted("shop", "Deployment", "web"));
      assertThat(w.pods()).isEqualTo(PodCount.fixed(12, "HPA maxReplicas 12"));
    }

    @Test
    void autoscalingV1HpaTargetingTheDeploymentGivesMaxReplicas() {
      Workload w =
          only(
              deployment("web", "shop", "replicas: 3")
                  + """
          ---
          apiVersion: autoscaling/v1
          kind: HorizontalPodAutoscaler
          metadata: {name: web, namespace: shop}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            maxReplicas: 30
            targetCPUUtilizationPercentage: 80
          """);
      assertThat(w.pods().count()).isEqualTo(30);
      assertThat(w.pods().reason()).isEqualTo("HPA maxReplicas 30");
    }

    @Test
    void hpaAlsoAppliesWhenReplicasAreUnset() {
      Workload w =
          only(
              deployment("web", "shop", "minReadySeconds: 0")
                  + HPA_V2.formatted("shop", "Deployment", "web"));
      assertThat(w.pods().count()).isEqualTo(12);
    }

    @Test
    void hpaScalesAStatefulSetTargetedByKind() {
      Workload w =
          only(
              """
          apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: web, namespace: shop}
          spec:
            replicas: 1
            serviceName: web
            template:
              spec:
                containers: [{name: c, image: x}]
          """
                  + HPA_V2.formatted("shop", "StatefulSet", "web"));
      assertThat(w.pods().count()).isEqualTo(12);
    }

    @Test
    void hpaInAnotherNamespaceDoesNotApply() {
      Workload w =
          only(
              deployment("web", "shop", "replicas: 3")
                  + HPA_V2.formatted("other", "Deployment", "web"));
      assertThat(w.pods()).isEqualTo(PodCount.fixed(3, "3 replicas"));
    }

    @Test
    void hpaTargetingAnotherNameDoesNotApply() {
      Workload w =
          only(
              deployment("web", "shop", "replicas: 3")
                  + HPA_V2.formatted("shop", "Deployment", "api"));
      assertThat(w.pods().count()).isEqualTo(3);
    }

    @Test
    void hpaTargetingAnotherKindWithTheSameNameDoesNotApply() {
      Workload w =
          only(
              deployment("web", "shop", "replicas: 3")
                  + HPA_V2.formatted("shop", "StatefulSet", "web"));
      assertThat(w.pods().count()).isEqualTo(3);
    }

    @Test
    void hpaWithoutNamespaceTargetsADeploymentWithoutNamespace() {
      Workload w =
          only(
              """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            replicas: 2
            template:
              spec:
                containers: [{name: c, image: x}]
          ---
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: web}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            maxReplicas: 9
          """);
      assertThat(w.pods().count()).isEqualTo(9);
    }

    @Test
    void largestMaxReplicasWinsWhenSeveralHpasTargetTheSameDeployment() {
      Workload w =
          only(
              deployment("web", "shop", "replicas: 3")
                  + HPA_V2.formatted("shop", "Deployment", "web")
                  + """
          ---
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: web-2, namespace: shop}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            maxReplicas: 40
          """);
      assertThat(w.pods().count()).isEqualTo(40);
    }

    @Test
    void hpaDoesNotChangeADaemonSet() {
      Workload w =
          only(
              """
          apiVersion: apps/v1
          kind: DaemonSet
          metadata: {name: web, namespace: shop}
          spec:
            template:
              spec:
                containers: [{name: c, image: x}]
          """
                  + HPA_V2.formatted("shop", "DaemonSet", "web"));
      assertThat(w.pods().count()).isEqualTo(20);
      assertThat(w.pods().perNode()).isTrue();
    }

    @Test
    void hpaIsNotItselfAWorkload() {
      List<Workload> all =
          workloads(
              deployment("web", "shop", "replicas: 3")
                  + HPA_V2.formatted("shop", "Deployment", "web"));
      assertThat(all).extracting(Workload::kind).containsExactly("Deployment");
    }

    @Test
    void rolloutBudgetsFollowTheHpaPodCount() {
      Workload w =
          only(
              deployment("web", "shop", "replicas: 4")
                  + """
          ---
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: web, namespace: shop}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            maxReplicas: 40
          """);
      assertThat(w.pods().count()).isEqualTo(40);
      // 25% of the 40 pods the HPA may run: 10 down and 10 extra per wave, not 1 and 1 of 4.
      assertThat(w.rollout().maxUnavailable()).isEqualTo(10);
      assertThat(w.rollout().maxSurge()).isEqualTo(10);
    }
  }

  @Nested
  class Selection {

    @Test
    void nonWorkloadKindsAreIgnored() {
      List<Workload> all =
          workloads(
              """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: cfg}
          data: {a: b}
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: svc}
          spec:
            ports: [{port: 80}]
          ---
          apiVersion: v1
          kind: ServiceAccount
          metadata: {name: sa}
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata: {name: role}
          rules: []
          ---
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: {name: pdb}
          spec: {maxUnavailable: 1}
          """);
      assertThat(all).isEmpty();
    }

    @Test
    void customResourcesNamedLikeWorkloadsAreIgnored() {
      List<Workload> all =
          workloads(
              """
          apiVersion: example.com/v1
          kind: Deployment
          metadata: {name: custom}
          spec:
            replicas: 100
            template:
              spec:
                containers: [{name: c, image: x}]
          ---
          apiVersion: argoproj.io/v1alpha1
          kind: Rollout
          metadata: {name: rollout}
          spec:
            replicas: 50
          """);
      assertThat(all).isEmpty();
    }

    @Test
    void helmTestHookPodsAreNotWorkloads() {
      List<Workload> all =
          workloads(
              """
          apiVersion: v1
          kind: Pod
          metadata:
            name: test-connection
            annotations: {helm.sh/hook: test}
          spec:
            containers: [{name: c, image: busybox}]
          """);
      assertThat(all).isEmpty();
    }

    @Test
    void everyWorkloadInAMultiDocumentStreamIsFound() {
      List<Workload> all =
          workloads(
              deployment("a", "ns", "replicas: 2")
                  + "---\n"
                  + deployment("b", "ns", "replicas: 5"));
      assertThat(all).extracting(w -> w.ref().name()).containsExactly("a", "b");
      assertThat(named(all, "b").pods().count()).isEqualTo(5);
    }
  }

  @Nested
  class PodTemplate {

    @Test
    void serviceAccountDefaultsToDefault() {
      assertThat(only(deployment("web", "shop", "replicas: 1")).serviceAccount())
          .isEqualTo("default");
    }

    @Test
    void serviceAccountNameIsHonoured() {
      Workload w =
          only(
              """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            template:
              spec:
                serviceAccountName: web-sa
                containers: [{name: c, image: x}]
          """);
      assertThat(w.serviceAccount()).isEqualTo("web-sa");
    }

    @Test
    void deprecatedServiceAccountFieldIsHonouredWhenServiceAccountNameIsUnset() {
      Workload w =
          only(
              """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            template:
              spec:
                serviceAccount: legacy-sa
                containers: [{name: c, image: x}]
          """);
      assertThat(w.serviceAccount()).isEqualTo("legacy-sa");
    }

    @Test
    void serviceAccountNameWinsOverTheDeprecatedField() {
      Workload w =
          only(
              """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            template:
              spec:
                serviceAccountName: new-sa
                serviceAccount: legacy-sa
                containers: [{name: c, image: x}]
          """);
      assertThat(w.serviceAccount()).isEqualTo("new-sa");
    }

    @Test
    void podTemplateAnnotationsAndSpecAreKept() {
      Workload w =
          only(
              """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
            annotations: {on-workload: "yes"}
          spec:
            template:
              metadata:
                annotations: {on-pod: "1", other: two}
              spec:
                containers: [{name: app, image: x}, {name: sidecar, image: y}]
          """);
      assertThat(w.podAnnotations())
          .containsOnlyKeys("on-pod", "other")
          .containsEntry("on-pod", "1");
      assertThat(w.podSpec().getContainers())
          .extracting(c -> c.getName())
          .containsExactly("app", "sidecar");
      assertThat(w.location().file()).isEqualTo("test.yaml");
      assertThat(w.location().line()).isEqualTo(1);
    }

    @Test
    void workloadWithoutPodTemplateGetsAnEmptyPodSpec() {
      Workload w =
          only(
              """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            replicas: 2
          """);
      assertThat(w.podSpec()).isNotNull();
      assertThat(w.podAnnotations()).isEmpty();
      assertThat(w.serviceAccount()).isEqualTo("default");
    }
  }

  @Nested
  class Rollouts {

    private Workload daemonSet(String strategy, ClusterProfile profile) {
      return only(
          """
          apiVersion: apps/v1
          kind: DaemonSet
          metadata: {name: agent}
          spec:
            %s
            template:
              spec:
                containers: [{name: c, image: x}]
          """
              .formatted(strategy),
          profile);
    }

    private Workload deploymentWith(String specLines) {
      return only(
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
          %s
            template:
              spec:
                containers: [{name: c, image: x}]
          """
              .formatted(specLines.indent(2).stripTrailing()));
    }

    @Test
    void daemonSetDefaultsToOneUnavailableAndNoSurge() {
      RolloutStrategy r = daemonSet("minReadySeconds: 0", production()).rollout();
      assertThat(r.type()).isEqualTo("RollingUpdate");
      assertThat(r.maxUnavailable()).isEqualTo(1);
      assertThat(r.maxSurge()).isZero();
      assertThat(r.minReadySeconds()).isZero();
      assertThat(r.declared()).isEqualTo("maxUnavailable=1 maxSurge=0");
      assertThat(r.podsPerWave()).isEqualTo(1);
    }

    @Test
    void daemonSetPercentagesResolveAgainstTheProfilesNodes() {
      String strategy =
          """
          updateStrategy:
              type: RollingUpdate
              rollingUpdate: {maxUnavailable: 10%, maxSurge: 0}
          """
              .stripTrailing();
      assertThat(daemonSet(strategy, staging()).rollout().maxUnavailable()).isEqualTo(2);
      RolloutStrategy prod = daemonSet(strategy, production()).rollout();
      assertThat(prod.maxUnavailable()).isEqualTo(500);
      assertThat(prod.maxSurge()).isZero();
      assertThat(prod.declared()).isEqualTo("maxUnavailable=10% maxSurge=0");
      assertThat(prod.podsPerWave()).isEqualTo(500);
    }

    @Test
    void daemonSetSurgePercentageRoundsUp() {
      String strategy =
          """
          updateStrategy:
              rollingUpdate: {maxUnavailable: 0, maxSurge: 12%}
          """
              .stripTrailing();
      RolloutStrategy r = daemonSet(strategy, staging()).rollout();
      assertThat(r.maxUnavailable()).isZero();
      assertThat(r.maxSurge()).isEqualTo(3); // 2.4 of 20 nodes, rounded up
    }

    @Test
    void daemonSetUnavailablePercentageRoundsUp() {
      String strategy =
          """
          updateStrategy:
              rollingUpdate: {maxUnavailable: 33%}
          """
              .stripTrailing();
      // 33% of 20 nodes = 6.6: "Absolute number is calculated from percentage by rounding up"
      // (apps/v1 API).
      assertThat(daemonSet(strategy, staging()).rollout().maxUnavailable()).isEqualTo(7);
    }

    @Test
    void daemonSetOnDeleteReplacesNothingByItself() {
      RolloutStrategy r =
          daemonSet(
                  """
          minReadySeconds: 15
            updateStrategy: {type: OnDelete}
          """
                      .stripTrailing(),
                  staging())
              .rollout();
      assertThat(r.type()).isEqualTo("OnDelete");
      assertThat(r.maxUnavailable()).isZero();
      assertThat(r.maxSurge()).isZero();
      assertThat(r.minReadySeconds()).isEqualTo(15);
      assertThat(r.declared()).isEqualTo("OnDelete");
    }

    @Test
    void deploymentDefaultsTo25PercentRoundingUnavailableDownAndSurgeUp() {
      RolloutStrategy r = deploymentWith("replicas: 10").rollout();
      assertThat(r.type()).isEqualTo("RollingUpdate");
      assertThat(r.maxUnavailable()).isEqualTo(2); // 2.5 rounded down
      assertThat(r.maxSurge()).isEqualTo(3); // 2.5 rounded up
      assertThat(r.declared()).isEqualTo("maxUnavailable=25% maxSurge=25%");
      assertThat(r.podsPerWave()).isEqualTo(3);
    }

    @Test
    void deploymentDefaultsOnOneReplicaAllowNoUnavailableAndOneSurge() {
      RolloutStrategy r = deploymentWith("minReadySeconds: 0").rollout();
      assertThat(r.maxUnavailable()).isZero();
      assertThat(r.maxSurge()).isEqualTo(1);
    }

    @Test
    void deploymentExplicitPercentages() {
      RolloutStrategy r =
          deploymentWith(
                  """
          replicas: 10
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxUnavailable: 10%, maxSurge: 33%}
          """)
              .rollout();
      assertThat(r.maxUnavailable()).isEqualTo(1);
      assertThat(r.maxSurge()).isEqualTo(4); // 3.3 rounded up
      assertThat(r.declared()).isEqualTo("maxUnavailable=10% maxSurge=33%");
    }

    @Test
    void deploymentExplicitNumbers() {
      RolloutStrategy r =
          deploymentWith(
                  """
          replicas: 10
          strategy:
            rollingUpdate: {maxUnavailable: 0, maxSurge: 5}
          """)
              .rollout();
      assertThat(r.type()).isEqualTo("RollingUpdate");
      assertThat(r.maxUnavailable()).isZero();
      assertThat(r.maxSurge()).isEqualTo(5);
      assertThat(r.declared()).isEqualTo("maxUnavailable=0 maxSurge=5");
    }

    @Test
    void deploymentOnlyOneBudgetDeclaredKeepsTheOtherDefault() {
      RolloutStrategy r =
          deploymentWith(
                  """
          replicas: 8
          strategy:
            rollingUpdate: {maxSurge: 0}
          """)
              .rollout();
      assertThat(r.maxUnavailable()).isEqualTo(2); // default 25% of 8
      assertThat(r.maxSurge()).isZero();
    }

    @Test
    void minReadySecondsIsKept() {
      RolloutStrategy r =
          deploymentWith(
                  """
          replicas: 4
          minReadySeconds: 30
          """)
              .rollout();
      assertThat(r.minReadySeconds()).isEqualTo(30);
      assertThat(r.declared()).isEqualTo("maxUnavailable=25% maxSurge=25% minReadySeconds=30");
    }

    @Test
    void recreateTakesEveryReplicaDownAtOnce() {
      RolloutStrategy r =
          deploymentWith(
                  """
          replicas: 6
          minReadySeconds: 5
          strategy: {type: Recreate}
          """)
              .rollout();
      assertThat(r.type()).isEqualTo("Recreate");
      assertThat(r.maxUnavailable()).isEqualTo(6);
      assertThat(r.maxSurge()).isZero();
      assertThat(r.minReadySeconds()).isEqualTo(5);
      assertThat(r.declared()).isEqualTo("Recreate");
      assertThat(r.podsPerWave()).isEqualTo(6);
    }

    @Test
    void statefulSetDefaultsToOneAtATime() {
      RolloutStrategy r =
          only("""
          apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: db}
          spec:
            replicas: 9
            serviceName: db
            minReadySeconds: 10
            template:
              spec:
                containers: [{name: c, image: x}]
          """)
              .rollout();
      assertThat(r.type()).isEqualTo("RollingUpdate");
      assertThat(r.maxUnavailable()).isEqualTo(1);
      assertThat(r.maxSurge()).isZero();
      assertThat(r.minReadySeconds()).isEqualTo(10);
    }

    @Test
    void statefulSetOnDeleteReplacesNothingByItself() {
      RolloutStrategy r =
          only("""
          apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: db}
          spec:
            replicas: 9
            serviceName: db
            updateStrategy: {type: OnDelete}
            template:
              spec:
                containers: [{name: c, image: x}]
          """)
              .rollout();
      assertThat(r.type()).isEqualTo("OnDelete");
      assertThat(r.maxUnavailable()).isZero();
      assertThat(r.maxSurge()).isZero();
      assertThat(r.declared()).isEqualTo("OnDelete");
    }

    @Test
    void unparseableBudgetIsAnInputError() {
      assertThatThrownBy(
              () ->
                  deploymentWith(
                      """
          replicas: 4
          strategy:
            rollingUpdate: {maxUnavailable: lots}
          """))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("test.yaml:")
          .hasMessageContaining(
              "maxUnavailable: not a valid Deployment: expected a whole number of at least 0 or a percentage from 0% to 100%, not a string");
    }

    @Test
    void unparseableBudgetNamesItsLine() {
      String yaml =
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            replicas: 4
            strategy:
              rollingUpdate:
                maxUnavailable: lots
            template:
              spec:
                containers: [{name: c, image: x}]
          """;
      assertThatThrownBy(() -> workloads(yaml))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(
              "test.yaml:" + TestManifests.lineOf(yaml, "maxUnavailable: lots") + ": ");
    }

    @Test
    void kindsWithoutUpdatesHaveNoRollout() {
      assertThat(RolloutStrategy.NONE.type()).isEqualTo("None");
      assertThat(RolloutStrategy.NONE.podsPerWave()).isEqualTo(1);
    }
  }
}
