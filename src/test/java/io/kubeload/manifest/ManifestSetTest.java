package io.kubeload.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.yaml.InputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ManifestSetTest {

  private static List<Manifest> parse(String file, String yaml) {
    return ManifestParser.parse(file, yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static final String CONFIG_MAPS =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: b, namespace: team}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: a, namespace: team}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a, namespace: team}
      """;

  @Test
  void aRepositorysObjectsAreInTheOrderOfTheirPrintedReferences() {
    // Names with characters that sort before and after '/', cluster-scoped kinds beside namespaced
    // ones: more objects than one thread sorts.
    java.util.Random random = new java.util.Random(11);
    String[] parts = {"a", "a-b", "a.b", "a0", "ab", "b"};
    String[] namespaces = {"a", "a-b", "a0", "ab", "b"};
    List<Manifest> all = new ArrayList<>();
    for (int file = 0; all.size() < 12_000; file++) {
      StringBuilder yaml = new StringBuilder();
      for (int i = 0; i < 100; i++) {
        boolean clusterScoped = random.nextInt(4) == 0;
        yaml.append("---\n")
            .append(
                clusterScoped
                    ? "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole"
                    : "apiVersion: v1\nkind: ConfigMap")
            .append("\nmetadata: {name: ")
            .append(parts[random.nextInt(parts.length)])
            .append(random.nextInt(1000))
            .append(
                clusterScoped
                    ? ""
                    : ", namespace: " + namespaces[random.nextInt(namespaces.length)])
            .append("}\n");
      }
      all.addAll(parse("f" + file + ".yaml", yaml.toString()));
    }
    List<Manifest> expected = new ArrayList<>(all);
    // A reference given twice would be refused: only the first of each is kept.
    java.util.Set<ObjectRef> seen = new java.util.HashSet<>();
    expected.removeIf(m -> !seen.add(m.ref()));
    List<Manifest> kept = new ArrayList<>(expected);
    expected.sort(
        java.util.Comparator.comparing((Manifest m) -> m.ref().toString())
            .thenComparing(m -> m.location().file())
            .thenComparingInt(m -> m.location().line()));
    Collections.shuffle(kept, random);

    assertThat(ManifestSet.of(kept).manifests()).containsExactlyElementsOf(expected);
  }

  @Test
  void findsAnObjectByKindNamespaceAndName() {
    ManifestSet set = ManifestSet.of(parse("a.yaml", CONFIG_MAPS));

    assertThat(set.find("ConfigMap", "team", "a"))
        .get()
        .extracting(m -> m.location().file() + ":" + m.location().line())
        .isEqualTo("a.yaml:9");
    assertThat(set.find("ConfigMap", "other", "a")).isEmpty();
    assertThat(set.find("Secret", "team", "a")).isEmpty();
  }

  @Test
  void anObjectDefinedTwiceIsBadInputNamingBothPlaces() {
    List<Manifest> all = new ArrayList<>(parse("z.yaml", CONFIG_MAPS));
    all.addAll(parse("a.yaml", CONFIG_MAPS));

    assertThatThrownBy(() -> ManifestSet.of(all))
        .isInstanceOf(InputException.class)
        .hasMessage("z.yaml:9: ConfigMap team/a is defined twice: also at a.yaml:9");
  }

  @Test
  void objectsOfOneNameInTwoGroupsAreTwoObjects() {
    String twoGroups =
        """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: a}
        ---
        apiVersion: other.io/v1
        kind: Widget
        metadata: {name: a}
        """;
    assertThat(ManifestSet.of(parse("w.yaml", twoGroups)).manifests()).hasSize(2);
  }

  @Test
  void ofKindListsThatKindOnlyInTheStableOrder() {
    ManifestSet set = ManifestSet.of(parse("x.yaml", CONFIG_MAPS));

    assertThat(set.ofKind("ConfigMap").map(Manifest::name)).containsExactly("a", "b");
    assertThat(set.ofKind("ServiceAccount").map(Manifest::name)).containsExactly("a");
    assertThat(set.ofKind("Deployment")).isEmpty();
  }

  @Test
  void setsOfTheSameObjectsAreEqualWhateverTheReadingOrder() {
    List<Manifest> forward = parse("x.yaml", CONFIG_MAPS);
    List<Manifest> backward = new ArrayList<>(forward);
    Collections.reverse(backward);

    assertThat(ManifestSet.of(backward))
        .isEqualTo(ManifestSet.of(forward))
        .hasSameHashCodeAs(ManifestSet.of(forward));
  }

  /** An index of the set, as a later stage would build one. */
  private record ConfigMapNames(List<String> names) {}

  @Test
  void aDerivedIndexIsBuiltOnceAndSharedByEveryCaller() {
    ManifestSet set = ManifestSet.of(parse("x.yaml", CONFIG_MAPS));
    AtomicInteger builds = new AtomicInteger();
    Function<ManifestSet, ConfigMapNames> build =
        s -> {
          builds.incrementAndGet();
          return new ConfigMapNames(s.ofKind("ConfigMap").map(Manifest::name).toList());
        };

    ConfigMapNames first = set.derived(ConfigMapNames.class, build);
    ConfigMapNames second = set.derived(ConfigMapNames.class, build);

    assertThat(second).isSameAs(first);
    assertThat(first.names()).containsExactly("a", "b");
    assertThat(builds).hasValue(1);
  }
}
