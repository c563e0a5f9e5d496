package io.kubeload.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@link YamlDocuments#surelyString} against snakeyaml's resolver: every scalar it calls a string,
 * the resolver resolves as one.
 */
class SurelyStringTest {

  private static final Resolver RESOLVER = new Resolver();

  private static Tag resolved(String scalar) {
    return RESOLVER.resolve(NodeId.scalar, scalar, true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10m", "128Mi", "25%", "TCP", "name", "/healthz", "1Gi", "-Xmx1g", "5s"})
  void manifestScalarsAreStringsWithoutThePatterns(String scalar) {
    assertThat(YamlDocuments.surelyString(scalar)).isTrue();
    assertThat(resolved(scalar)).isEqualTo(Tag.STR);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8080",
        "0.5",
        "-1",
        "+1",
        "0x1F",
        "0b101",
        "017",
        "1_000",
        "1e5",
        ".inf",
        "-.Inf",
        ".NaN",
        "1:30",
        "2026-12-07",
        "2026-12-07T10:00:00Z",
        "<<",
        "~",
        "!",
        "&",
        "*",
        " ",
        "1.4.2"
      })
  void leavesEveryNumberTimestampAndIndicatorToTheResolver(String scalar) {
    assertThat(YamlDocuments.surelyString(scalar)).isFalse();
  }

  /** The words {@code PlainScalars.common} values before it asks {@code surelyString}. */
  private static final Pattern WORDS =
      Pattern.compile(
          "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL");

  /**
   * Scalars made of the characters the patterns turn on, seeded, less the boolean and null words:
   * never a string that the resolver resolves otherwise.
   */
  @Test
  void neverCallsAStringWhatTheResolverResolvesOtherwise() {
    String alphabet = "0123456789_+-.:eExXbBoOtTzZiInNfFaAyYlLsSuUrR <~!&*/%mMGgk\t";
    Random random = new Random(26);
    int strings = 0;
    for (int i = 0; i < 200_000; i++) {
      int length = 1 + random.nextInt(random.nextBoolean() ? 4 : 24);
      StringBuilder scalar = new StringBuilder();
      for (int c = 0; c < length; c++) {
        scalar.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = scalar.toString();
      if (!WORDS.matcher(s).matches() && YamlDocuments.surelyString(s)) {
        strings++;
        assertThat(resolved(s)).as(s).isEqualTo(Tag.STR);
      }
    }
    assertThat(strings).isGreaterThan(50_000);
  }
}
