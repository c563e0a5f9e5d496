package io.kubeload.model;

import io.kubeload.access.Access;
import io.kubeload.access.AccessSet;
import io.kubeload.access.ClientBehaviour;
import io.kubeload.model.apf.Classifier;
import io.kubeload.model.apf.FlowSchema;
import io.kubeload.workload.PodCount;
import io.kubeload.workload.Workload;
import java.util.List;
import java.util.Optional;

/**
 * What the load model reads of an access set to work out its figures, and nothing else: names,
 * files and lines only word its messages, and the namespace and ServiceAccount count only through
 * the FlowSchema that classifies each access (and the level of a workload that names none). Two
 * access sets of equal shape project to the same figures at every node count, so a search over node
 * counts (break-even, load curves) runs once per shape rather than once per workload: a repository
 * of releases repeats a few shapes thousands of times. A field {@link LoadModel} starts to read
 * belongs here too ({@code SearchedOncePerShapeTest} holds the law over generated repositories).
 */
public record LoadShape(
    int pods,
    boolean perNode,
    double nodeShare,
    Optional<PodCount.NodeRatio> ratio,
    boolean isNew,
    String rolloutType,
    int maxUnavailable,
    int maxSurge,
    int minReadySeconds,
    List<AccessShape> accesses,
    String fallbackLevel) {

  public LoadShape {
    accesses = List.copyOf(accesses);
  }

  /** One access as the model reads it, with the FlowSchema and level its requests land in. */
  record AccessShape(
      String resource,
      Access.Scope scope,
      Access.Pattern pattern,
      double periodSeconds,
      Optional<Double> ratePerSecond,
      ClientBehaviour client,
      String flowSchema,
      String priorityLevel) {}

  /** The shape of {@code set}, its accesses classified by the projection's {@code classifier}. */
  public static LoadShape of(AccessSet set, Classifier classifier) {
    Workload workload = set.workload();
    PodCount pods = workload.pods();
    List<AccessShape> accesses =
        set.accesses().stream()
            .map(
                a -> {
                  FlowSchema schema = LoadModel.flowSchemaOf(a, workload, classifier);
                  return new AccessShape(
                      a.resource(),
                      a.scope(),
                      a.pattern(),
                      a.periodSeconds(),
                      a.ratePerSecond(),
                      a.client(),
                      schema.name(),
                      schema.priorityLevel());
                })
            .toList();
    double share = pods instanceof PodCount.PerNode perNode ? perNode.share() : 0;
    Optional<PodCount.NodeRatio> ratio =
        pods instanceof PodCount.Proportional p ? Optional.of(p.ratio()) : Optional.empty();
    return new LoadShape(
        pods.count(),
        pods.perNode(),
        share,
        ratio,
        workload.isNew(),
        workload.rollout().type(),
        workload.rollout().maxUnavailable(),
        workload.rollout().maxSurge(),
        workload.rollout().minReadySeconds(),
        accesses,
        LoadModel.defaultFlowSchema(workload, classifier).priorityLevel());
  }
}
