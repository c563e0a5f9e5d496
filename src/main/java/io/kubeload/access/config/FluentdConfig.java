package io.kubeload.access.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * fluentd configuration as one tree: the lists {@code sources}, {@code filters} and {@code matches}
 * gathered from every level ({@code <label>} sections are flattened), each item a map of its
 * parameters with {@code @type} and {@code @id} written {@code type} and {@code id}, its directive
 * argument as {@code pattern}, and nested directives ({@code <parse>}) as lists under their name.
 */
final class FluentdConfig {

  private FluentdConfig() {}

  /** A directive still open; its body fills as the parser reads the lines up to its close, so it is not copied. */
  private record Open(String name, int line, Map<String, Object> body) {}

  static Object parse(String text) throws ConfigException {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("sources", new ArrayList<>());
    tree.put("filters", new ArrayList<>());
    tree.put("matches", new ArrayList<>());
    Deque<Open> open = new ArrayDeque<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("@include")) {
        continue;
      }
      if (line.startsWith("</")) {
        String name =
            line.substring(2, line.endsWith(">") ? line.length() - 1 : line.length()).strip();
        if (open.isEmpty() || !open.peek().name().equals(name)) {
          throw ConfigException.atLine(
              i + 1,
              "</"
                  + name
                  + "> closes nothing"
                  + (open.isEmpty()
                      ? ""
                      : " (open: <"
                          + open.peek().name()
                          + "> from line "
                          + open.peek().line()
                          + ")"));
        }
        close(open.pop(), open, tree);
        continue;
      }
      if (line.startsWith("<")) {
        if (!line.endsWith(">")) {
          throw ConfigException.atLine(i + 1, "a directive must end with '>'");
        }
        String[] head = line.substring(1, line.length() - 1).strip().split("\\s+", 2);
        Map<String, Object> body = new LinkedHashMap<>();
        if (head.length > 1) {
          body.put("pattern", head[1].strip());
        }
        open.push(new Open(head[0], i + 1, body));
        continue;
      }
      if (open.isEmpty()) {
        throw ConfigException.atLine(i + 1, "a setting outside any directive");
      }
      String[] keyValue = line.split("\\s+", 2);
      String key = keyValue[0].startsWith("@") ? keyValue[0].substring(1) : keyValue[0];
      open.peek().body().put(key, keyValue.length > 1 ? unquote(keyValue[1].strip()) : "");
    }
    if (!open.isEmpty()) {
      throw ConfigException.atLine(
          open.peek().line(), "<" + open.peek().name() + "> is never closed");
    }
    return tree;
  }

  @SuppressWarnings("unchecked")
  private static void close(Open directive, Deque<Open> open, Map<String, Object> tree) {
    String list =
        switch (directive.name()) {
          case "source" -> "sources";
          case "filter" -> "filters";
          case "match" -> "matches";
          default -> null;
        };
    if (list != null) {
      ((List<Object>) tree.get(list)).add(directive.body());
    } else if (!directive.name().equals("label") && !open.isEmpty()) {
      ((List<Object>) open.peek().body().computeIfAbsent(directive.name(), k -> new ArrayList<>()))
          .add(directive.body());
    }
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && ((value.startsWith("\"") && value.endsWith("\""))
            || (value.startsWith("'") && value.endsWith("'")))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
