package io.kubeload.manifest;

import static io.kubeload.manifest.Binding.BOOLEAN;
import static io.kubeload.manifest.Binding.INTEGER;
import static io.kubeload.manifest.Binding.LONG;
import static io.kubeload.manifest.Binding.STRING;
import static io.kubeload.manifest.Binding.STRINGS;
import static io.kubeload.manifest.Binding.STRING_MAP;
import static io.kubeload.manifest.Binding.listOf;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapEnvSource;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.ConfigMapProjection;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.FileKeySelector;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import io.fabric8.kubernetes.api.model.SecretEnvSource;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecretProjection;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDaemonSet;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;
import io.fabric8.kubernetes.api.model.rbac.AggregationRule;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.kubeload.manifest.Binding.Mismatch;
import io.kubeload.manifest.Binding.Reader;
import io.kubeload.manifest.Binding.Shape;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fields of the fabric8 model that kubeload reads, kind by kind. A field not declared here stays
 * at fabric8's default whatever the manifest says, so reading a new one means declaring it here
 * first; {@code KubernetesShapesTest} checks every declared field against Jackson's own binding.
 */
final class KubernetesShapes {

  private KubernetesShapes() {}

  static final Shape<ObjectMeta> OBJECT_META =
      Shape.of(ObjectMeta::new)
          .with("name", STRING, ObjectMeta::setName)
          .with("generateName", STRING, ObjectMeta::setGenerateName)
          .with("namespace", STRING, ObjectMeta::setNamespace)
          .with("labels", STRING_MAP, ObjectMeta::setLabels)
          .with("annotations", STRING_MAP, ObjectMeta::setAnnotations);

  /** A roll-out budget: a whole number or a percentage. */
  /**
   * A roll-out budget as the API server validates it (ValidatePositiveIntOrPercent): a whole number
   * of at least 0, or a whole percentage ("25%") up to {@code maxPercent}; "NaN%", "-5%" or "2.5%"
   * are rejected there, so they are bad input here.
   */
  private static Reader<IntOrString> rolloutBudget(int maxPercent) {
    String expected =
        "a whole number of at least 0 or a percentage from 0% to "
            + (maxPercent == Integer.MAX_VALUE ? "any whole number" : maxPercent + "%");
    return (value, path) -> {
      if (value == null) {
        return null;
      }
      if (value instanceof Integer n && n >= 0) {
        return new IntOrString(n);
      }
      if (value instanceof String text
          && PERCENT.matcher(text).matches()
          && Long.parseLong(text.substring(0, text.length() - 1)) <= maxPercent) {
        return new IntOrString(text);
      }
      throw new Mismatch(path, expected, value);
    };
  }

  private static final java.util.regex.Pattern PERCENT =
      java.util.regex.Pattern.compile("[0-9]{1,9}%");
  private static final Reader<IntOrString> MAX_UNAVAILABLE = rolloutBudget(100);
  private static final Reader<IntOrString> MAX_SURGE = rolloutBudget(Integer.MAX_VALUE);

  /** A quantity ("1m", "500Mi", 2), written as a string or a number, as the API server decodes one. */
  private static final Reader<Quantity> QUANTITY =
      (value, path) -> {
        if (value == null) {
          return null;
        }
        if (!(value instanceof String || value instanceof Number)) {
          throw new Mismatch(path, "a quantity", value);
        }
        try {
          return new Quantity(String.valueOf(value));
        } catch (IllegalArgumentException e) {
          throw new Mismatch(path, "a quantity", value);
        }
      };

  static final Shape<LabelSelector> LABEL_SELECTOR =
      Shape.of(LabelSelector::new)
          .with("matchLabels", STRING_MAP, LabelSelector::setMatchLabels)
          .with(
              "matchExpressions",
              listOf(
                  Shape.of(LabelSelectorRequirement::new)
                      .with("key", STRING, LabelSelectorRequirement::setKey)
                      .with("operator", STRING, LabelSelectorRequirement::setOperator)
                      .with("values", STRINGS, LabelSelectorRequirement::setValues)),
              LabelSelector::setMatchExpressions);

