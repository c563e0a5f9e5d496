package io.kubeload.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.yaml.SourceLocation;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A provenance gives its detail back as it was written, whatever it keeps: texts of arrows, of
 * the control character an arrow is kept as, of Latin-1 and of wider characters, in any mix.
 */
class ProvenanceTest {

  private static final String ALPHABET = "ab -.→\u0085>\u00e9\u0100漢";

  @Test
  void theDetailIsGivenBackAsWritten() {
    for (long seed = 1; seed <= 2_000; seed++) {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      assertGivenBack(text.toString());
    }
  }

  private static void assertGivenBack(String detail) {
    Provenance provenance = provenance(detail);

    assertThat(provenance.detail()).isEqualTo(detail);
    assertThat(provenance.toString()).isEqualTo("rbac: " + detail + " at a.yaml:3");
    assertThat(provenance).isEqualTo(provenance(detail)).hasSameHashCodeAs(provenance(detail));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "RoleBinding web → Role web rules[0]",
        "\u0085>",
        "\u0085\u0085→",
        "→\u0085",
        "漢 \u0085>",
        "x\u0085"
      })
  void textsThatCouldBeTakenForAKeptArrowAreGivenBackAsWritten(String detail) {
    assertGivenBack(detail);
    assertThat(provenance(detail)).isNotEqualTo(provenance(detail + "→"));
  }

  private static Provenance provenance(String detail) {
    return new Provenance(
        Provenance.Source.RBAC, detail, new SourceLocation("a.yaml", 3, Optional.empty()));
  }
}
