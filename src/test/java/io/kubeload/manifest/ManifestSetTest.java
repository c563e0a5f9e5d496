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
