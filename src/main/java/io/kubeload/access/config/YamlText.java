package io.kubeload.access.config;

import io.kubeload.yaml.InputException;
import io.kubeload.yaml.YamlDocuments;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** YAML (and JSON) text of a configuration file, read with the manifests' safe, limited reader. */
final class YamlText {

  private YamlText() {}

  /** The first non-empty document; empty for a file with none. */
  static Optional<Object> read(String fileName, String text) throws ConfigException {
    List<YamlDocuments.Document> documents;
    try {
      documents = YamlDocuments.readEmbedded(fileName, text);
    } catch (InputException e) {
      throw new ConfigException(
          e.getMessage()
              .replaceFirst("^" + java.util.regex.Pattern.quote(fileName) + ":", "line "));
    }
    return documents.stream().map(YamlDocuments.Document::value).filter(v -> v != null).findFirst();
  }

  /** The file's tree, normalised, which must be a mapping; {@code notAMapping} says so otherwise. */
  static Map<?, ?> mapping(String fileName, String text, boolean lowerKeys, String notAMapping)
      throws ConfigException {
    return read(fileName, text)
        .map(v -> Trees.normalise(v, lowerKeys))
        .filter(Map.class::isInstance)
        .map(Map.class::cast)
        .orElseThrow(() -> new ConfigException(notAMapping));
  }
}
