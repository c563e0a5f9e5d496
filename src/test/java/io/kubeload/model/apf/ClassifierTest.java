package io.kubeload.model.apf;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.cluster.KubernetesVersion;
import io.kubeload.manifest.Resources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One classifier answers many requests as the configuration classifies each one: over seeded
 * configurations whose schemas name some of the namespaces and accounts asked about (in every place
 * a schema can: subjects, user names with colons, groups, resource rules), and not others.
 */
class ClassifierTest {

  private static final KubernetesVersion VERSION = KubernetesVersion.parse("1.33");
  private static final List<String> NAMED = List.of("a", "b", "a:b", "b:c", "kube-system", "*");
  private static final List<String> UNNAMED = List.of("tenant-1", "tenant-2", "x:y", "c");
  private static final List<String> VERBS = List.of("get", "list", "update", "*");
  private static final List<String> RESOURCES =
      List.of("pods", "configmaps", "leases.coordination.k8s.io", "widgets.example.com");
  private static final List<String> LEVELS =
      List.of("workload-low", "workload-high", "global-default", "leader-election");

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void answersEveryRequestAsTheConfigurationClassifiesIt(long seed) {
    Random random = new Random(seed);
    List<FlowSchema> shipped = new ArrayList<>();
    for (int i = 0; i < 1 + random.nextInt(6); i++) {
      shipped.add(
          new FlowSchema(
              "shipped-" + i,
              random.nextInt(10_000),
              pick(random, LEVELS),
              "ByUser",
              List.of(new FlowSchema.Rule(subjects(random), resourceRules(random))),
              Optional.empty()));
    }
    ApfConfiguration apf = ApfConfiguration.of(VERSION, shipped, List.of());
    Classifier classifier = new Classifier(apf);
    List<String> names = new ArrayList<>(NAMED);
    names.addAll(UNNAMED);
    for (int i = 0; i < 3_000; i++) {
      String namespace = pick(random, names);
      String account = pick(random, names);
      String verb = pick(random, VERBS);
      String resource = pick(random, RESOURCES);
      String target = random.nextInt(4) == 0 ? "" : pick(random, names);

      assertThat(classifier.ofServiceAccount(namespace, account, verb, resource, target))
          .as("%s/%s %s %s in '%s'", namespace, account, verb, resource, target)
          .isEqualTo(
              apf.classify(
                  ApfRequest.fromServiceAccount(
                      namespace,
                      account,
                      verb,
                      Resources.groupOf(resource),
                      Resources.pluralOf(resource),
                      target)));
    }
  }

  private static List<FlowSchema.Subject> subjects(Random random) {
    List<FlowSchema.Subject> out = new ArrayList<>();
    for (int i = 0; i < 1 + random.nextInt(3); i++) {
      out.add(
          switch (random.nextInt(4)) {
            case 0 ->
                new FlowSchema.Subject("ServiceAccount", pick(random, NAMED), pick(random, NAMED));
            case 1 ->
                new FlowSchema.Subject(
                    "User",
                    "system:serviceaccount:" + pick(random, NAMED) + ":" + pick(random, NAMED),
                    "");
            case 2 ->
                new FlowSchema.Subject(
                    "Group", "system:serviceaccounts:" + pick(random, NAMED), "");
            default ->
                new FlowSchema.Subject(
                    "Group",
                    random.nextBoolean() ? "system:serviceaccounts" : "system:authenticated",
                    "");
          });
    }
    return out;
  }

  private static List<FlowSchema.ResourceRule> resourceRules(Random random) {
    Set<String> namespaces = new HashSet<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      namespaces.add(pick(random, NAMED));
    }
    return List.of(
        new FlowSchema.ResourceRule(
            Set.of(pick(random, VERBS)),
            Set.of(random.nextBoolean() ? "*" : ""),
            Set.of(random.nextBoolean() ? "*" : "pods"),
            random.nextBoolean(),
            namespaces));
  }

  private static String pick(Random random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }
}
