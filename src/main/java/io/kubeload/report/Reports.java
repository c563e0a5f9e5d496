package io.kubeload.report;

import io.kubeload.gate.Verdict;

/** One renderer per format over the same verdict. Pure: a verdict in, the report's text out. */
public final class Reports {

  private Reports() {}

  public static String render(Verdict verdict, Format format) {
    return switch (format) {
      case TEXT -> Markup.terminal(TextReport.render(verdict));
      case JSON -> JsonReport.render(verdict);
      case MARKDOWN -> MarkdownReport.render(verdict);
      case HTML -> HtmlReport.render(verdict);
      case SARIF -> SarifReport.render(verdict);
      case JUNIT -> JunitReport.render(verdict);
      case GITHUB -> GithubReport.render(verdict);
      case FINDINGS -> TextReport.findingsOnly(verdict);
    };
  }
}
