package io.kubeload.cli;

import io.kubeload.access.catalog.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A build step, not a command (pom.xml, phase process-classes): writes the catalog's image index
 * into the classes folder, so that an analysis parses only the entries a container's image can
 * match. It reads every entry to do so, which also fails the build on a broken one.
 */
public final class CatalogImageIndex {

  private CatalogImageIndex() {}

  /** Writes the index into the classes folder named by {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path file =
        Path.of(args[0])
            .resolve(Catalog.class.getPackageName().replace('.', '/'))
            .resolve(Catalog.IMAGE_INDEX);
    Files.writeString(file, Catalog.imageIndex(), StandardCharsets.UTF_8);
  }
}
