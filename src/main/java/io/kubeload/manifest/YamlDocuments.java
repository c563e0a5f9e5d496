package io.kubeload.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Splits a YAML stream into documents with the safe constructor only (no arbitrary types), limited
 * aliases and nesting, and the line of every mapping key. Manifests, profiles and policies all read
 * YAML through here.
 */
public final class YamlDocuments {

  /** One YAML document: its value, where it starts and ends, and the line of each key path. */
  public record Document(Object value, int startLine, int endLine, Map<String, Integer> lines) {}

  /** Read limits; a document that exceeds one is an error, never truncated. */
  record Limits(int maxAliases, int maxNestingDepth, int maxCodePoints) {
    // Alias expansion is limited so that a "billion laughs" document cannot exhaust memory.
    static final Limits DEFAULT = new Limits(100, 100, 64 * 1024 * 1024);
  }

  private YamlDocuments() {}

  /** Decodes {@code bytes} as UTF-8 and reads every document; errors name {@code file} and line. */
  public static List<Document> read(String file, byte[] bytes) {
    return read(file, SourceText.decode(file, bytes), Limits.DEFAULT);
  }

  static List<Document> read(String file, String text, Limits limits) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxNestingDepth());
    options.setCodePointLimit(limits.maxCodePoints());
    options.setAllowRecursiveKeys(false);
    Constructor constructor = new Constructor(options);
    Composer composer =
        new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options);
    List<Document> documents = new ArrayList<>();
    try {
      while (composer.checkNode()) {
        Node node = composer.getNode();
        Object value = constructor.construct(node);
        Map<String, Integer> lines = new LinkedHashMap<>();
        indexLines(node, "", lines, 0);
        documents.add(
            new Document(value, node.getStartMark().getLine() + 1, node.getEndMark().getLine() + 1, lines));
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 1 : mark.getLine() + 1;
      throw new InputException(file, line, describe(e, text, line));
    } catch (YAMLException e) {
      throw new InputException(file, 1, "invalid YAML: " + e.getMessage());
    }
    return documents;
  }

  private static String describe(MarkedYAMLException e, String text, int line) {
    String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
    if (lineText(text, line).contains("{{") || lineText(text, line - 1).contains("{{")) {
      return "unrendered Helm template: run `helm template` first (" + problem + ")";
    }
    String context = e.getContext() != null ? e.getContext() + ", " : "";
    return "invalid YAML: " + context + problem;
  }

  static String lineText(String text, int line) {
    if (line < 1) {
      return "";
    }
    int start = 0;
    for (int i = 1; i < line; i++) {
      start = text.indexOf('\n', start);
      if (start < 0) {
        return "";
      }
      start++;
    }
    int end = text.indexOf('\n', start);
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }

  private static void indexLines(Node node, String path, Map<String, Integer> lines, int depth) {
    // Aliased subtrees are indexed once; the depth guard keeps shared nodes from multiplying work.
    if (depth > 64) {
      return;
    }
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
          lines.putIfAbsent(child, key.getStartMark().getLine() + 1);
          indexLines(tuple.getValueNode(), child, lines, depth + 1);
        }
      }
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        String child = path + "[" + i + "]";
        lines.putIfAbsent(child, items.get(i).getStartMark().getLine() + 1);
        indexLines(items.get(i), child, lines, depth + 1);
      }
    }
  }

  /** The safe constructor, opened up to build one composed node at a time. */
  private static final class Constructor extends SafeConstructor {
    Constructor(LoaderOptions options) {
      super(options);
    }

    Object construct(Node node) {
      return constructDocument(node);
    }
  }
}