  // Env and envFrom whole: a change of any reference is a change the baseline diff reports.
  private static final Shape<EnvVarSource> ENV_VAR_SOURCE =
      Shape.of(EnvVarSource::new)
          .with(
              "configMapKeyRef",
              Shape.of(ConfigMapKeySelector::new)
                  .with("name", STRING, ConfigMapKeySelector::setName)
                  .with("key", STRING, ConfigMapKeySelector::setKey)
                  .with("optional", BOOLEAN, ConfigMapKeySelector::setOptional),
              EnvVarSource::setConfigMapKeyRef)
          .with(
              "secretKeyRef",
              Shape.of(SecretKeySelector::new)
                  .with("name", STRING, SecretKeySelector::setName)
                  .with("key", STRING, SecretKeySelector::setKey)
                  .with("optional", BOOLEAN, SecretKeySelector::setOptional),
              EnvVarSource::setSecretKeyRef)
          .with(
              "fieldRef",
              Shape.of(ObjectFieldSelector::new)
                  .with("apiVersion", STRING, ObjectFieldSelector::setApiVersion)
                  .with("fieldPath", STRING, ObjectFieldSelector::setFieldPath),
              EnvVarSource::setFieldRef)
          .with(
              "resourceFieldRef",
              Shape.of(ResourceFieldSelector::new)
                  .with("containerName", STRING, ResourceFieldSelector::setContainerName)
                  .with("resource", STRING, ResourceFieldSelector::setResource)
                  .with("divisor", QUANTITY, ResourceFieldSelector::setDivisor),
              EnvVarSource::setResourceFieldRef)
          .with(
              "fileKeyRef",
              Shape.of(FileKeySelector::new)
                  .with("volumeName", STRING, FileKeySelector::setVolumeName)
                  .with("path", STRING, FileKeySelector::setPath)
                  .with("key", STRING, FileKeySelector::setKey)
                  .with("optional", BOOLEAN, FileKeySelector::setOptional),
              EnvVarSource::setFileKeyRef);

  private static final Shape<Container> CONTAINER =
      Shape.of(Container::new)
          .with("name", STRING, Container::setName)
          .with("image", STRING, Container::setImage)
          .with("command", STRINGS, Container::setCommand)
          .with("args", STRINGS, Container::setArgs)
          .with("restartPolicy", STRING, Container::setRestartPolicy)
          .with(
              "env",
              listOf(
                  Shape.of(EnvVar::new)
                      .with("name", STRING, EnvVar::setName)
                      .with("value", STRING, EnvVar::setValue)
                      .with("valueFrom", ENV_VAR_SOURCE, EnvVar::setValueFrom)),
              Container::setEnv)
          .with(
              "envFrom",
              listOf(
                  Shape.of(EnvFromSource::new)
                      .with("prefix", STRING, EnvFromSource::setPrefix)
                      .with(
                          "configMapRef",
                          Shape.of(ConfigMapEnvSource::new)
                              .with("name", STRING, ConfigMapEnvSource::setName)
                              .with("optional", BOOLEAN, ConfigMapEnvSource::setOptional),
                          EnvFromSource::setConfigMapRef)
                      .with(
                          "secretRef",
                          Shape.of(SecretEnvSource::new)
                              .with("name", STRING, SecretEnvSource::setName)
                              .with("optional", BOOLEAN, SecretEnvSource::setOptional),
                          EnvFromSource::setSecretRef)),
              Container::setEnvFrom)
          .with(
              "volumeMounts",
              listOf(
                  Shape.of(VolumeMount::new)
                      .with("name", STRING, VolumeMount::setName)
                      .with("mountPath", STRING, VolumeMount::setMountPath)
                      .with("subPath", STRING, VolumeMount::setSubPath)),
              Container::setVolumeMounts);

  private static final Shape<Volume> VOLUME =
      Shape.of(Volume::new)
          .with("name", STRING, Volume::setName)
          .with(
              "configMap",
              Shape.of(ConfigMapVolumeSource::new)
                  .with("name", STRING, ConfigMapVolumeSource::setName)
                  .with("optional", BOOLEAN, ConfigMapVolumeSource::setOptional),
              Volume::setConfigMap)
          .with(
              "secret",
              Shape.of(SecretVolumeSource::new)
                  .with("secretName", STRING, SecretVolumeSource::setSecretName)
                  .with("optional", BOOLEAN, SecretVolumeSource::setOptional),
              Volume::setSecret)
          .with(
              "projected",
              Shape.of(ProjectedVolumeSource::new)
                  .with(
                      "sources",
                      listOf(
                          Shape.of(VolumeProjection::new)
                              .with(
                                  "configMap",
                                  Shape.of(ConfigMapProjection::new)
                                      .with("name", STRING, ConfigMapProjection::setName)
                                      .with("optional", BOOLEAN, ConfigMapProjection::setOptional),
                                  VolumeProjection::setConfigMap)
                              .with(
                                  "secret",
                                  Shape.of(SecretProjection::new)
                                      .with("name", STRING, SecretProjection::setName)
                                      .with("optional", BOOLEAN, SecretProjection::setOptional),
                                  VolumeProjection::setSecret)
                              .with(
                                  "serviceAccountToken",
                                  Shape.of(ServiceAccountTokenProjection::new)
                                      .with(
                                          "audience",
                                          STRING,
                                          ServiceAccountTokenProjection::setAudience)
                                      .with(
                                          "expirationSeconds",
                                          LONG,
                                          ServiceAccountTokenProjection::setExpirationSeconds)
                                      .with("path", STRING, ServiceAccountTokenProjection::setPath),
                                  VolumeProjection::setServiceAccountToken)),
                      ProjectedVolumeSource::setSources),
              Volume::setProjected);

