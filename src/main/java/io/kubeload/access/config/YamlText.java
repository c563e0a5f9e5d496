package io.kubeload.access.config;

import io.kubeload.yaml.InputException;
import io.kubeload.yaml.YamlDocuments;
import java.util.List;

/** YAML (and JSON) text of a configuration file, read with the manifests' safe, limited reader. */
final class YamlText {

  private YamlText() {}

  /** The first non-empty document, or null for an empty file. */
  static Object read(String fileName, String text) throws ConfigException {
    List<YamlDocuments.Document> documents;
    try {
      documents = YamlDocuments.readEmbedded(fileName, text);
    } catch (InputException e) {
      throw new ConfigException(e.getMessage().replaceFirst("^" + java.util.regex.Pattern.quote(fileName) + ":", "line "));
    }
    return documents.stream().map(YamlDocuments.Document::value).filter(v -> v != null).findFirst().orElse(null);
  }
}
