package io.kubeload.access.config;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one configuration file in its language. It never throws: a file it cannot read gives the
 * reason, in one line, for a "could not read" note.
 */
public final class ConfigParser {

  private static final TomlMapper TOML = new TomlMapper();

  /** The tree of a file, or why there is none. */
  public record Parsed(Optional<Object> tree, String problem) {
    static Parsed of(Object tree) {
      return new Parsed(Optional.of(tree == null ? new LinkedHashMap<String, Object>() : tree), "");
    }

    static Parsed unreadable(String problem) {
      return new Parsed(Optional.empty(), problem);
    }
  }

  private ConfigParser() {}

  public static Parsed parse(ConfigLanguage language, String fileName, String text) {
    try {
      return Parsed.of(tree(language, fileName, text));
    } catch (ConfigException e) {
      return Parsed.unreadable(e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // A parser bug or a pathological file must not stop the analysis: the catalog's defaults
      // apply.
      return Parsed.unreadable("unexpected content (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** A ConfigMap's keys as flat settings. */
  public static Parsed keys(Map<String, String> data) {
    return Parsed.of(new LinkedHashMap<String, Object>(data));
  }

  private static Object tree(ConfigLanguage language, String fileName, String text)
      throws ConfigException {
    return switch (language) {
      case FLUENT_BIT -> FluentBitConfig.parse(fileName, text);
      case FLUENTD -> FluentdConfig.parse(text);
      case YAML -> yaml(fileName, text);
      case TOML -> toml(text);
      case BY_EXTENSION ->
          fileName.toLowerCase(Locale.ROOT).endsWith(".toml") ? toml(text) : yaml(fileName, text);
      case ALLOY -> AlloyConfig.parse(text);
      case OTEL_COLLECTOR -> OtelCollectorConfig.parse(fileName, text);
      case COREFILE -> Corefile.parse(text);
      case CONFIGMAP_KEYS ->
          throw new ConfigException(
              "flat settings are read from a ConfigMap's keys, not from one file");
    };
  }

  /** An empty file is an empty mapping: every setting at its default. */
  private static Object yaml(String fileName, String text) throws ConfigException {
    return YamlText.read(fileName, text)
        .map(v -> Trees.normalise(v, false))
        .orElseGet(LinkedHashMap::new);
  }

  private static Object toml(String text) throws ConfigException {
    try {
      return Trees.normalise(TOML.readValue(text, Map.class), false);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ConfigException(
          "invalid TOML: "
              + e.getOriginalMessage()
              + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
  }
}
