package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Figures beside their budgets show enough digits to tell which side they are on. */
class UnitsTest {

  @Test
  void bytesJustOverTheirBudgetAreNotWrittenAsTheBudget() {
    assertThat(Units.bytesBeside(1.0004e9, 1e9)).isEqualTo(new Units.Beside("1.0004 GB", "1 GB"));
    assertThat(Units.bytesBeside(999_600_000, 1e9)).isEqualTo(new Units.Beside("999.6 MB", "1 GB"));
    assertThat(Units.bytes(999_600_000)).as("rounded up into the next unit").isEqualTo("1 GB");
    assertThat(Units.bytesBeside(2.95e9, 1e9))
        .as("far from the line: three digits")
        .isEqualTo(new Units.Beside("2.95 GB", "1 GB"));
  }

  @Test
  void sharesJustOverTheirBudgetAreNotWrittenAsTheBudget() {
    assertThat(Units.percentBeside(1.0002, 1.0)).isEqualTo(new Units.Beside("100.02%", "100%"));
    assertThat(Units.percentBeside(1.09, 1.0)).isEqualTo(new Units.Beside("109%", "100%"));
  }
}
