package io.kubeload.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void digitsAreTheSameWhateverTheMachinesLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(Numbers.count(61_234)).isEqualTo("61,234");
      assertThat(Numbers.count(-5_000_000)).isEqualTo("-5,000,000");
      assertThat(Numbers.significant(0.0277777, 4)).isEqualTo("0.02778");
      assertThat(Numbers.significant(12.5, 3)).isEqualTo("12.5");
      assertThat(Numbers.significant(12.0, 3)).as("trailing zeros dropped").isEqualTo("12");
      assertThat(Numbers.significant(123_456, 2)).as("never in exponent form").isEqualTo("120000");
      assertThat(Numbers.oneDecimal(2.25)).isEqualTo("2.3");
      assertThat(Numbers.oneDecimal(30)).isEqualTo("30");
      assertThat(Numbers.plain(0.25)).isEqualTo("0.25");
      assertThat(Numbers.plain(30)).isEqualTo("30");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void countsGroupThousandsAsTheRootLocaleFormatDoes() {
    SplittableRandom random = new SplittableRandom(15);
    LongStream edges =
        LongStream.of(
            0, 1, -1, 999, 1_000, -999, -1_000, 999_999, 1_000_000, Long.MAX_VALUE, Long.MIN_VALUE);
    // Every length of digits, either sign: a random value of each magnitude.
    LongStream magnitudes =
        LongStream.range(0, 2_000)
            .map(i -> random.nextLong() >> random.nextInt(64))
            .flatMap(v -> LongStream.of(v, -v));
    LongStream.concat(edges, magnitudes)
        .forEach(
            v ->
                assertThat(Numbers.count(v))
                    .as("%d", v)
                    .isEqualTo(String.format(Locale.ROOT, "%,d", v)));
  }
}
