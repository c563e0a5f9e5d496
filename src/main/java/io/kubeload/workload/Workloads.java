package io.kubeload.workload;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.parallel.SideBySide;
import io.kubeload.yaml.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the workloads in a manifest set, including those an operator creates from a resource in it,
 * and how many pods each runs on the profile's cluster.
 */
public final class Workloads {

  private Workloads() {}

  public static List<Workload> from(ManifestSet manifests, ClusterProfile profile) {
    if (manifests.manifests().size() < SideBySide.FROM) {
      return oneByOne(manifests, profile);
    }
    // Each object's workloads are a pure function of it and the set, whose indexes are built under
    // a concurrent map.
    List<Workload> out = new ArrayList<>();
    SideBySide.map(manifests.manifests(), m -> of(m, manifests, profile)).forEach(out::addAll);
    return List.copyOf(out);
  }

  /** {@link #from} on one thread. */
  static List<Workload> oneByOne(ManifestSet manifests, ClusterProfile profile) {
    List<Workload> out = new ArrayList<>();
    for (Manifest m : manifests.manifests()) {
      out.addAll(of(m, manifests, profile));
    }
    return List.copyOf(out);
  }

  /** The object's own workload, then those an operator creates from it. */
  private static List<Workload> of(Manifest m, ManifestSet all, ClusterProfile profile) {
    Optional<Workload> own = workload(m, all, profile);
    List<Workload> operated = OperatorWorkloads.from(m, profile);
    if (own.isEmpty()) {
      return operated;
    }
    List<Workload> both = new ArrayList<>(operated.size() + 1);
    both.add(own.get());
    both.addAll(operated);
    return both;
  }

  private static Optional<Workload> workload(Manifest m, ManifestSet all, ClusterProfile profile) {
    if (m.typed().isEmpty()) {
      return Optional.empty();
    }
    Object typed = m.typed().get();
    if (typed instanceof Deployment d && d.getSpec() != null) {
      PodCount pods =
          ProportionalAutoscalers.podsFor(m, all, profile.nodes())
              .orElseGet(() -> replicas(m, d.getSpec().getReplicas(), all));
      return Optional.of(
          build(
              m,
              d.getSpec().getTemplate(),
              pods,
              deploymentRollout(
                  Optional.ofNullable(d.getSpec().getStrategy()),
                  Optional.ofNullable(d.getSpec().getMinReadySeconds()),
                  pods.count())));
    }
    if (typed instanceof StatefulSet s && s.getSpec() != null) {
      PodCount pods = replicas(m, s.getSpec().getReplicas(), all);
      return Optional.of(
          build(m, s.getSpec().getTemplate(), pods, statefulSetRollout(s, pods.count())));
    }
    if (typed instanceof DaemonSet ds && ds.getSpec() != null) {
      PodTemplateSpec template = ds.getSpec().getTemplate();
      PodCount pods =
          Placement.daemonSet(
              template != null && template.getSpec() != null ? template.getSpec() : new PodSpec(),
              profile);
      return Optional.of(build(m, template, pods, daemonSetRollout(ds, pods.count())));
    }
    if (typed instanceof ReplicaSet rs && rs.getSpec() != null) {
      return Optional.of(
          build(
              m,
              rs.getSpec().getTemplate(),
              replicas(m, rs.getSpec().getReplicas(), all),
              RolloutStrategy.NONE));
    }
    if (typed instanceof ReplicationController rc && rc.getSpec() != null) {
      return Optional.of(
          build(
              m,
              rc.getSpec().getTemplate(),
              replicas(m, rc.getSpec().getReplicas(), all),
              RolloutStrategy.NONE));
    }
    if (typed instanceof Job job && job.getSpec() != null) {
      return Optional.of(
          build(
              m,
              job.getSpec().getTemplate(),
              parallelism(m, job.getSpec(), "spec.parallelism"),
              RolloutStrategy.NONE));
    }
    if (typed instanceof CronJob cron
        && cron.getSpec() != null
        && cron.getSpec().getJobTemplate() != null
        && cron.getSpec().getJobTemplate().getSpec() != null) {
      JobSpec spec = cron.getSpec().getJobTemplate().getSpec();
      return Optional.of(
          build(
              m,
              spec.getTemplate(),
              parallelism(m, spec, "spec.jobTemplate.spec.parallelism"),
              RolloutStrategy.NONE));
    }
    if (typed instanceof Pod pod && pod.getSpec() != null) {
      PodTemplateSpec template = new PodTemplateSpec(pod.getMetadata(), pod.getSpec());
      return Optional.of(build(m, template, PodCount.fixed(1, "a bare Pod"), RolloutStrategy.NONE));
    }
    return Optional.empty();
  }

