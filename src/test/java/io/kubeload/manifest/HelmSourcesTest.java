package io.kubeload.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelmSourcesTest {

  @Test
  void aSourceCommentAtTheStartOfALineNamesTheNextDocumentsTemplate() {
    HelmSources sources = new HelmSources("---\n# Source: chart/templates/a.yaml\nkind: A\n---\n#Source:   chart/templates/b.yaml  \nkind: B\n");

    assertThat(sources.templateFor(3, 0)).contains("chart/templates/a.yaml");
    assertThat(sources.templateFor(6, 4)).contains("chart/templates/b.yaml");
  }

  @Test
  void aSourceCommentElsewhereOnALineIsData() {
    HelmSources sources = new HelmSources("---\nkind: A # Source: chart/templates/a.yaml\n  # Source: chart/templates/b.yaml\nkind: B\n");

    assertThat(sources.templateFor(2, 0)).isEmpty();
    assertThat(sources.templateFor(4, 0)).isEmpty();
  }

  @Test
  void linesAfterACarriageReturnAndSeveralHashesInARowAreRead() {
    HelmSources sources = new HelmSources("kind: X\r# Source: chart/templates/cr.yaml\n## note\n# Source: chart/templates/c.yaml\nkind: C\n");

    assertThat(sources.templateFor(4, 0)).contains("chart/templates/c.yaml");
    assertThat(sources.templateFor(3, 0)).contains("chart/templates/cr.yaml");
  }

  @Test
  void aSourceWrittenBeforeThePreviousDocumentEndedBelongsToThatDocument() {
    HelmSources sources = new HelmSources("# Source: chart/templates/a.yaml\nkind: A\n---\nkind: B\n");

    assertThat(sources.templateFor(4, 3)).isEmpty();
  }
}