  private static final Shape<NodeSelectorRequirement> NODE_SELECTOR_REQUIREMENT =
      Shape.of(NodeSelectorRequirement::new)
          .with("key", STRING, NodeSelectorRequirement::setKey)
          .with("operator", STRING, NodeSelectorRequirement::setOperator)
          .with("values", STRINGS, NodeSelectorRequirement::setValues);

  private static final Shape<Affinity> AFFINITY =
      Shape.of(Affinity::new)
          .with(
              "nodeAffinity",
              Shape.of(NodeAffinity::new)
                  .with(
                      "requiredDuringSchedulingIgnoredDuringExecution",
                      Shape.of(NodeSelector::new)
                          .with(
                              "nodeSelectorTerms",
                              listOf(
                                  Shape.of(NodeSelectorTerm::new)
                                      .with(
                                          "matchExpressions",
                                          listOf(NODE_SELECTOR_REQUIREMENT),
                                          NodeSelectorTerm::setMatchExpressions)
                                      .with(
                                          "matchFields",
                                          listOf(NODE_SELECTOR_REQUIREMENT),
                                          NodeSelectorTerm::setMatchFields)),
                              NodeSelector::setNodeSelectorTerms),
                      NodeAffinity::setRequiredDuringSchedulingIgnoredDuringExecution),
              Affinity::setNodeAffinity);

  private static final Shape<PodSpec> POD_SPEC =
      Shape.of(PodSpec::new)
          .with("containers", listOf(CONTAINER), PodSpec::setContainers)
          .with("initContainers", listOf(CONTAINER), PodSpec::setInitContainers)
          .with("volumes", listOf(VOLUME), PodSpec::setVolumes)
          .with("serviceAccountName", STRING, PodSpec::setServiceAccountName)
          .with("serviceAccount", STRING, PodSpec::setServiceAccount)
          .with("automountServiceAccountToken", BOOLEAN, PodSpec::setAutomountServiceAccountToken)
          .with("hostNetwork", BOOLEAN, PodSpec::setHostNetwork)
          .with("nodeSelector", STRING_MAP, PodSpec::setNodeSelector)
          .with("affinity", AFFINITY, PodSpec::setAffinity)
          .with(
              "tolerations",
              listOf(
                  Shape.of(Toleration::new)
                      .with("key", STRING, Toleration::setKey)
                      .with("operator", STRING, Toleration::setOperator)
                      .with("value", STRING, Toleration::setValue)
                      .with("effect", STRING, Toleration::setEffect)
                      .with("tolerationSeconds", LONG, Toleration::setTolerationSeconds)),
              PodSpec::setTolerations);

  private static final Shape<PodTemplateSpec> POD_TEMPLATE =
      Shape.of(PodTemplateSpec::new)
          .with("metadata", OBJECT_META, PodTemplateSpec::setMetadata)
          .with("spec", POD_SPEC, PodTemplateSpec::setSpec);

  private static final Shape<RollingUpdateDeployment> ROLLING_UPDATE_DEPLOYMENT =
      Shape.of(RollingUpdateDeployment::new)
          .with("maxSurge", MAX_SURGE, RollingUpdateDeployment::setMaxSurge)
          .with("maxUnavailable", MAX_UNAVAILABLE, RollingUpdateDeployment::setMaxUnavailable);