  private static Workload build(
      Manifest m, PodTemplateSpec template, PodCount pods, RolloutStrategy rollout) {
    PodSpec spec =
        template != null && template.getSpec() != null ? template.getSpec() : new PodSpec();
    Map<String, String> annotations =
        template != null
                && template.getMetadata() != null
                && template.getMetadata().getAnnotations() != null
            ? new TreeMap<>(template.getMetadata().getAnnotations())
            : Map.of();
    String account =
        firstNonBlank(spec.getServiceAccountName(), spec.getServiceAccount()).orElse("default");
    return new Workload(
        m.ref(),
        m,
        spec,
        Map.copyOf(annotations),
        account,
        pods,
        rollout,
        Workload.Arrival.NEW,
        Ignore.of(m));
  }

  private static PodCount replicas(Manifest m, Integer declared, ManifestSet all) {
    int replicas = replicasOf(declared);
    if (declared != null && declared < 0) {
      throw new InputException(
          m.location().file(),
          m.locationOf("spec.replicas").line(),
          "spec.replicas must not be negative");
    }
    Optional<Integer> hpaMax = Autoscalers.maxReplicasFor(m, all);
    if (hpaMax.isPresent()) {
      return PodCount.fixed(hpaMax.get(), "HPA maxReplicas " + hpaMax.get());
    }
    return PodCount.fixed(
        replicas,
        replicas
            + (replicas == 1 ? " replica" : " replicas")
            + (declared == null ? " (default)" : ""));
  }

  private static int replicasOf(Integer declared) {
    return declared == null ? 1 : Math.max(0, declared);
  }

  /** A Job runs parallelism pods at once (default 1), never more than its completions. */
  private static PodCount parallelism(Manifest m, JobSpec spec, String path) {
    Integer declared = spec.getParallelism();
    if (declared != null && declared < 0) {
      throw new InputException(
          m.location().file(), m.locationOf(path).line(), path + " must not be negative");
    }
    int parallel = declared == null ? 1 : declared;
    Integer completions = spec.getCompletions();
    if (completions != null && completions >= 0 && completions < parallel) {
      return PodCount.fixed(
          completions, "completions " + completions + " (fewer than parallelism " + parallel + ")");
    }
    return PodCount.fixed(
        parallel, "parallelism " + parallel + (declared == null ? " (default)" : ""));
  }

  private static RolloutStrategy deploymentRollout(
      Optional<DeploymentStrategy> declared, Optional<Integer> minReady, int replicas) {
    String type = declared.map(DeploymentStrategy::getType).orElse("RollingUpdate");
    if (type.equals("Recreate")) {
      return new RolloutStrategy(type, replicas, 0, minReady.orElse(0), "Recreate");
    }
    Optional<IntOrString> unavailable =
        declared.map(DeploymentStrategy::getRollingUpdate).map(r -> r.getMaxUnavailable());
    Optional<IntOrString> surge =
        declared.map(DeploymentStrategy::getRollingUpdate).map(r -> r.getMaxSurge());
    // Deployment defaults: maxUnavailable 25% (rounded down), maxSurge 25% (rounded up).
    return rolling(
        type,
        new Budget(unavailable, "25%", false),
        new Budget(surge, "25%", true),
        replicas,
        minReady);
  }

