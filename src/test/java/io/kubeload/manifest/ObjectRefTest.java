package io.kubeload.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
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

  @ParameterizedTest
  @ValueSource(
      strings = {"web", "Deployment/shop/web/extra", "Deployment//web", "/web", "Deployment/", ""})
  void anythingElseNamesNoObject(String written) {
    assertThat(ObjectRef.parse(written)).isEqualTo(Optional.empty());
  }
}
