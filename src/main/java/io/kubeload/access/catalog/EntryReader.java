package io.kubeload.access.catalog;

import io.kubeload.access.Access.Pattern;
import io.kubeload.access.Access.Scope;
import io.kubeload.access.ClientBehaviour;
import io.kubeload.access.NoteKind;
import io.kubeload.access.catalog.CatalogEntry.AccessRule;
import io.kubeload.access.catalog.CatalogEntry.ConfigSpec;
import io.kubeload.access.catalog.CatalogEntry.ForEach;
import io.kubeload.access.catalog.CatalogEntry.NoteRule;
import io.kubeload.access.catalog.CatalogEntry.Recognition;
import io.kubeload.access.catalog.CatalogEntry.Switch;
import io.kubeload.access.catalog.CatalogEntry.ValueSource;
import io.kubeload.access.config.ConfigLanguage;
import io.kubeload.text.DidYouMean;
import io.kubeload.yaml.YamlDocuments;
import io.kubeload.yaml.YamlObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads one catalog entry, strictly: an unknown key or a missing source is an error naming its line. */
final class EntryReader {

  private static final List<String> DISCOVERIES = List.of("prometheus", "alloy", "monitors");

  private EntryReader() {}

  static CatalogEntry read(String file, byte[] bytes) {
    List<YamlDocuments.Document> documents = YamlDocuments.read(file, bytes);
    if (documents.size() != 1) {
      throw new IllegalArgumentException(file + ": a catalog entry is exactly one YAML document");
    }
    YamlObject root =
        YamlObject.root(documents.get(0), file)
            .onlyKeys(
                "name", "title", "summary", "versions", "match", "config", "accesses", "notes");
    String name = root.string("name");
    if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw root.error("name", "name '" + name + "' must be lowercase words joined by '-'");
    }
    Optional<VersionRange> versions =
        root.optionalString("versions").map(v -> parsed(root, "versions", v, VersionRange::parse));
    YamlObject match = root.object("match").onlyKeys("images", "command", "createdFrom", "labels");
    List<String> images = match.stringList("images");
    if (images.isEmpty()) {
      throw match.error("images", "match.images must name at least one image repository");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    match
        .optionalObject("labels")
        .ifPresent(l -> l.keys().forEach(k -> labels.put(k, l.string(k))));
    Recognition recognition =
        new Recognition(
            images,
            match
                .optionalString("command")
                .map(c -> parsed(match, "command", c, java.util.regex.Pattern::compile)),
            match.optionalString("createdFrom"),
            Map.copyOf(labels));
    Optional<ConfigSpec> config = root.optionalObject("config").map(EntryReader::config);
    List<AccessRule> accesses = new ArrayList<>();
    for (YamlObject access : root.objectList("accesses")) {
      accesses.add(access(access));
    }
    List<NoteRule> notes = new ArrayList<>();
    for (YamlObject note : root.objectList("notes")) {
      note.onlyKeys("rule", "when", "message", "fix", "source");
      notes.add(
          new NoteRule(
              noteKind(note),
              condition(note.object("when")),
              note.string("message"),
              note.string("fix"),
              source(note)));
    }
    return new CatalogEntry(
        name,
        root.string("title"),
        root.string("summary"),
        versions,
        recognition,
        config,
        List.copyOf(accesses),
        List.copyOf(notes),
        file);
  }

  /** A note's rule: a mistyped id would raise a finding no report describes, so it fails the load. */
  private static NoteKind noteKind(YamlObject note) {
    String id = note.string("rule");
    return NoteKind.parse(id)
        .orElseThrow(
            () ->
                note.error(
                    "rule",
                    "unknown note rule '"
                        + id
                        + "'"
                        + DidYouMean.hintAndAll(id, NoteKind.ids(), "rules")));
  }

  private static ConfigSpec config(YamlObject yaml) {
    yaml.onlyKeys("language", "files", "configMaps");
    String language = yaml.string("language");
    ConfigLanguage parsed =
        ConfigLanguage.parse(language)
            .orElseThrow(
                () -> yaml.error("language", "unknown config language '" + language + "'"));
    List<String> files = yaml.stringList("files");
    return new ConfigSpec(
        parsed, files.isEmpty() ? List.of("*") : files, yaml.stringList("configMaps"));
  }

