package io.kubeload.report;

import io.kubeload.gate.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** One renderer per format over the same verdict. Pure: a verdict in, the report's text out. */
public final class Reports {

  private Reports() {}

  public static String render(Verdict verdict, Format format) {
    StringWriter out = new StringWriter();
    try {
      write(verdict, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return out.toString();
  }

  /**
   * The report written to {@code out}: JSON as it is built, since at a whole repository's size it is
   * larger than the rest of the run keeps; the other formats, a finding or a workload a line, whole.
   */
  public static void write(Verdict verdict, Format format, Writer out) throws IOException {
    switch (format) {
      case TEXT -> out.write(Markup.terminal(TextReport.render(verdict)));
      case JSON -> JsonReport.write(verdict, out);
      case MARKDOWN -> out.write(MarkdownReport.render(verdict));
      case HTML -> out.write(HtmlReport.render(verdict));
      case SARIF -> out.write(SarifReport.render(verdict));
      case JUNIT -> out.write(JunitReport.render(verdict));
      case GITHUB -> out.write(GithubReport.render(verdict));
      case FINDINGS -> out.write(TextReport.findingsOnly(verdict));
    }
  }
}
