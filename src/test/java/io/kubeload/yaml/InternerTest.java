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

  @Test
  void textIsFoundInTheTextOnceMetAndCopiedOutOtherwise() {
    Interner strings = new Interner();
    String text = "name: web\nimage: web\nname: api\n" + "x".repeat(200);
    int image = text.indexOf("image");
    int second = text.indexOf("name", 1);
    int longAt = text.indexOf('x');
    String name = strings.text(text, 0, 4);
    assertThat(name).isEqualTo("name");
    assertThat(strings.text(text, second, second + 4)).isSameAs(name);
    String web = strings.text(text, 6, 9);
    assertThat(web).isEqualTo("web").isSameAs(strings.text(text, image + 7, image + 10));
    assertThat(strings.text(text, second + 6, second + 9)).isEqualTo("api");
    assertThat(strings.intern(new String("web"))).isSameAs(web);
    String longText = strings.text(text, longAt, longAt + 200);
    assertThat(longText)
        .isEqualTo("x".repeat(200))
        .isNotSameAs(strings.text(text, longAt, longAt + 200));
  }

  /** Texts of one hash slot in turn: each is still its own text, whichever the slot holds. */
  @Test
  void textsSharingASlotAreEachTheirOwn() {
    Interner strings = new Interner();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("k").append(i).append(' ');
    }
    String all = text.toString();
    for (int round = 0; round < 2; round++) {
      int at = 0;
      for (int i = 0; i < 20_000; i++) {
        int end = all.indexOf(' ', at);
        assertThat(strings.text(all, at, end)).isEqualTo("k" + i);
        at = end + 1;
      }
    }
  }
}
