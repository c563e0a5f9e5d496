package io.kubeload.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every citation in the repository resolves inside it or is an upstream URL: no text names a document the repository
 * does not ship, every {@code docs/NAME.md} cited exists, and every {@code docs/NAME.md §N} names a section that file
 * has. The forbidden names are assembled from pieces so that this file does not match itself.
 */
class CitationsTest {

  private static final Path ROOT = Path.of("").toAbsolutePath();

  private static final Pattern UNSHIPPED =
      Pattern.compile(
          String.join(
              "|",
              Pattern.quote("phys" + "ics §"),
              Pattern.quote("phys" + "ics.md"),
              Pattern.quote("apiserver-load-" + "physics"),
              Pattern.quote("inci" + "dents.md"),
              Pattern.quote("inci" + "dents §"),
              Pattern.quote("component-" + "catalog"),
              Pattern.quote("java-" + "engineering"),
              Pattern.quote("shared/" + "reference"),
              Pattern.quote("shared/" + "design"),
              "(?<![/\\w-])" + Pattern.quote("fa" + "q.md")));

  /** A project document (lower-case names; upstream ones such as telegraf's are not), with the sections after it ("docs/sources.md §3.4, §3.5"). */
  private static final Pattern CITED =
      Pattern.compile("(?<![/\\w])docs/([a-z0-9-]+)\\.md((?:,? ?§\\d+(?:\\.\\d+)?)*)");

  private static final Pattern SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)?)");

  private static final Set<String> TEXT =
      Set.of(
          "java",
          "md",
          "yaml",
          "yml",
          "txt",
          "json",
          "sarif",
          "html",
          "xml",
          "sh",
          "py",
          "properties",
          "dict",
          "config");

  @Test
  void everyCitationResolvesInsideTheRepositoryOrIsAnUpstreamUrl() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : textFiles()) {
      // Fixtures of bad input hold bytes that are not UTF-8 on purpose: decoded leniently, they
      // still show any citation.
      String[] lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String where = ROOT.relativize(file) + ":" + (i + 1) + ": ";
        Matcher unshipped = UNSHIPPED.matcher(lines[i]);
        while (unshipped.find()) {
          problems.add(
              where + "names a document the repository does not ship: " + unshipped.group());
        }
        Matcher cited = CITED.matcher(lines[i]);
        while (cited.find()) {
          problems.addAll(unresolved(where, cited.group(1), cited.group(2)));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static List<String> unresolved(String where, String name, String sections)
      throws IOException {
    Path doc = ROOT.resolve("docs").resolve(name + ".md");
    if (!Files.isRegularFile(doc)) {
      return List.of(where + "cites docs/" + name + ".md, which does not exist");
    }
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    Matcher section = SECTION.matcher(sections);
    while (section.find()) {
      String number = section.group(1);
      Pattern heading =
          Pattern.compile(
              "(?m)^#{2,4} " + Pattern.quote(number) + (number.contains(".") ? " " : "\\."));
      if (!heading.matcher(text).find()) {
        missing.add(
            where + "cites docs/" + name + ".md §" + number + ", which has no such section");
      }
    }
    return missing;
  }

  private static List<Path> textFiles() throws IOException {
    try (Stream<Path> all = Files.walk(ROOT)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> !skipped(ROOT.relativize(p)))
          .filter(CitationsTest::isText)
          .sorted()
          .toList();
    }
  }

  /** Build output, benchmark results, and hidden folders (version control, caches) other than CI's are not the project's text. */
  private static boolean skipped(Path relative) {
    String first = relative.getName(0).toString();
    boolean hidden = first.startsWith(".") && !Set.of(".github", ".ci", ".mvn").contains(first);
    return hidden
        || first.equals("target")
        || first.equals("node_modules")
        || relative.startsWith(Path.of("bench", "out"));
  }

  private static boolean isText(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? !name.startsWith("crash-") : TEXT.contains(name.substring(dot + 1));
  }
}
