package io.kubeload.cli;

import io.kubeload.manifest.Digest;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestParser;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.yaml.BoundedInput;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.InputLimits;
import io.kubeload.yaml.IoErrors;
import io.kubeload.yaml.RunBudget;
import io.kubeload.yaml.SourceText;
import io.kubeload.yaml.SourceText.Decoded;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A project's inputs read into one set: rendered manifests from files, folders (recursively:
 * {@code *.yaml}, {@code *.yml}, {@code *.json}) and standard input ({@code -}), folders holding a
 * kustomization and {@code --kustomize} folders built, the chart rendered, and the GitOps objects
 * among them rendered as their controllers would ({@link GitOps}). The bytes are parsed by
 * {@link ManifestParser}.
 */
final class Inputs {

  static final String STDIN = "-";

  private final InputStream stdin;
  private final InputLimits limits;
  private final Runnable onFileRead;

  /** @param onFileRead told after each file (or stdin) is read */
  Inputs(InputStream stdin, InputLimits limits, Runnable onFileRead) {
    this.stdin = stdin;
    this.limits = limits;
    this.onFileRead = onFileRead;
  }

  /** Files and folders of the repository (never stdin), read as {@code analyze PATH...} reads them. */
  static ManifestSet files(List<String> paths, InputLimits limits) {
    return new Inputs(InputStream.nullInputStream(), limits, () -> {}).read(paths);
  }

  ManifestSet read(Project project, Renderer renderer) {
    List<String> plain = new ArrayList<>();
    List<String> kustomizations = new ArrayList<>(project.kustomizations());
    for (String path : project.paths()) {
      (!path.equals(STDIN)
                  && Files.isDirectory(Path.of(path))
                  && Kustomizations.isKustomization(Path.of(path))
              ? kustomizations
              : plain)
          .add(path);
    }
    List<ManifestSet> parts = new ArrayList<>();
    if (!plain.isEmpty()) {
      parts.add(read(plain));
    }
    kustomizations.forEach(dir -> parts.add(renderer.kustomize(dir)));
    project.chart().ifPresent(chart -> parts.add(renderer.helm(chart)));
    ManifestSet read = union(parts);
    // Without GitOps objects the render is empty, and union gives back the set read itself.
    return union(List.of(read, GitOps.render(read, renderer)));
  }

  /** Reads every input in the order given; folders in sorted path order; all within the limits. */
  ManifestSet read(List<String> inputs) {
    Run run = new Run(new RunBudget(limits));
    for (String input : inputs) {
      if (input.equals(STDIN)) {
        int before = run.manifests.size();
        Decoded content =
            SourceText.decodeCounted(
                "<stdin>", BoundedInput.read("<stdin>", stdin, run.budget(), limits));
        run.add("<stdin>", content);
        // A render that failed upstream of the pipe leaves stdin empty: a silent pass would hide
        // it.
        if (run.manifests.size() == before) {
          throw new InputException(
              "<stdin>",
              content.bytes() == 0
                  ? "read nothing from stdin: did the render fail? (e.g. helm template ... | kubeload analyze -)"
                  : "no Kubernetes object on stdin, only empty documents or comments: did the render fail?");
        }
      } else {
        for (Path file : expand(input, run)) {
          // Decoded in the call's own expression: no variable keeps the bytes while the text is
          // read.
          String name = file.toString();
          run.add(
              name, SourceText.decodeCounted(name, InputFiles.read(file, run.budget(), limits)));
        }
      }
    }
    return ManifestSet.of(run.manifests);
  }

  /**
   * The sets as one, an object that several of them hold alike (a base shared by two overlays, or an
   * Application's chart named twice) kept once: judged twice, its load would be counted twice. Objects
   * that share a reference but differ stay, and the set refuses them as defined twice.
   */
  static ManifestSet union(List<ManifestSet> sets) {
    List<ManifestSet> holding =
        sets.stream()
            .filter(set -> !set.manifests().isEmpty() || !set.skippedTestHooks().isEmpty())
            .toList();
    // Files without GitOps objects: one set, whose objects cannot be alike (it refuses two of one
    // reference and group), is its own union unless two of its test hooks are; indexing 100,000
    // objects again cost as much as reading's own bookkeeping.
    if (holding.size() == 1
        && keepNew(holding.get(0).skippedTestHooks(), new HashSet<>(), new ArrayList<>())
            == holding.get(0).skippedTestHooks().size()) {
      return holding.get(0);
    }
    Set<Alike> kept = new HashSet<>();
    List<Manifest> manifests = new ArrayList<>();
    List<Manifest> hooks = new ArrayList<>();
    for (ManifestSet set : holding) {
      keepNew(set.manifests(), kept, manifests);
      keepNew(set.skippedTestHooks(), kept, hooks);
    }
    return new ManifestSet(manifests, hooks);
  }

