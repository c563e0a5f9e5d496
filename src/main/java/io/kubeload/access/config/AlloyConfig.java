package io.kubeload.access.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grafana Alloy (River) configuration as one tree: {@code blocks}, a list of the top-level blocks,
 * each a map with its {@code type} ({@code discovery.kubernetes}), its {@code label}, its attributes
 * and its child blocks as lists under their type ({@code selectors}, {@code namespaces}). An
 * attribute that is a string literal is that string; a list of string literals is a list; any other
 * expression is kept as its source text ({@code "spec.nodeName=" + sys.env("HOSTNAME")}).
 */
final class AlloyConfig {

  private final String text;
  private int at;
  private int line = 1;

  private AlloyConfig(String text) {
    this.text = text;
  }

  /** A block's contents: its attributes and child blocks. */
  private record Body(Map<String, Object> attributes, List<Map<String, Object>> blocks) {

    Body {
      attributes =
          Collections.unmodifiableMap(
              new LinkedHashMap<>(attributes)); // in the file's order, nulls kept
      blocks = List.copyOf(blocks);
    }
  }

  static Object parse(String text) throws ConfigException {
    AlloyConfig parser = new AlloyConfig(text);
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("blocks", new ArrayList<Object>(parser.body(false).blocks()));
    return tree;
  }

  /** Attributes and blocks up to the closing brace (or the end, at the top level). */
  private Body body(boolean nested) throws ConfigException {
    List<Map<String, Object>> blocks = new ArrayList<>();
    Map<String, Object> attributes = new LinkedHashMap<>();
    while (true) {
      skipSpace(true);
      if (at >= text.length()) {
        if (nested) {
          throw ConfigException.atLine(line, "a block is never closed");
        }
        return new Body(attributes, blocks);
      }
      if (text.charAt(at) == '}') {
        if (!nested) {
          throw ConfigException.atLine(line, "'}' closes nothing");
        }
        at++;
        return new Body(attributes, blocks);
      }
      int nameLine = line;
      String name = identifier();
      skipSpace(false);
      if (at < text.length() && text.charAt(at) == '=') {
        at++;
        attributes.put(name, expression());
        continue;
      }
      String label = null;
      if (at < text.length() && text.charAt(at) == '"') {
        label = stringLiteral();
        skipSpace(false);
      }
      if (at >= text.length() || text.charAt(at) != '{') {
        throw ConfigException.atLine(nameLine, "expected '=' or '{' after '" + name + "'");
      }
      at++;
      Body inner = body(true);
      Map<String, Object> block = new LinkedHashMap<>(inner.attributes());
      block.put("type", name);
      if (label != null) {
        block.put("label", label);
      }
      for (Map<String, Object> child : inner.blocks()) {
        @SuppressWarnings("unchecked")
        List<Object> siblings =
            (List<Object>)
                block.computeIfAbsent(String.valueOf(child.get("type")), k -> new ArrayList<>());
        siblings.add(child);
      }
      blocks.add(block);
    }
  }

  private String identifier() throws ConfigException {
    int start = at;
    while (at < text.length()
        && (Character.isLetterOrDigit(text.charAt(at))
            || text.charAt(at) == '_'
            || text.charAt(at) == '.')) {
      at++;
    }
    if (start == at) {
      throw ConfigException.atLine(line, "unexpected '" + text.charAt(at) + "'");
    }
    return text.substring(start, at);
  }

  /** The rest of an attribute: to the end of the line, or further while brackets are open. */
  private Object expression() throws ConfigException {
    skipSpace(false);
    int start = at;
    int depth = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '"' || c == '`') {
        stringLiteral();
        continue;
      }
      if (c == '/'
          && at + 1 < text.length()
          && (text.charAt(at + 1) == '/' || text.charAt(at + 1) == '*')) {
        break;
      }
      if (c == '[' || c == '(' || c == '{') {
        depth++;
      } else if (c == ']' || c == ')' || c == '}') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == '\n') {
        if (depth == 0) {
          break;
        }
        line++;
      } else if (c == ',' && depth == 0) {
        break;
      }
      at++;
    }
    if (at < text.length() && text.charAt(at) == ',') {
      at++;
    }
    return value(text.substring(start, at).strip().replaceAll(",$", "").strip());
  }

  /** A string literal or a list of them as values; anything else as its text. */
  private static Object value(String expression) {
    if (expression.matches("\"(?:[^\"\\\\]|\\\\.)*\"")) {
      return unescape(expression.substring(1, expression.length() - 1));
    }
    if (expression.matches("\\[\\s*(\"(?:[^\"\\\\]|\\\\.)*\"\\s*,?\\s*)*\\]")) {
      List<Object> items = new ArrayList<>();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(expression);
      while (m.find()) {
        items.add(unescape(m.group(1)));
      }
      return items;
    }
    return expression;
  }

  private String stringLiteral() throws ConfigException {
    char quote = text.charAt(at);
    int start = ++at;
    while (at < text.length() && text.charAt(at) != quote) {
      if (text.charAt(at) == '\\' && quote == '"') {
        at++;
      } else if (text.charAt(at) == '\n') {
        line++;
      }
      at++;
    }
    if (at >= text.length()) {
      throw ConfigException.atLine(line, "a string is never closed");
    }
    return text.substring(start, at++);
  }

  private static String unescape(String text) {
    return text.replace("\\\"", "\"").replace("\\\\", "\\");
  }

  /** Skips blanks and comments; newlines too when {@code newlines}. */
  private void skipSpace(boolean newlines) throws ConfigException {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '\n') {
        if (!newlines) {
          return;
        }
        line++;
        at++;
      } else if (Character.isWhitespace(c)) {
        at++;
      } else if (c == '/' && at + 1 < text.length() && text.charAt(at + 1) == '/') {
        while (at < text.length() && text.charAt(at) != '\n') {
          at++;
        }
      } else if (c == '/' && at + 1 < text.length() && text.charAt(at + 1) == '*') {
        int end = text.indexOf("*/", at + 2);
        if (end < 0) {
          throw ConfigException.atLine(line, "a comment is never closed");
        }
        line += (int) text.substring(at, end).chars().filter(ch -> ch == '\n').count();
        at = end + 2;
      } else {
        return;
      }
    }
  }
}
