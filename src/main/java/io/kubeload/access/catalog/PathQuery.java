package io.kubeload.access.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A path into a configuration tree: keys separated by dots ({@code service.pipelines}), {@code *}
 * for every child, and filters on list items or maps ({@code filters[name=kubernetes]},
 * {@code components[type=k8sattributes,used=true]}, {@code [field~spec\.nodeName]} for a regular
 * expression, {@code [key]} for presence). A key with dots is quoted: {@code 'k8s-logging.parser'}.
 * Filter values compare case-insensitively. Keys under a list apply to each of its items.
 */
final class PathQuery {

  private sealed interface Step permits Key, All, Filter {}

  private record Key(String name) implements Step {}

  private record All() implements Step {}

  /** One test of a filter on a key of the node: that it is there, equals a value, or matches a pattern. */
  private sealed interface Test {
    String key();

    boolean holdsFor(String actual);
  }

  private record Has(String key) implements Test {
    @Override
    public boolean holdsFor(String actual) {
      return true;
    }
  }

  private record Equals(String key, String value) implements Test {
    @Override
    public boolean holdsFor(String actual) {
      return actual.equalsIgnoreCase(value);
    }
  }

  private record Matches(String key, Pattern regex) implements Test {
    @Override
    public boolean holdsFor(String actual) {
      return regex.matcher(actual).find();
    }
  }

  private record Filter(List<Test> tests) implements Step {
    Filter {
      tests = List.copyOf(tests);
    }

    boolean holds(Object node) {
      return tests.stream()
          .allMatch(
              t ->
                  node instanceof Map<?, ?> map
                      && map.get(t.key()) != null
                      && t.holdsFor(String.valueOf(map.get(t.key()))));
    }
  }

  private final String text;
  private final List<Step> steps;

  private PathQuery(String text, List<Step> steps) {
    this.text = text;
    this.steps = List.copyOf(steps);
  }

  /** The path written {@code text}; a malformed one is an {@link IllegalArgumentException}. */
  static PathQuery parse(String text) {
    List<Step> steps = new ArrayList<>();
    if (text.equals(".")) {
      return new PathQuery(text, steps); // the node itself: a forEach item
    }
    int at = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '.') {
        at++;
      } else if (c == '[') {
        int end = text.indexOf(']', at);
        if (end < 0) {
          throw new IllegalArgumentException("path '" + text + "': '[' is never closed");
        }
        steps.add(filter(text, text.substring(at + 1, end)));
        at = end + 1;
      } else if (c == '\'') {
        int end = text.indexOf('\'', at + 1);
        if (end < 0) {
          throw new IllegalArgumentException("path '" + text + "': a quote is never closed");
        }
        steps.add(new Key(text.substring(at + 1, end)));
        at = end + 1;
      } else {
        int end = at;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
          end++;
        }
        String name = text.substring(at, end);
        steps.add(name.equals("*") ? new All() : new Key(name));
        at = end;
      }
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("an empty path");
    }
    return new PathQuery(text, steps);
  }

  private static Filter filter(String path, String body) {
    List<Test> tests = new ArrayList<>();
    for (String part : body.split(",", -1)) {
      String p = part.strip();
      int eq = p.indexOf('=');
      int re = p.indexOf('~');
      if (p.isEmpty()) {
        throw new IllegalArgumentException("path '" + path + "': an empty filter");
      } else if (re > 0 && (eq < 0 || re < eq)) {
        tests.add(
            new Matches(
                p.substring(0, re),
                Pattern.compile(p.substring(re + 1), Pattern.CASE_INSENSITIVE)));
      } else if (eq > 0) {
        tests.add(new Equals(p.substring(0, eq), p.substring(eq + 1).toLowerCase(Locale.ROOT)));
      } else {
        tests.add(new Has(p));
      }
    }
    return new Filter(tests);
  }

  /** The nodes the path reaches from {@code root}, in document order. */
  List<Object> select(Object root) {
    List<Object> nodes = new ArrayList<>();
    if (root != null) {
      nodes.add(root);
    }
    for (Step step : steps) {
      List<Object> next = new ArrayList<>();
      for (Object node : nodes) {
        apply(step, node, next);
      }
      nodes = next;
    }
    return nodes;
  }

  private static void apply(Step step, Object node, List<Object> out) {
    if (step instanceof Key key) {
      if (node instanceof Map<?, ?> map && map.get(key.name()) != null) {
        out.add(map.get(key.name()));
      } else if (node instanceof List<?> list) {
        list.forEach(item -> apply(step, item, out));
      }
    } else if (step instanceof All) {
      if (node instanceof Map<?, ?> map) {
        map.values().stream().filter(v -> v != null).forEach(out::add);
      } else if (node instanceof List<?> list) {
        list.stream().filter(v -> v != null).forEach(out::add);
      }
    } else if (step instanceof Filter filter) {
      if (node instanceof List<?> list) {
        list.stream().filter(filter::holds).forEach(out::add);
      } else if (filter.holds(node)) {
        out.add(node);
      }
    }
  }

  /** The scalar values reached: strings as they are, lists by their items. */
  List<String> values(Object root) {
    List<String> out = new ArrayList<>();
    for (Object node : select(root)) {
      if (node instanceof List<?> list) {
        list.stream()
            .filter(v -> v != null && !(v instanceof Map<?, ?>) && !(v instanceof List<?>))
            .forEach(v -> out.add(String.valueOf(v)));
      } else if (!(node instanceof Map<?, ?>)) {
        out.add(String.valueOf(node));
      }
    }
    return out;
  }

  /** The last key of the path: the word to look for in the file, for pointing at its line. */
  String lastKey() {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i) instanceof Key key) {
        return key.name();
      }
      if (steps.get(i) instanceof Filter filter
          && !filter.tests().isEmpty()
          && filter.tests().get(0) instanceof Equals first) {
        return first.value();
      }
    }
    return "";
  }

  @Override
  public String toString() {
    return text;
  }
}
