package io.kubeload.cluster.metrics;

import io.kubeload.yaml.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Prometheus text exposition format (version 0.0.4), as {@code kubectl get --raw /metrics}
 * saves it: {@code # HELP} and {@code # TYPE} lines, and samples {@code name{label="value",...} value
 * [timestamp]}. Anything else is an error naming the file and line.
 */
public final class PrometheusText {

  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped");

  private final String file;
  private final String text;
  private int pos;
  private int line;

  private PrometheusText(String file, String text) {
    this.file = file;
    this.text = text;
  }

  public static List<Sample> parse(String file, String text) {
    return new PrometheusText(file, text).samples();
  }

  private List<Sample> samples() {
    List<Sample> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      line = i + 1;
      String current =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String trimmed = current.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.startsWith("#")) {
        checkComment(trimmed);
        continue;
      }
      out.add(sample(current));
    }
    return out;
  }

  /** HELP and TYPE lines must be well formed; other comments are free text. */
  private void checkComment(String comment) {
    String[] parts = comment.substring(1).strip().split("\\s+", 3);
    if (parts[0].equals("TYPE")) {
      if (parts.length != 3 || !validName(parts[1]) || !TYPES.contains(parts[2].strip())) {
        throw error(
            "malformed # TYPE line (expected # TYPE name counter|gauge|histogram|summary|untyped)");
      }
    } else if (parts[0].equals("HELP") && (parts.length < 2 || !validName(parts[1]))) {
      throw error("malformed # HELP line (expected # HELP name text)");
    }
  }

  private Sample sample(String source) {
    pos = 0;
    skipBlanks(source);
    int start = pos;
    while (pos < source.length() && nameChar(source.charAt(pos), pos == start)) {
      pos++;
    }
    String name = source.substring(start, pos);
    if (name.isEmpty()) {
      throw error("expected a metric name, found '" + abbreviate(source) + "'");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    skipBlanks(source);
    if (pos < source.length() && source.charAt(pos) == '{') {
      pos++;
      labels(source, labels);
    }
    skipBlanks(source);
    String[] rest = source.substring(pos).strip().split("[ \\t]+", -1);
    if (rest.length < 1 || rest[0].isEmpty() || rest.length > 2) {
      throw error(name + ": expected a value and an optional timestamp after the labels");
    }
    double value = value(name, rest[0]);
    if (rest.length == 2 && !rest[1].matches("-?\\d+")) {
      throw error(name + ": the timestamp must be whole milliseconds, not '" + rest[1] + "'");
    }
    return new Sample(name, labels, value, line);
  }

  private void labels(String source, Map<String, String> labels) {
    while (true) {
      skipBlanks(source);
      if (pos < source.length() && source.charAt(pos) == '}') {
        pos++;
        return;
      }
      int start = pos;
      while (pos < source.length() && labelChar(source.charAt(pos), pos == start)) {
        pos++;
      }
      String key = source.substring(start, pos);
      skipBlanks(source);
      if (key.isEmpty() || pos >= source.length() || source.charAt(pos) != '=') {
        throw error("expected label=\"value\" in '" + abbreviate(source) + "'");
      }
      pos++;
      skipBlanks(source);
      if (pos >= source.length() || source.charAt(pos) != '"') {
        throw error("label " + key + ": the value must be in double quotes");
      }
      pos++;
      StringBuilder value = new StringBuilder();
      while (true) {
        if (pos >= source.length()) {
          throw error("label " + key + ": unterminated value");
        }
        char c = source.charAt(pos++);
        if (c == '"') {
          break;
        }
        if (c == '\\' && pos < source.length()) {
          char escaped = source.charAt(pos++);
          value.append(
              switch (escaped) {
                case 'n' -> '\n';
                case '\\' -> '\\';
                case '"' -> '"';
                default -> throw error("label " + key + ": unknown escape \\" + escaped);
              });
        } else {
          value.append(c);
        }
      }
      if (labels.put(key, value.toString()) != null) {
        throw error("label " + key + " given twice");
      }
      skipBlanks(source);
      if (pos < source.length() && source.charAt(pos) == ',') {
        pos++;
      } else if (pos >= source.length() || source.charAt(pos) != '}') {
        throw error("expected , or } after label " + key);
      }
    }
  }

  private double value(String name, String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        if (!text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
          throw error(name + ": not a number: '" + text + "'");
        }
        yield Double.parseDouble(text);
      }
    };
  }

  private void skipBlanks(String source) {
    while (pos < source.length() && (source.charAt(pos) == ' ' || source.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private static boolean validName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!nameChar(name.charAt(i), i == 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean nameChar(char c, boolean first) {
    return c == '_'
        || c == ':'
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (!first && c >= '0' && c <= '9');
  }

  private static boolean labelChar(char c, boolean first) {
    return c != ':' && nameChar(c, first);
  }

  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private InputException error(String problem) {
    return new InputException(file, line, "not Prometheus text format: " + problem);
  }
}