  private static AccessRule access(YamlObject yaml) {
    yaml.onlyKeys(
        "resource",
        "resources",
        "resourceFrom",
        "groupFrom",
        "verbs",
        "scope",
        "namespace",
        "pattern",
        "every",
        "when",
        "forEach",
        "discoveries",
        "nodeFilteredRoles",
        "switches",
        "consistency",
        "metadataOnly",
        "why",
        "source",
        "fix");
    Optional<String> discoveries = yaml.optionalString("discoveries");
    if (discoveries.isPresent() && !DISCOVERIES.contains(discoveries.get())) {
      throw yaml.error("discoveries", "discoveries must be one of " + DISCOVERIES);
    }
    List<String> resources = new ArrayList<>(yaml.stringList("resource"));
    resources.addAll(yaml.stringList("resources"));
    Optional<ValueSource> resourceFrom =
        yaml.optionalObject("resourceFrom").map(EntryReader::valueSource);
    boolean mapped = yaml.optionalObject("forEach").map(f -> f.has("map")).orElse(false);
    if (discoveries.isEmpty() && resourceFrom.isEmpty() && !mapped && resources.isEmpty()) {
      throw yaml.error(
          "resource",
          yaml.path() + " needs resource, resources, resourceFrom, a forEach map or discoveries");
    }
    Pattern pattern =
        yaml.optionalString("pattern")
            .map(p -> parsed(yaml, "pattern", p, Pattern::parse))
            .orElse(Pattern.INFORMER);
    List<Switch> switches = new ArrayList<>();
    for (YamlObject s : yaml.objectList("switches")) {
      switches.add(switchOf(s));
    }
    CatalogEntry.Target target =
        new CatalogEntry.Target(
            resources,
            resourceFrom,
            yaml.optionalObject("groupFrom").map(EntryReader::valueSource),
            yaml.optionalObject("forEach").map(EntryReader::forEach),
            discoveries,
            yaml.stringList("nodeFilteredRoles"));
    CatalogEntry.Request request =
        new CatalogEntry.Request(
            yaml.stringList("verbs").isEmpty() ? pattern.defaultVerbs() : yaml.stringList("verbs"),
            yaml.optionalString("scope")
                .map(s -> parsed(yaml, "scope", s, Scope::parse))
                .orElse(Scope.CLUSTER),
            yaml.optionalString("namespace").orElse(""),
            pattern,
            yaml.optionalNumber("every", 0).orElse(0.0),
            consistency(yaml),
            yaml.optionalString("metadataOnly")
                .map(m -> parsed(yaml, "metadataOnly", m, EntryReader::bool))
                .orElse(false));
    return new AccessRule(
        target,
        request,
        yaml.optionalObject("when").map(EntryReader::condition),
        switches,
        new CatalogEntry.Citation(yaml.string("why"), source(yaml), yaml.optionalString("fix")));
  }

