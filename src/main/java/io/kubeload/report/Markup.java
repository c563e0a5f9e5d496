package io.kubeload.report;

/** Escaping for the markup formats: text from manifests never becomes markup. */
final class Markup {

  private Markup() {}

  /** Text for HTML and XML content and quoted attribute values; control characters XML forbids dropped. */
  static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

  /** Text for a Markdown table cell or list item: HTML escaped (code hosts render it), backslashes, pipes and emphasis escaped, line breaks kept out. */
  static String markdown(String text) {
    return xml(text).replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>")
        .replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("[", "\\[");
  }
}
