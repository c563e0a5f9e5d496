package io.kubeload.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The field and item paths the interner hands out: written as before, one copy of each. */
class InternerTest {

  @Test
  void fieldAndItemPathsAreTheirTextsOneCopyEach() {
    Interner strings = new Interner();
    String spec = strings.field("", "spec");
    String containers = strings.field(spec, "containers");
    String first = strings.item(containers, 0);
    assertThat(containers).isEqualTo("spec.containers");
    assertThat(first).isEqualTo("spec.containers[0]");
    assertThat(strings.field(first, "image")).isEqualTo("spec.containers[0].image");
    assertThat(strings.field(new String("spec"), new String("containers"))).isSameAs(containers);
    assertThat(strings.item(new String("spec.containers"), 0)).isSameAs(first);
    assertThat(strings.intern(new String("spec.containers[0]"))).isSameAs(first);
  }

  @Test
  void pathsLongerThanTheInternedAreWrittenOutEachTime() {
    Interner strings = new Interner();
    String longPath = "a".repeat(Interner.MAX_LENGTH);
    String key = strings.field(longPath, "b");
    assertThat(key).isEqualTo(longPath + ".b");
    assertThat(strings.field(longPath, "b")).isEqualTo(key).isNotSameAs(key);
    assertThat(strings.item(longPath, 3)).isEqualTo(longPath + "[3]");
  }
}