  private static final Shape<DeploymentSpec> DEPLOYMENT_SPEC =
      Shape.of(DeploymentSpec::new)
          .with("replicas", INTEGER, DeploymentSpec::setReplicas)
          .with("minReadySeconds", INTEGER, DeploymentSpec::setMinReadySeconds)
          .with("template", POD_TEMPLATE, DeploymentSpec::setTemplate)
          .with(
              "strategy",
              Shape.of(DeploymentStrategy::new)
                  .with("type", STRING, DeploymentStrategy::setType)
                  .with(
                      "rollingUpdate",
                      ROLLING_UPDATE_DEPLOYMENT,
                      DeploymentStrategy::setRollingUpdate),
              DeploymentSpec::setStrategy);

  private static final Shape<StatefulSetSpec> STATEFUL_SET_SPEC =
      Shape.of(StatefulSetSpec::new)
          .with("replicas", INTEGER, StatefulSetSpec::setReplicas)
          .with("minReadySeconds", INTEGER, StatefulSetSpec::setMinReadySeconds)
          .with("template", POD_TEMPLATE, StatefulSetSpec::setTemplate)
          .with(
              "updateStrategy",
              Shape.of(StatefulSetUpdateStrategy::new)
                  .with("type", STRING, StatefulSetUpdateStrategy::setType)
                  .with(
                      "rollingUpdate",
                      Shape.of(RollingUpdateStatefulSetStrategy::new)
                          .with(
                              "maxUnavailable",
                              MAX_UNAVAILABLE,
                              RollingUpdateStatefulSetStrategy::setMaxUnavailable)
                          .with(
                              "partition", INTEGER, RollingUpdateStatefulSetStrategy::setPartition),
                      StatefulSetUpdateStrategy::setRollingUpdate),
              StatefulSetSpec::setUpdateStrategy);

  private static final Shape<DaemonSetSpec> DAEMON_SET_SPEC =
      Shape.of(DaemonSetSpec::new)
          .with("minReadySeconds", INTEGER, DaemonSetSpec::setMinReadySeconds)
          .with("template", POD_TEMPLATE, DaemonSetSpec::setTemplate)
          .with(
              "updateStrategy",
              Shape.of(DaemonSetUpdateStrategy::new)
                  .with("type", STRING, DaemonSetUpdateStrategy::setType)
                  .with(
                      "rollingUpdate",
                      Shape.of(RollingUpdateDaemonSet::new)
                          .with("maxSurge", MAX_SURGE, RollingUpdateDaemonSet::setMaxSurge)
                          .with(
                              "maxUnavailable",
                              MAX_UNAVAILABLE,
                              RollingUpdateDaemonSet::setMaxUnavailable),
                      DaemonSetUpdateStrategy::setRollingUpdate),
              DaemonSetSpec::setUpdateStrategy);

  private static final Shape<JobSpec> JOB_SPEC =
      Shape.of(JobSpec::new)
          .with("parallelism", INTEGER, JobSpec::setParallelism)
          .with("completions", INTEGER, JobSpec::setCompletions)
          .with("template", POD_TEMPLATE, JobSpec::setTemplate);

  private static final Shape<PolicyRule> POLICY_RULE =
      Shape.of(PolicyRule::new)
          .with("apiGroups", STRINGS, PolicyRule::setApiGroups)
          .with("resources", STRINGS, PolicyRule::setResources)
          .with("resourceNames", STRINGS, PolicyRule::setResourceNames)
          .with("nonResourceURLs", STRINGS, PolicyRule::setNonResourceURLs)
          .with("verbs", STRINGS, PolicyRule::setVerbs);

  private static final Shape<Subject> SUBJECT =
      Shape.of(Subject::new)
          .with("apiGroup", STRING, Subject::setApiGroup)
          .with("kind", STRING, Subject::setKind)
          .with("name", STRING, Subject::setName)
          .with("namespace", STRING, Subject::setNamespace);

  private static final Shape<RoleRef> ROLE_REF =
      Shape.of(RoleRef::new)
          .with("apiGroup", STRING, RoleRef::setApiGroup)
          .with("kind", STRING, RoleRef::setKind)
          .with("name", STRING, RoleRef::setName);

