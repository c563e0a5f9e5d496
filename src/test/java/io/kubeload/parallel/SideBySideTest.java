package io.kubeload.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Side by side gives what one by one gives: the results in order, the first item's error first. */
class SideBySideTest {

  private static final List<Integer> ITEMS =
      IntStream.range(0, SideBySide.FROM * 3).boxed().toList();

  @Test
  void resultsComeBackInTheItemsOrder() {
    assertThat(SideBySide.map(ITEMS, i -> "item " + i))
        .isEqualTo(ITEMS.stream().map(i -> "item " + i).toList());
  }

  @Test
  void ofSeveralErrorsTheFirstItemsIsThrown() {
    assertThatThrownBy(
            () ->
                SideBySide.map(
                    ITEMS,
                    i -> {
                      if (i == 2_900 || i == 700 || i == 1_800) {
                        throw new IllegalArgumentException("item " + i);
                      }
                      return i;
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item 700");
  }
}
