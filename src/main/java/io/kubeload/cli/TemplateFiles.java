package io.kubeload.cli;

import io.kubeload.analysis.SourceLocator;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.yaml.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the Helm templates that {@code # Source:} comments name on disk, so that a finding points at
 * the line a reviewer edits: the template's path inside its repository (from the folder holding
 * {@code .git}, as code scanning and pull-request annotations want it) and the line where the
 * template writes the object's {@code kind}. A template that writes several objects of one kind
 * (a loop, several documents) gives the n-th such line to the n-th object it rendered. Templates
 * not found on disk are left as named: the rendered file and line then stand.
 */
final class TemplateFiles implements SourceLocator {

  private final Optional<String> sourceRoot;

  /**
   * @param sourceRoot the folder the {@code # Source:} paths start from ({@code --source-root});
   *     empty: the working directory ({@code --chart} rewrites them to the chart's folder)
   */
  TemplateFiles(Optional<String> sourceRoot) {
    this.sourceRoot = sourceRoot;
  }

  @Override
  public ManifestSet locate(ManifestSet manifests) {
    Map<String, List<Integer>> kindLines = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    // Only the objects whose template is on disk are sorted and counted: a repository's rendered
    // files name templates that are seldom checked out beside them, and each folder is asked once
    // rather than each of 100,000 templates (docs/performance.md, "Sixth round").
    Map<String, Boolean> named = new HashMap<>();
    Map<Path, Boolean> folders = new HashMap<>();
    IdentityHashMap<Manifest, Path> onDisk = new IdentityHashMap<>();
    List<Manifest> inOrder = new ArrayList<>();
    for (List<Manifest> read : List.of(manifests.manifests(), manifests.skippedTestHooks())) {
      for (Manifest m : read) {
        Optional<Path> file = m.location().template().flatMap(t -> onDisk(t, named, folders));
        if (file.isPresent()) {
          onDisk.put(m, file.get());
          inOrder.add(m);
        }
      }
    }
    inOrder.sort(
        Comparator.comparing((Manifest m) -> m.location().file(), TemplateFiles::sameFileFirst)
            .thenComparingInt(m -> m.location().line()));
    IdentityHashMap<Manifest, SourceLocation> found = new IdentityHashMap<>();
    for (Manifest m : inOrder) {
      Path file = onDisk.get(m);
      List<Integer> lines =
          kindLines.computeIfAbsent(file + "\0" + m.kind(), key -> kindLines(file, m.kind()));
      int nth =
          seen.merge(m.location().file() + "\0" + file + "\0" + m.kind(), 1, Integer::sum) - 1;
      int line = lines.isEmpty() ? 1 : lines.get(Math.min(nth, lines.size() - 1));
      found.put(m, m.location().inTemplate(inRepository(file), line));
    }
    return found.isEmpty()
        ? manifests
        : manifests.relocated(m -> found.containsKey(m) ? m.at(found.get(m)) : m);
  }

  /**
   * The template's file, where it is one on disk; {@code named} holds whether the folder each
   * template names (the text before its last {@code /}) is one, so that a template in a folder
   * known to be missing costs no path.
   */
  private Optional<Path> onDisk(
      String template, Map<String, Boolean> named, Map<Path, Boolean> folders) {
    int slash = template.lastIndexOf('/');
    String name = template.substring(slash + 1);
    // A name that normalising removes ("a/..", "a/.", "a/") leaves the file elsewhere.
    if (!name.isEmpty() && !name.equals(".") && !name.equals("..")) {
      String folder = template.substring(0, Math.max(0, slash));
      Boolean known = named.get(folder);
      if (known == null) {
        known = isFolder(resolved(folder).toAbsolutePath(), folders);
        named.put(folder, known);
      }
      if (!known) {
        return Optional.empty();
      }
    }
    Path file = resolved(template);
    return isFolder(file.toAbsolutePath().getParent(), folders) && Files.isRegularFile(file)
        ? Optional.of(file)
        : Optional.empty();
  }

  /** A path as a {@code # Source:} comment names it, from the source root. */
  private Path resolved(String path) {
    return sourceRoot.map(root -> Path.of(root).resolve(path)).orElse(Path.of(path)).normalize();
  }

  /**
   * Whether {@code folder} is one, asked of the disk only when the folder above it is: the charts of
   * a repository's 16,666 releases that are not checked out cost a look-up each, not one a template.
   */
  private static boolean isFolder(Path folder, Map<Path, Boolean> folders) {
    if (folder == null) {
      return true;
    }
    Boolean known = folders.get(folder);
    if (known == null) {
      known = isFolder(folder.getParent(), folders) && Files.isDirectory(folder);
      folders.put(folder, known);
    }
    return known;
  }

  /**
   * Names in their order, the one name that every object of a file shares told at once: String
   * compares two equal paths character by character, and a file of 100,000 objects sorts with
   * millions of such comparisons. The identity is a shortcut only: other strings still compare by
   * value.
   */
  @SuppressWarnings({"StringEquality", "ReferenceEquality"})
  private static int sameFileFirst(String file, String other) {
    return file == other ? 0 : file.compareTo(other);
  }

  /** The lines that write {@code kind: KIND} at the top level of a document. */
  private static List<Integer> kindLines(Path template, String kind) {
    Pattern written =
        Pattern.compile("^kind:\\s*[\"']?" + Pattern.quote(kind) + "[\"']?\\s*(#.*)?$");
    List<Integer> out = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (written.matcher(lines.get(i)).matches()) {
          out.add(i + 1);
        }
      }
    } catch (IOException e) {
      // unreadable or not UTF-8: the object's document is then located at the template's first line
    }
    return out;
  }

  /** The path from the repository's root (the nearest folder above holding {@code .git}), else as given. */
  static String inRepository(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    for (Path folder = absolute.getParent(); folder != null; folder = folder.getParent()) {
      if (Files.exists(folder.resolve(".git"))) {
        return folder.relativize(absolute).toString();
      }
    }
    return file.toString();
  }
}