  private static boolean bool(String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(text);
    };
  }

  /** The resourceVersion semantics of the access's LISTs: rv0 (default), consistent or exact. */
  private static Optional<ClientBehaviour.Consistency> consistency(YamlObject yaml) {
    return yaml.optionalString("consistency")
        .map(c -> parsed(yaml, "consistency", c, ClientBehaviour.Consistency::parse));
  }

  private static Switch switchOf(YamlObject yaml) {
    yaml.onlyKeys(
        "when",
        "scope",
        "namespaceFrom",
        "pattern",
        "every",
        "everyFrom",
        "drop",
        "consistency",
        "because",
        "source");
    return new Switch(
        condition(yaml.object("when")),
        yaml.optionalString("scope").map(s -> parsed(yaml, "scope", s, Scope::parse)),
        yaml.optionalObject("namespaceFrom").map(EntryReader::valueSource),
        yaml.optionalString("pattern").map(p -> parsed(yaml, "pattern", p, Pattern::parse)),
        yaml.optionalNumber("every", 0).orElse(0.0),
        yaml.optionalObject("everyFrom").map(EntryReader::valueSource),
        yaml.optionalString("drop").map(Boolean::parseBoolean).orElse(false),
        consistency(yaml),
        yaml.string("because"),
        source(yaml));
  }

  private static ForEach forEach(YamlObject yaml) {
    yaml.onlyKeys("arg", "env", "config", "item", "split", "default", "map");
    Map<String, List<String>> map = new LinkedHashMap<>();
    yaml.optionalObject("map").ifPresent(m -> m.keys().forEach(k -> map.put(k, m.stringList(k))));
    return new ForEach(
        valueSource(yaml),
        yaml.optionalString("split").orElse(""),
        yaml.stringList("default"),
        map);
  }

  private static ValueSource valueSource(YamlObject yaml) {
    List<ValueSource> found = new ArrayList<>();
    yaml.optionalString("arg")
        .ifPresent(
            a ->
                found.add(
                    new ValueSource(
                        ValueSource.Kind.ARG, a.replaceFirst("^-+", ""), Optional.empty())));
    yaml.optionalString("env")
        .ifPresent(e -> found.add(new ValueSource(ValueSource.Kind.ENV, e, Optional.empty())));
    yaml.optionalString("config")
        .ifPresent(
            c ->
                found.add(
                    new ValueSource(
                        ValueSource.Kind.CONFIG, c, Optional.of(path(yaml, "config", c)))));
    yaml.optionalString("item")
        .ifPresent(
            i ->
                found.add(
                    new ValueSource(ValueSource.Kind.ITEM, i, Optional.of(path(yaml, "item", i)))));
    if (found.size() != 1) {
      throw yaml.error("", yaml.path() + " must name exactly one of arg, env, config, item");
    }
    return found.get(0);
  }

  static Condition condition(YamlObject yaml) {
    if (yaml.has("allOf") || yaml.has("anyOf")) {
      yaml.onlyKeys("allOf", "anyOf");
      String key = yaml.has("allOf") ? "allOf" : "anyOf";
      List<Condition> parts = yaml.objectList(key).stream().map(EntryReader::condition).toList();
      return key.equals("allOf") ? new Condition.AllOf(parts) : new Condition.AnyOf(parts);
    }
    if (yaml.has("not")) {
      yaml.onlyKeys("not");
      return new Condition.Not(condition(yaml.object("not")));
    }
    if (yaml.has("configUnread")) {
      yaml.onlyKeys("configUnread");
      return new Condition.ConfigUnread();
    }
    yaml.onlyKeys(
        "env",
        "envNamedBy",
        "arg",
        "config",
        "item",
        "fieldRef",
        "is",
        "equals",
        "matches",
        "absent");
    ValueTest test = test(yaml);
    Optional<String> fieldRef = yaml.optionalString("fieldRef");
    if (yaml.has("env") || yaml.has("envNamedBy")) {
      return new Condition.Env(
          yaml.optionalString("env").orElse(""),
          yaml.optionalString("envNamedBy").map(p -> path(yaml, "envNamedBy", p)),
          fieldRef,
          test);
    }
    if (yaml.has("arg")) {
      return new Condition.Arg(
          yaml.string("arg").replaceFirst("^-+", "").toLowerCase(java.util.Locale.ROOT),
          fieldRef,
          test);
    }
    if (fieldRef.isPresent()) {
      throw yaml.error("fieldRef", "fieldRef applies to env and arg conditions only");
    }
    if (yaml.has("config")) {
      return new Condition.Config(path(yaml, "config", yaml.string("config")), false, test);
    }
    if (yaml.has("item")) {
      return new Condition.Config(path(yaml, "item", yaml.string("item")), true, test);
    }
    throw yaml.error(
        "",
        yaml.path()
            + " must test one of env, envNamedBy, arg, config, item, configUnread, allOf, anyOf, not");
  }

  private static ValueTest test(YamlObject yaml) {
    List<ValueTest> tests = new ArrayList<>();
    yaml.optionalString("is")
        .ifPresent(
            v ->
                tests.add(
                    ValueTest.of(
                        Boolean.parseBoolean(v) ? ValueTest.Kind.TRUE : ValueTest.Kind.FALSE)));
    yaml.optionalString("equals").ifPresent(v -> tests.add(ValueTest.equalsTo(v)));
    yaml.optionalString("matches")
        .ifPresent(v -> tests.add(parsed(yaml, "matches", v, ValueTest::matching)));
    yaml.optionalString("absent")
        .filter(Boolean::parseBoolean)
        .ifPresent(v -> tests.add(ValueTest.of(ValueTest.Kind.ABSENT)));
    if (tests.size() > 1) {
      throw yaml.error("", yaml.path() + ": give at most one of is, equals, matches, absent");
    }
    return tests.isEmpty() ? ValueTest.PRESENT : tests.get(0);
  }

  private static PathQuery path(YamlObject yaml, String key, String text) {
    return parsed(yaml, key, text, PathQuery::parse);
  }

  private static String source(YamlObject yaml) {
    String source = yaml.string("source");
    if (!source.contains(":") && !source.startsWith("http")) {
      throw yaml.error(
          "source",
          "source must cite a repository and file (owner/repo:path) or a URL, not '"
              + source
              + "'");
    }
    return source;
  }

  private static <T> T parsed(
      YamlObject yaml, String key, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw yaml.error(key, yaml.path() + "." + key + ": " + e.getMessage());
    }
  }
}
