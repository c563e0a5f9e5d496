package io.kubeload.access.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The components kubeload knows, read from the YAML resources listed in {@code index.txt} beside
 * this class. A broken entry is a kubeload bug, so it fails loudly, naming file and line.
 *
 * <p>An analysis reads only the entries whose image patterns can match a container's image: the
 * build writes each entry's patterns to {@code images.txt} beside the entries ({@link #imageIndex},
 * from the entries themselves), and the other entries' YAML is never parsed (docs/performance.md,
 * "A typical release: start-up").
 */
public final class Catalog {

  /** The resource the build writes with {@link #imageIndex}. */
  public static final String IMAGE_INDEX = "images.txt";

  private static List<CatalogEntry> entries;
  private static Map<String, List<String>> imagesByFile;
  private static final Map<String, CatalogEntry> READ = new HashMap<>();

  private Catalog() {}

  /** Every entry, by name; read on first use (not in a static initialiser, so a broken entry is an exception). */
  public static synchronized List<CatalogEntry> entries() {
    if (entries == null) {
      entries = load();
    }
    return entries;
  }

  /**
   * The entries with an image pattern that matches {@code repository}, the only ones that can
   * recognise a container of that image; in no particular order.
   */
  public static List<CatalogEntry> candidates(String repository) {
    // Matched outside the lock, which only the index's first read and the entries' parsing need:
    // inference runs side by side over a repository's workloads, and every one of them asks.
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : imagesByFile().entrySet()) {
      for (String pattern : entry.getValue()) {
        if (Globs.matchesRepository(pattern, repository)) {
          files.add(entry.getKey());
          break;
        }
      }
    }
    if (files.isEmpty()) {
      return new ArrayList<>();
    }
    synchronized (Catalog.class) {
      List<CatalogEntry> out = new ArrayList<>();
      files.forEach(file -> out.add(read(file)));
      return out;
    }
  }

  private static synchronized Map<String, List<String>> imagesByFile() {
    if (imagesByFile == null) {
      imagesByFile = parseImageIndex(new String(bytes(IMAGE_INDEX), StandardCharsets.UTF_8));
    }
    return imagesByFile;
  }

  /** Each entry's file and image patterns, a line each, as {@link #candidates} reads them. */
  public static String imageIndex() {
    StringBuilder out = new StringBuilder();
    for (CatalogEntry entry : entries()) {
      out.append(entry.file());
      for (String pattern : entry.recognition().images()) {
        if (pattern.isEmpty() || pattern.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalStateException(
              "catalog entry " + entry.file() + ": image pattern '" + pattern + "' is not a word");
        }
        out.append(' ').append(pattern);
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static Map<String, List<String>> parseImageIndex(String text) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String line : text.lines().toList()) {
      List<String> words = List.of(line.split(" ", -1));
      out.put(words.get(0), words.subList(1, words.size()));
    }
    return out;
  }

  public static Optional<CatalogEntry> find(String name) {
    return entries().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The entry's YAML as shipped, comments and sources included. */
  public static String text(CatalogEntry entry) {
    return new String(bytes(entry.file()), StandardCharsets.UTF_8);
  }

  private static List<CatalogEntry> load() {
    List<CatalogEntry> out = new ArrayList<>();
    for (String line : new String(bytes("index.txt"), StandardCharsets.UTF_8).split("\\R", -1)) {
      String file = line.strip();
      if (file.isEmpty() || file.startsWith("#")) {
        continue;
      }
      out.add(read(file));
    }
    out.sort(Comparator.comparing(CatalogEntry::name));
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).name().equals(out.get(i - 1).name())) {
        throw new IllegalStateException("two catalog entries are named " + out.get(i).name());
      }
    }
    return List.copyOf(out);
  }

  /** One entry, parsed once whichever of {@link #entries} and {@link #candidates} asks first. */
  private static CatalogEntry read(String file) {
    return READ.computeIfAbsent(
        file,
        f -> {
          try {
            return EntryReader.read(f, bytes(f));
          } catch (RuntimeException e) {
            throw new IllegalStateException("catalog entry " + e.getMessage(), e);
          }
        });
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "catalog resource " + resource + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