  /** The kinds read through the fabric8 model, keyed by API group and kind. */
  private static final Map<String, Shape<? extends KubernetesResource>> BY_GROUP_KIND =
      Map.ofEntries(
          Map.entry("/Pod", resource(Pod::new).with("spec", POD_SPEC, Pod::setSpec)),
          Map.entry(
              "/ReplicationController",
              resource(ReplicationController::new)
                  .with(
                      "spec",
                      Shape.of(ReplicationControllerSpec::new)
                          .with("replicas", INTEGER, ReplicationControllerSpec::setReplicas)
                          .with(
                              "minReadySeconds",
                              INTEGER,
                              ReplicationControllerSpec::setMinReadySeconds)
                          .with("template", POD_TEMPLATE, ReplicationControllerSpec::setTemplate),
                      ReplicationController::setSpec)),
          Map.entry(
              "/ServiceAccount",
              resource(ServiceAccount::new)
                  .with(
                      "automountServiceAccountToken",
                      BOOLEAN,
                      ServiceAccount::setAutomountServiceAccountToken)),
          Map.entry(
              "/ConfigMap",
              resource(ConfigMap::new)
                  .with("data", STRING_MAP, ConfigMap::setData)
                  .with("binaryData", STRING_MAP, ConfigMap::setBinaryData)
                  .with("immutable", BOOLEAN, ConfigMap::setImmutable)),
          Map.entry(
              "apps/Deployment",
              resource(Deployment::new).with("spec", DEPLOYMENT_SPEC, Deployment::setSpec)),
          Map.entry(
              "apps/StatefulSet",
              resource(StatefulSet::new).with("spec", STATEFUL_SET_SPEC, StatefulSet::setSpec)),
          Map.entry(
              "apps/DaemonSet",
              resource(DaemonSet::new).with("spec", DAEMON_SET_SPEC, DaemonSet::setSpec)),
          Map.entry(
              "apps/ReplicaSet",
              resource(ReplicaSet::new)
                  .with(
                      "spec",
                      Shape.of(ReplicaSetSpec::new)
                          .with("replicas", INTEGER, ReplicaSetSpec::setReplicas)
                          .with("minReadySeconds", INTEGER, ReplicaSetSpec::setMinReadySeconds)
                          .with("template", POD_TEMPLATE, ReplicaSetSpec::setTemplate),
                      ReplicaSet::setSpec)),
          Map.entry("batch/Job", resource(Job::new).with("spec", JOB_SPEC, Job::setSpec)),
          Map.entry(
              "batch/CronJob",
              resource(CronJob::new)
                  .with(
                      "spec",
                      Shape.of(CronJobSpec::new)
                          .with("schedule", STRING, CronJobSpec::setSchedule)
                          .with(
                              "jobTemplate",
                              Shape.of(JobTemplateSpec::new)
                                  .with("metadata", OBJECT_META, JobTemplateSpec::setMetadata)
                                  .with("spec", JOB_SPEC, JobTemplateSpec::setSpec),
                              CronJobSpec::setJobTemplate),
                      CronJob::setSpec)),
          Map.entry(
              "rbac.authorization.k8s.io/Role",
              resource(Role::new).with("rules", listOf(POLICY_RULE), Role::setRules)),
          Map.entry(
              "rbac.authorization.k8s.io/ClusterRole",
              resource(ClusterRole::new)
                  .with("rules", listOf(POLICY_RULE), ClusterRole::setRules)
                  .with(
                      "aggregationRule",
                      Shape.of(AggregationRule::new)
                          .with(
                              "clusterRoleSelectors",
                              listOf(LABEL_SELECTOR),
                              AggregationRule::setClusterRoleSelectors),
                      ClusterRole::setAggregationRule)),
          Map.entry(
              "rbac.authorization.k8s.io/RoleBinding",
              resource(RoleBinding::new)
                  .with("subjects", listOf(SUBJECT), RoleBinding::setSubjects)
                  .with("roleRef", ROLE_REF, RoleBinding::setRoleRef)),
          Map.entry(
              "rbac.authorization.k8s.io/ClusterRoleBinding",
              resource(ClusterRoleBinding::new)
                  .with("subjects", listOf(SUBJECT), ClusterRoleBinding::setSubjects)
                  .with("roleRef", ROLE_REF, ClusterRoleBinding::setRoleRef)));

  /** An object of a kind: its kind is fabric8's default, since the kind chose the shape. */
  private static <T extends HasMetadata> Shape<T> resource(Supplier<T> create) {
    return Shape.of(create)
        .with("apiVersion", STRING, HasMetadata::setApiVersion)
        .with("metadata", OBJECT_META, HasMetadata::setMetadata);
  }

  static Optional<Shape<? extends KubernetesResource>> forKind(String group, String kind) {
    return Optional.ofNullable(BY_GROUP_KIND.get(group + "/" + kind));
  }
}
