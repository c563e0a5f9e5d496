package io.kubeload.model;

import io.kubeload.access.Access;
import io.kubeload.access.AccessSet;
import io.kubeload.access.ClientBehaviour;
import io.kubeload.model.apf.Classifier;
import io.kubeload.model.apf.FlowSchema;
import io.kubeload.workload.PodCount;
import io.kubeload.workload.Workload;
import java.util.List;
import java.util.Objects;
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

  // The record's own equals and hashCode, without method handles (SpelledOutRecordsTest).
  @Override
  public boolean equals(Object other) {
    return other instanceof LoadShape shape
        && pods == shape.pods
        && perNode == shape.perNode
        && Double.compare(nodeShare, shape.nodeShare) == 0
        && Objects.equals(ratio, shape.ratio)
        && isNew == shape.isNew
        && Objects.equals(rolloutType, shape.rolloutType)
        && maxUnavailable == shape.maxUnavailable
        && maxSurge == shape.maxSurge
        && minReadySeconds == shape.minReadySeconds
        && Objects.equals(accesses, shape.accesses)
        && Objects.equals(fallbackLevel, shape.fallbackLevel);
  }

  @Override
  public int hashCode() {
    int hash = Integer.hashCode(pods);
    hash = 31 * hash + Boolean.hashCode(perNode);
    hash = 31 * hash + Double.hashCode(nodeShare);
    hash = 31 * hash + Objects.hashCode(ratio);
    hash = 31 * hash + Boolean.hashCode(isNew);
    hash = 31 * hash + Objects.hashCode(rolloutType);
    hash = 31 * hash + Integer.hashCode(maxUnavailable);
    hash = 31 * hash + Integer.hashCode(maxSurge);
    hash = 31 * hash + Integer.hashCode(minReadySeconds);
    hash = 31 * hash + Objects.hashCode(accesses);
    return 31 * hash + Objects.hashCode(fallbackLevel);
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
      String priorityLevel) {

    // The record's own equals and hashCode, without method handles (SpelledOutRecordsTest).
    @Override
    public boolean equals(Object other) {
      return other instanceof AccessShape shape
          && Objects.equals(resource, shape.resource)
          && scope == shape.scope
          && pattern == shape.pattern
          && Double.compare(periodSeconds, shape.periodSeconds) == 0
          && Objects.equals(ratePerSecond, shape.ratePerSecond)
          && Objects.equals(client, shape.client)
          && Objects.equals(flowSchema, shape.flowSchema)
          && Objects.equals(priorityLevel, shape.priorityLevel);
    }

    @Override
    public int hashCode() {
      int hash = Objects.hashCode(resource);
      hash = 31 * hash + Objects.hashCode(scope);
      hash = 31 * hash + Objects.hashCode(pattern);
      hash = 31 * hash + Double.hashCode(periodSeconds);
      hash = 31 * hash + Objects.hashCode(ratePerSecond);
      hash = 31 * hash + Objects.hashCode(client);
      hash = 31 * hash + Objects.hashCode(flowSchema);
      return 31 * hash + Objects.hashCode(priorityLevel);
    }
  }

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
