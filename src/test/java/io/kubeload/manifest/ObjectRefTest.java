package io.kubeload.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectRefTest {

  private static final ObjectRef WEB = new ObjectRef("Deployment", "shop", "web");

  @Test
  void aReferenceWithItsNamespaceMatchesThatObjectWhateverTheCase() {
    ObjectRef written = ObjectRef.parse("deployment/SHOP/web").orElseThrow();

    assertThat(written).isEqualTo(new ObjectRef("deployment", "SHOP", "web"));
    assertThat(written.matches(WEB)).isTrue();
    assertThat(written.matches(new ObjectRef("Deployment", "other", "web"))).isFalse();
    assertThat(written.matches(new ObjectRef("StatefulSet", "shop", "web"))).isFalse();
  }

  @Test
  void aReferenceWithoutANamespaceMatchesTheObjectInAnyNamespace() {
    ObjectRef written = ObjectRef.parse("Deployment/Web").orElseThrow();

    assertThat(written.namespace()).isEmpty();
    assertThat(written.matches(WEB)).isTrue();
    assertThat(written.matches(new ObjectRef("Deployment", "other", "web"))).isTrue();
    assertThat(written.matches(new ObjectRef("ClusterRole", "", "web"))).isFalse();
  }

  @Test
  void whatItPrintsParsesBackToItself() {
    assertThat(ObjectRef.parse(WEB.toString())).contains(WEB);
    ObjectRef clusterScoped = new ObjectRef("ClusterRole", "", "reader");
    assertThat(ObjectRef.parse(clusterScoped.toString())).contains(clusterScoped);
  }

  /** Parts drawn from characters around {@code /}, so that prefixes, dashes and dots all meet. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void referencesSortAsTheirPrintedFormsAndHashAsRecords(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      ObjectRef a = randomRef(random);
      ObjectRef b =
          random.nextInt(8) == 0
              ? new ObjectRef(a.kind(), a.namespace(), a.name())
              : randomRef(random);

      assertThat(Integer.signum(a.compareTo(b)))
          .as("%s against %s", a, b)
          .isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
      assertThat(a.equals(b))
          .isEqualTo(
              List.of(a.kind(), a.namespace(), a.name())
                  .equals(List.of(b.kind(), b.namespace(), b.name())));
      assertThat(a.hashCode())
          .isEqualTo(Arrays.hashCode(new Object[] {a.kind(), a.namespace(), a.name()}) - 29791);
    }
  }

  private static ObjectRef randomRef(Random random) {
    return new ObjectRef(
        randomPart(random, 1),
        random.nextBoolean() ? "" : randomPart(random, 1),
        randomPart(random, 0));
  }

  private static String randomPart(Random random, int least) {
    String alphabet = "ab-./0Aé";
    StringBuilder out = new StringBuilder();
    for (int n = least + random.nextInt(4); n > 0; n--) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"web", "Deployment/shop/web/extra", "Deployment//web", "/web", "Deployment/", ""})
  void anythingElseNamesNoObject(String written) {
    assertThat(ObjectRef.parse(written)).isEqualTo(Optional.empty());
  }
}