  private static RolloutStrategy daemonSetRollout(DaemonSet ds, int pods) {
    DaemonSetUpdateStrategy strategy = ds.getSpec().getUpdateStrategy();
    String type =
        strategy != null && strategy.getType() != null ? strategy.getType() : "RollingUpdate";
    if (type.equals("OnDelete")) {
      return new RolloutStrategy(type, 0, 0, orZero(ds.getSpec().getMinReadySeconds()), "OnDelete");
    }
    Optional<DaemonSetUpdateStrategy> declared = Optional.ofNullable(strategy);
    Optional<IntOrString> unavailable =
        declared.map(DaemonSetUpdateStrategy::getRollingUpdate).map(r -> r.getMaxUnavailable());
    Optional<IntOrString> surge =
        declared.map(DaemonSetUpdateStrategy::getRollingUpdate).map(r -> r.getMaxSurge());
    // DaemonSet defaults: maxUnavailable 1, maxSurge 0; percentages of nodes round up (apps/v1
    // DaemonSet API).
    return rolling(
        type,
        new Budget(unavailable, "1", true),
        new Budget(surge, "0", true),
        pods,
        Optional.ofNullable(ds.getSpec().getMinReadySeconds()));
  }

  private static RolloutStrategy statefulSetRollout(StatefulSet s, int replicas) {
    var strategy = s.getSpec().getUpdateStrategy();
    String type =
        strategy != null && strategy.getType() != null ? strategy.getType() : "RollingUpdate";
    if (type.equals("OnDelete")) {
      return new RolloutStrategy(type, 0, 0, orZero(s.getSpec().getMinReadySeconds()), "OnDelete");
    }
    Optional<IntOrString> unavailable =
        Optional.ofNullable(strategy)
            .map(t -> t.getRollingUpdate())
            .map(r -> r.getMaxUnavailable());
    // StatefulSets replace one pod at a time unless maxUnavailable says otherwise; they never
    // surge.
    return rolling(
        type,
        new Budget(unavailable, "1", false),
        new Budget(Optional.empty(), "0", true),
        replicas,
        Optional.ofNullable(s.getSpec().getMinReadySeconds()));
  }

  /** The roll-out of a workload an operator creates: its kind's defaults, nothing being declared. */
  static RolloutStrategy defaultRollout(String kind, int pods) {
    return switch (kind) {
      case "DaemonSet" ->
          rolling(
              "RollingUpdate",
              new Budget(Optional.empty(), "1", true),
              new Budget(Optional.empty(), "0", true),
              pods,
              Optional.empty());
      case "StatefulSet" ->
          rolling(
              "RollingUpdate",
              new Budget(Optional.empty(), "1", false),
              new Budget(Optional.empty(), "0", true),
              pods,
              Optional.empty());
      default -> deploymentRollout(Optional.empty(), Optional.empty(), pods);
    };
  }

  /** One roll-out budget as written (or its default) and how its percentage rounds. */
  private record Budget(Optional<IntOrString> declared, String fallback, boolean roundUp) {
    String text() {
      return declared
          .map(
              d ->
                  d.getIntVal() != null
                      ? String.valueOf(d.getIntVal())
                      : String.valueOf(d.getStrVal()))
          .orElse(fallback);
    }
  }

  private static RolloutStrategy rolling(
      String type, Budget unavailable, Budget surge, int pods, Optional<Integer> minReady) {
    String u = unavailable.text();
    String s = surge.text();
    int maxUnavailable = resolve(unavailable, pods);
    int maxSurge = resolve(surge, pods);
    int ready = minReady.orElse(0);
    String declared =
        "maxUnavailable=" + u + " maxSurge=" + s + (ready == 0 ? "" : " minReadySeconds=" + ready);
    return new RolloutStrategy(type, maxUnavailable, maxSurge, ready, declared);
  }

  /**
   * An absolute number or a whole percentage of {@code pods} (the reader lets through no other:
   * KubernetesShapes), rounded as the controllers round it.
   */
  private static int resolve(Budget budget, int pods) {
    String value = budget.text();
    if (value.endsWith("%")) {
      double exact = pods * (double) Long.parseLong(value.substring(0, value.length() - 1)) / 100.0;
      return (int) (budget.roundUp() ? Math.ceil(exact) : Math.floor(exact));
    }
    return Integer.parseInt(value);
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static Optional<String> firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return Optional.of(a);
    }
    return b != null && !b.isBlank() ? Optional.of(b) : Optional.empty();
  }
}
