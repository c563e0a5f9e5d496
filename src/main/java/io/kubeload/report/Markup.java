package io.kubeload.report;

/**
 * Escaping, one layer per format: text from manifests never becomes markup, and never a control
 * character on a terminal (a raw escape sequence, a carriage return that overwrites a line).
 */
public final class Markup {

  private Markup() {}

  /**
   * Plain text for a terminal or a log: every control character but the line feed (and the tab) is
   * written visibly, {@code \r} or {@code \x1b}, so no input can move the cursor, clear the screen
   * or rewrite a line already printed.
   */
  public static String terminal(String text) {
    return visible(text, true);
  }

  /** As {@link #terminal}, line feeds too: for one line (an error message, a summary, a code span). */
  public static String oneLine(String text) {
    return visible(text, false);
  }

  private static String visible(String text, boolean keepLines) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control =
          (c < 0x20 && c != '\t' && !(keepLines && c == '\n'))
              || (c >= 0x7f && c <= 0x9f)
              || c == '\u2028'
              || c == '\u2029';
      if (control && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (!control) {
          out.append(c);
        } else if (c == '\n') {
          out.append("\\n");
        } else if (c == '\r') {
          out.append("\\r");
        } else {
          out.append(
              c < 0x100
                  ? String.format(java.util.Locale.ROOT, "\\x%02x", (int) c)
                  : String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Text for HTML inside one element of the Markdown comment that must stay on its line ({@code
   * <summary>}): escaped, no line break, and {@code @} made no mention as in {@link #markdown}. GitHub
   * finds mentions in the rendered text, after entities are decoded, so <code>&amp;#64;</code> would still
   * notify {@code @name}; a word joiner (U+2060, invisible) between the {@code @} and the name does not.
   */
  static String inlineXml(String text) {
    return noMention(xml(oneLine(text)));
  }

  private static String noMention(String text) {
    return text.replace("@", "@\u2060");
  }

  /** Text for HTML and XML content and quoted attribute values; control characters XML forbids dropped. */
  static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
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

  /**
   * Text for a Markdown table cell or list item: HTML escaped (code hosts render it), backslashes,
   * pipes, emphasis and links escaped, line breaks kept out, and {@code @} made no mention (a word
   * joiner after it) so that a name cannot notify anyone from the bot's comment.
   */
  static String markdown(String text) {
    return noMention(
        xml(visible(text.replace("\r\n", "\n"), true))
            .replace("\\", "\\\\")
            .replace("|", "\\|")
            .replace("\n", "<br>")
            .replace("*", "\\*")
            .replace("_", "\\_")
            .replace("`", "\\`")
            .replace("[", "\\["));
  }
}