  /** Two objects are alike when their reference, apiVersion and digest are: one look-up each. */
  private record Alike(ObjectRef ref, String apiVersion, Digest digest) {

    // The record's own equals and hashCode, without method handles (SpelledOutRecordsTest).
    @Override
    public boolean equals(Object other) {
      return other instanceof Alike alike
          && Objects.equals(ref, alike.ref)
          && Objects.equals(apiVersion, alike.apiVersion)
          && Objects.equals(digest, alike.digest);
    }

    @Override
    public int hashCode() {
      int hash = Objects.hashCode(ref);
      hash = 31 * hash + Objects.hashCode(apiVersion);
      return 31 * hash + Objects.hashCode(digest);
    }
  }

  /** Adds to {@code into} each object of {@code from} not alike one kept; how many it added. */
  private static int keepNew(List<Manifest> from, Set<Alike> kept, List<Manifest> into) {
    int added = 0;
    for (Manifest m : from) {
      if (kept.add(new Alike(m.ref(), m.apiVersion(), m.digest()))) {
        into.add(m);
        added++;
      }
    }
    return added;
  }

  /** What one {@link #read(List)} has taken so far, against the limits. */
  private final class Run {
    final List<Manifest> manifests = new ArrayList<>();
    final RunBudget documents;
    long bytes;
    int files;

    Run(RunBudget documents) {
      this.documents = documents;
    }

    long budget() {
      return limits.maxInputBytes() - bytes;
    }

    void add(String name, Decoded content) {
      bytes += content.bytes();
      manifests.addAll(ManifestParser.parseText(name, content.text(), limits, documents));
      onFileRead.run();
    }

    Path counted(String input, Path file) {
      if (++files > limits.maxFiles()) {
        throw new InputException(
            input,
            InputLimits.reached(
                "more manifest files than one run reads",
                limits.maxFiles(),
                InputLimits.MAX_FILES));
      }
      return file;
    }
  }

  /** The manifest files {@code input} names, each counted against the file limit as it is found. */
  private static List<Path> expand(String input, Run run) {
    Path path = Path.of(input);
    if (!Files.exists(path)) {
      throw new InputException(input, "no such file or folder");
    }
    // A chart's templates are not manifests until helm renders them: say how, not "no kind".
    boolean chartYaml =
        path.getFileName() != null && path.getFileName().toString().equals("Chart.yaml");
    if ((Files.isDirectory(path) && Files.isRegularFile(path.resolve("Chart.yaml")))
        || chartYaml
        || input.endsWith(".tgz")) {
      String chart =
          chartYaml ? String.valueOf(path.getParent() == null ? "." : path.getParent()) : input;
      throw new InputException(
          input,
          "this is a Helm chart: analyse it with --chart "
              + chart
              + " (kubeload renders it with helm template), or name its rendered manifests");
    }
    if (!Files.isDirectory(path)) {
      return List.of(run.counted(input, path));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path, FileVisitOption.FOLLOW_LINKS)) {
      files =
          walk.filter(file -> !hidden(path.relativize(file)))
              .filter(Inputs::isManifestFile)
              .filter(file -> !Files.isDirectory(file))
              .map(file -> run.counted(input, readable(file)))
              .sorted()
              .toList();
    } catch (UncheckedIOException | IOException e) {
      throw new InputException(input, "cannot read folder: " + IoErrors.describe(e));
    }
    if (files.isEmpty()) {
      // A folder named to be checked that holds nothing to check is a wrong path or a failed
      // render:
      // passing it would say "pass" without having read anything.
      throw new InputException(input, "no manifest files (*.yaml, *.yml, *.json) in this folder");
    }
    return files;
  }

  /** A manifest's name on something that is not a file (a link to nothing, a pipe) is not skipped unread. */
  private static Path readable(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(
          file.toString(),
          "cannot read: not a regular file (a symbolic link to nothing, or a pipe?)");
    }
    return file;
  }

  /**
   * Hidden files and folders inside a folder ({@code .kubeload.yaml}, {@code .github/},
   * {@code .pre-commit-config.yaml}) hold tool configuration, not manifests; named as paths they are read.
   */
  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isManifestFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }
}
