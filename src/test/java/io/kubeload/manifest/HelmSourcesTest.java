package io.kubeload.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HelmSourcesTest {

  private static final String RELEASE =
      "---\n# Source: chart/templates/a.yaml\nkind: A\n---\n#Source:   chart/templates/b.yaml  \nkind: B\n";

  private static Optional<String> template(String text, int line, int previousDocumentEnd) {
    return new HelmSources(text).templateFor(line, previousDocumentEnd);
  }

  @Test
  void aSourceCommentAtTheStartOfALineNamesTheNextDocumentsTemplate() {
    assertThat(template(RELEASE, 3, 0)).contains("chart/templates/a.yaml");
    assertThat(template(RELEASE, 6, 4)).contains("chart/templates/b.yaml");
  }

  @Test
  void aSourceCommentElsewhereOnALineIsData() {
    String text =
        "---\nkind: A # Source: chart/templates/a.yaml\n  # Source: chart/templates/b.yaml\nkind: B\n";

    assertThat(template(text, 2, 0)).isEmpty();
    assertThat(template(text, 4, 0)).isEmpty();
  }

  @Test
  void linesAfterACarriageReturnAndSeveralHashesInARowAreRead() {
    String text =
        "kind: X\r# Source: chart/templates/cr.yaml\n## note\n# Source: chart/templates/c.yaml\nkind: C\n";

    assertThat(template(text, 4, 0)).contains("chart/templates/c.yaml");
    assertThat(template(text, 3, 0)).contains("chart/templates/cr.yaml");
  }

  @Test
  void aSourceWrittenBeforeThePreviousDocumentEndedBelongsToThatDocument() {
    assertThat(template("# Source: chart/templates/a.yaml\nkind: A\n---\nkind: B\n", 4, 3))
        .isEmpty();
  }

  @Test
  void everyLineTerminatorStartsALineAndLinesAreCountedByNewlines() {
    String lineSeparator = "kind: X\u2028# Source: chart/templates/ls.yaml\n\n";
    String nextLine = "kind: Y\u0085#Source: chart/templates/nel.yaml\nkind: Y\n";
    String text = lineSeparator + nextLine + "#x# Source: chart/templates/not.yaml\nkind: Z\n";

    assertThat(template(text, 2, 0)).contains("chart/templates/ls.yaml");
    assertThat(template(text, 4, 0)).contains("chart/templates/nel.yaml");
    assertThat(template(text, 6, 0)).contains("chart/templates/nel.yaml");
  }
}
