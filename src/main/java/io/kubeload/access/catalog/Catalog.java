package io.kubeload.access.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The components kubeload knows, read once from the YAML resources listed in {@code index.txt}
 * beside this class. A broken entry is a kubeload bug, so it fails loudly, naming file and line.
 */
public final class Catalog {

  private static List<CatalogEntry> entries;

  private Catalog() {}

  /** Every entry, by name; read on first use (not in a static initialiser, so a broken entry is an exception). */
  public static synchronized List<CatalogEntry> entries() {
    if (entries == null) {
      entries = load();
    }
    return entries;
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
      try {
        out.add(EntryReader.read(file, bytes(file)));
      } catch (RuntimeException e) {
        throw new IllegalStateException("catalog entry " + e.getMessage(), e);
      }
    }
    out.sort(Comparator.comparing(CatalogEntry::name));
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).name().equals(out.get(i - 1).name())) {
        throw new IllegalStateException("two catalog entries are named " + out.get(i).name());
      }
    }
    return List.copyOf(out);
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
