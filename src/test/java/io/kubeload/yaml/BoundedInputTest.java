package io.kubeload.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An input read whole within its budget, whatever size it was expected to have. */
class BoundedInputTest {

  private static final byte[] INPUT = bytes(1000);

  private static byte[] bytes(int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) ('a' + i % 26);
    }
    return out;
  }

  /** Expected as it is, shorter (a file that grew since), longer (one that shrank), or unknown. */
  @ParameterizedTest
  @ValueSource(longs = {1000, 10, 999, 1001, 5000, 0})
  void readsTheWholeInputWhateverItsExpectedSize(long expected) {
    byte[] read =
        BoundedInput.read(
            "f.yaml", new ByteArrayInputStream(INPUT), 1000, InputLimits.DEFAULT, expected);
    assertThat(read).isEqualTo(INPUT);
  }

  @ParameterizedTest
  @ValueSource(longs = {999, 1000, 0})
  void oneBytePastTheBudgetIsTheLimitReached(long expected) {
    assertThatThrownBy(
            () ->
                BoundedInput.read(
                    "f.yaml", new ByteArrayInputStream(INPUT), 999, InputLimits.DEFAULT, expected))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("f.yaml: more bytes than one run reads");
  }

  @Test
  void anEmptyInputIsEmpty() {
    assertThat(
            BoundedInput.read(
                "f.yaml", new ByteArrayInputStream(new byte[0]), 10, InputLimits.DEFAULT, 10))
        .isEmpty();
  }
}
