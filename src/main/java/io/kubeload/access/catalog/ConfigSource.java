package io.kubeload.access.catalog;

import io.kubeload.yaml.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A component's configuration as found in the manifests: the merged tree of its files, where they
 * are, or why it could not be read.
 *
 * @param tree the merged tree; empty when unread
 * @param files the files read, in order
 * @param problem why it was not read; empty when read
 */
record ConfigSource(Object tree, List<ConfigSource.File> files, String problem) {

  ConfigSource {
    files = List.copyOf(files);
  }

  /** One file: the ConfigMap key it is (named, and as written in {@code origin}), where the key is written, and its text. */
  record File(String origin, String key, SourceLocation location, String text) {}

  /** For entries without configuration. */
  static final ConfigSource NONE =
      new ConfigSource(new LinkedHashMap<String, Object>(), List.of(), "");

  static ConfigSource unread(String problem, List<File> files) {
    return new ConfigSource(new LinkedHashMap<String, Object>(), files, problem);
  }

  boolean read() {
    return problem.isEmpty();
  }

  /** A place in the files: which file, and the line. */
  record Place(File file, SourceLocation location) {}

  /**
   * Where {@code word} is: the ConfigMap key of that name (a flat setting of configmap-keys), else
   * its first appearance in the files (a key, a plugin name); the first file for the empty word.
   */
  Optional<Place> find(String word) {
    String wanted = word.toLowerCase(Locale.ROOT);
    if (wanted.isEmpty()) {
      return files.stream().findFirst().map(f -> new Place(f, f.location()));
    }
    Optional<File> named = files.stream().filter(f -> f.key().equalsIgnoreCase(word)).findFirst();
    if (named.isPresent()) {
      return named.map(f -> new Place(f, f.location()));
    }
    for (File file : files) {
      String[] lines = file.text().split("\\R", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].toLowerCase(Locale.ROOT).contains(wanted)) {
          // A multi-line value is a block scalar: its first line sits below the key.
          return Optional.of(
              new Place(
                  file,
                  lines.length > 1
                      ? file.location().atLine(file.location().line() + 1 + i)
                      : file.location()));
        }
      }
    }
    return Optional.empty();
  }

  Optional<SourceLocation> locate(String word) {
    return find(word).map(Place::location);
  }
}
