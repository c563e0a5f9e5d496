package io.kubeload.access.catalog;

import io.fabric8.kubernetes.api.model.Container;
import io.kubeload.access.Access;
import io.kubeload.access.Access.Pattern;
import io.kubeload.access.Access.Scope;
import io.kubeload.access.AccessSet;
import io.kubeload.access.ClientBehaviour;
import io.kubeload.access.NoteKind;
import io.kubeload.access.Provenance;
import io.kubeload.access.catalog.CatalogEntry.AccessRule;
import io.kubeload.access.catalog.CatalogEntry.ForEach;
import io.kubeload.access.catalog.CatalogEntry.NoteRule;
import io.kubeload.access.catalog.CatalogEntry.Switch;
import io.kubeload.access.catalog.CatalogEntry.ValueSource;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.manifest.Resources;
import io.kubeload.workload.Workload;
import io.kubeload.yaml.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the catalog says a workload's pods ask of the API server: each container is matched to an
 * entry, its configuration is read, and the entry's accesses are switched by what the container's
 * env, args and configuration say. Each access's provenance names the entry, the setting that
 * switched it and the source the entry cites.
 */
public final class CatalogInference {

  /** A container the catalog recognises, and the entry it matches. */
  public record Recognised(String container, CatalogEntry entry) {}

  /**
   * The catalog's reading of a workload.
   *
   * @param unrecognised containers no entry matches (the catalog decides only when this is empty)
   * @param undecided why recognised containers are left undecided: their entry's accesses depend
   *     on a configuration that could not be read (the catalog decides only when this is empty)
   * @param decisions what settings turned off, in words, for the report's basis
   */
  public record Result(
      List<Recognised> recognised,
      List<String> unrecognised,
      List<AccessSet.Note> undecided,
      List<Access> accesses,
      List<AccessSet.Note> notes,
      List<String> decisions) {

    public Result {
      recognised = List.copyOf(recognised);
      unrecognised = List.copyOf(unrecognised);
      undecided = List.copyOf(undecided);
      accesses = List.copyOf(accesses);
      notes = List.copyOf(notes);
      decisions = List.copyOf(decisions);
    }

    public boolean decides() {
      return !recognised.isEmpty() && unrecognised.isEmpty() && undecided.isEmpty();
    }

    /** {@code catalog: fluent-bit 5.1.1}, with what its settings turned off. */
    public String basis() {
      Map<String, Integer> names = new LinkedHashMap<>();
      recognised.forEach(r -> names.merge(r.entry().name(), 1, Integer::sum));
      List<String> parts = new ArrayList<>();
      names.forEach((name, count) -> parts.add(count == 1 ? name : name + " ×" + count));
      return "catalog: "
          + String.join(", ", parts)
          + (decisions.isEmpty() ? "" : " (" + String.join("; ", decisions) + ")");
    }
  }

  private CatalogInference() {}

  public static Result infer(Workload workload, ManifestSet manifests) {
    List<Recognised> recognised = new ArrayList<>();
    List<String> unrecognised = new ArrayList<>();
    List<AccessSet.Note> undecided = new ArrayList<>();
    List<Access> accesses = new ArrayList<>();
    List<AccessSet.Note> notes = new ArrayList<>();
    List<String> decisions = new ArrayList<>();
    Map<String, Container> containers = containers(workload);
    for (Map.Entry<String, Container> c : containers.entrySet()) {
      ContainerFacts facts = new ContainerFacts(workload, c.getKey(), c.getValue(), manifests);
      Optional<CatalogEntry> entry = recognise(facts);
      String name = String.valueOf(c.getValue().getName());
      if (entry.isEmpty()) {
        unrecognised.add(name + " (" + facts.image() + ")");
        continue;
      }
      recognised.add(new Recognised(name, entry.get()));
      entry
          .get()
          .config()
          .ifPresent(spec -> facts.useConfig(ConfigLocator.locate(spec, facts, manifests)));
      if (!facts.config().read()) {
        // Conditions on an unread configuration are all false: deciding on them would count no
        // load.
        boolean decidable = !entry.get().accessesReadConfig() || entry.get().declaresUnreadConfig();
        AccessSet.Note unread =
            new AccessSet.Note(
                NoteKind.CONFIG_UNREAD,
                "container "
                    + name
                    + " ("
                    + entry.get().title()
                    + "): "
                    + facts.config().problem()
                    + "; "
                    + (decidable
                        ? "the catalog's defaults for " + entry.get().name() + " apply"
                        : "what "
                            + entry.get().name()
                            + " asks depends on it, so the catalog does not decide: the pod spec and RBAC's upper bound do"),
                facts.config().locate("").orElse(facts.containerLocation()),
                "keep the configuration in a ConfigMap the container mounts, so kubeload can read it, or declare the accesses with kubeload.io/access");
        if (!decidable) {
          undecided.add(unread);
          continue;
        }
        notes.add(unread);
      }
      for (NoteRule rule : entry.get().notes()) {
        rule.when()
            .test(facts, Item.NONE)
            .ifPresent(
                evidence ->
                    notes.add(
                        new AccessSet.Note(
                            rule.kind(),
                            rule.message()
                                + " (catalog "
                                + entry.get().name()
                                + ": "
                                + evidence.description()
                                + "; source "
                                + rule.source()
                                + ")",
                            evidence.location(),
                            rule.fix())));
      }
      Found found = containerAccesses(entry.get(), facts, manifests);
      accesses.addAll(found.accesses());
      decisions.addAll(found.decisions());
    }
    return new Result(recognised, unrecognised, undecided, accesses, notes, decisions);
  }

  /** App containers, and init containers that keep running beside them (restartPolicy Always). */
  private static Map<String, Container> containers(Workload workload) {
    Map<String, Container> out = new LinkedHashMap<>();
    List<Container> app = workload.podSpec().getContainers();
    for (int i = 0; app != null && i < app.size(); i++) {
      if (app.get(i) != null) {
        out.put("containers[" + i + "]", app.get(i));
      }
    }
    List<Container> init = workload.podSpec().getInitContainers();
    for (int i = 0; init != null && i < init.size(); i++) {
      if (init.get(i) != null && "Always".equals(init.get(i).getRestartPolicy())) {
        out.put("initContainers[" + i + "]", init.get(i));
      }
    }
    return out;
  }

  /** The most specific entry that matches: an operator's resource, then a command, labels, a version range. */
  static Optional<CatalogEntry> recognise(ContainerFacts facts) {
    return Catalog.candidates(facts.image().repository()).stream()
        .filter(e -> matches(e, facts))
        .min(
            Comparator.comparingInt(CatalogInference::specificity)
                .reversed()
                .thenComparing(CatalogEntry::name));
  }

  static boolean matches(CatalogEntry entry, ContainerFacts facts) {
    CatalogEntry.Recognition r = entry.recognition();
    if (r.images().stream()
        .noneMatch(p -> Globs.matchesRepository(p, facts.image().repository()))) {
      return false;
    }
    if (r.command().isPresent() && !r.command().get().matcher(facts.commandLine()).find()) {
      return false;
    }
    if (r.createdFrom().isPresent()
        && !r.createdFrom().get().equals(facts.workload().manifest().kind())) {
      return false;
    }
    if (!r.labels().isEmpty() && !facts.labels().entrySet().containsAll(r.labels().entrySet())) {
      return false;
    }
    return entry.versions().isEmpty()
        || facts.image().version().map(v -> entry.versions().get().contains(v)).orElse(true);
  }

  private static int specificity(CatalogEntry entry) {
    CatalogEntry.Recognition r = entry.recognition();
    return (r.createdFrom().isPresent() ? 8 : 0)
        + (r.command().isPresent() ? 4 : 0)
        + (r.labels().isEmpty() ? 0 : 2)
        + (entry.versions().isPresent() ? 1 : 0);
  }

  /** A container's accesses, and what its settings turned off, in words. */
  private record Found(List<Access> accesses, List<String> decisions) {

    Found {
      accesses = List.copyOf(accesses);
      decisions = List.copyOf(decisions);
    }
  }

  /** What a rule makes of one resource: the access, or the setting that turned it off. */
  private sealed interface Built {

    record Kept(Access access) implements Built {}

    record Dropped(String decision) implements Built {}
  }

  private static Found containerAccesses(
      CatalogEntry entry, ContainerFacts facts, ManifestSet manifests) {
    Map<String, Access> unique = new LinkedHashMap<>();
    List<String> decisions = new ArrayList<>();
    List<Access> discovered = new ArrayList<>();
    for (AccessRule rule : entry.accesses()) {
      if (rule.target().discoveries().isPresent()) {
        if (rule.when().isEmpty() || rule.when().get().test(facts, Item.NONE).isPresent()) {
          discovered.addAll(DiscoveryAccesses.of(entry, rule, facts, manifests));
        }
        continue;
      }
      for (Item item : items(rule.target().forEach(), facts)) {
        Optional<Evidence> enabled =
            rule.when().isEmpty()
                ? Optional.of(new Evidence("", facts.containerLocation()))
                : rule.when().get().test(facts, item);
        if (enabled.isEmpty()) {
          continue;
        }
        for (String resource : resources(rule, facts, item)) {
          Built built = build(entry, rule, resource, item, enabled.get(), facts);
          if (built instanceof Built.Kept kept) {
            Access access = kept.access();
            unique.putIfAbsent(
                access.resource()
                    + "|"
                    + access.scope()
                    + "|"
                    + access.namespace()
                    + "|"
                    + access.pattern(),
                access);
          } else if (built instanceof Built.Dropped dropped) {
            decisions.add(dropped.decision());
          }
        }
      }
    }
    List<Access> out = new ArrayList<>(unique.values());
    out.addAll(discovered);
    return new Found(out, decisions);
  }

  /** The items a forEach runs over: strings from a flag or env var, or nodes of the config. */
  private static List<Item> items(Optional<ForEach> forEach, ContainerFacts facts) {
    if (forEach.isEmpty()) {
      return List.of(Item.NONE);
    }
    ForEach each = forEach.get();
    List<Object> items = new ArrayList<>();
    ValueSource from = each.from();
    switch (from.kind()) {
      case ARG -> facts.flag(from.key()).forEach(v -> items.addAll(split(v.value(), each.split())));
      case ENV ->
          facts.env(from.key()).ifPresent(v -> items.addAll(split(v.value(), each.split())));
      case CONFIG ->
          from.path()
              .orElseThrow()
              .select(facts.config().tree())
              .forEach(
                  node -> {
                    if (node instanceof List<?> list) {
                      items.addAll(list);
                    } else {
                      items.add(node);
                    }
                  });
      case ITEM -> throw new IllegalStateException("forEach cannot run over an item");
    }
    if (items.isEmpty()) {
      items.addAll(each.defaults());
    }
    return items.stream().map(Item::of).toList();
  }

  private static List<String> split(String value, String separator) {
    if (separator.isEmpty()) {
      return value.isBlank() ? List.of() : List.of(value.strip());
    }
    return java.util.Arrays.stream(value.split(java.util.regex.Pattern.quote(separator)))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static List<String> resources(AccessRule rule, ContainerFacts facts, Item item) {
    Optional<ForEach> each = rule.target().forEach();
    if (each.isPresent() && !each.get().map().isEmpty()) {
      return item.text().map(s -> each.get().map().getOrDefault(s, List.of())).orElse(List.of());
    }
    if (rule.target().resourceFrom().isPresent()) {
      String group = rule.target().groupFrom().flatMap(g -> value(g, facts, item)).orElse("");
      return value(rule.target().resourceFrom().get(), facts, item)
          .map(r -> List.of(Resources.key(group, r)))
          .orElse(List.of());
    }
    Optional<String> text = item.text();
    return rule.target().resources().stream()
        .filter(r -> !r.contains("{item}") || text.isPresent())
        .map(r -> text.map(s -> r.replace("{item}", s)).orElse(r))
        .toList();
  }

  private static Built build(
      CatalogEntry entry,
      AccessRule rule,
      String resource,
      Item item,
      Evidence enabled,
      ContainerFacts facts) {
    Scope scope = rule.request().scope();
    Pattern pattern = rule.request().pattern();
    String namespace = rule.request().namespace();
    double every = rule.request().every();
    StringBuilder detail =
        new StringBuilder("entry " + entry.name() + ": " + rule.citation().why());
    if (!enabled.description().isEmpty()) {
      detail.append(", as ").append(enabled.description());
    }
    detail.append(" (source ").append(rule.citation().source()).append(")");
    SourceLocation location = enabled.location();
    ClientBehaviour.Consistency consistency =
        rule.request().consistency().orElse(ClientBehaviour.CLIENT_GO.consistency());
    for (Switch s : rule.switches()) {
      Optional<Evidence> evidence = s.when().test(facts, item);
      if (evidence.isEmpty()) {
        continue;
      }
      if (s.drop()) {
        return new Built.Dropped(s.because() + " (" + evidence.get().description() + ")");
      }
      scope = s.scope().orElse(scope);
      pattern = s.pattern().orElse(pattern);
      consistency = s.consistency().orElse(consistency);
      if (s.namespaceFrom().isPresent()) {
        namespace = value(s.namespaceFrom().get(), facts, item).orElse(namespace);
      }
      if (s.every() > 0) {
        every = s.every();
      }
      if (s.everyFrom().isPresent()) {
        every = value(s.everyFrom().get(), facts, item).flatMap(Durations::seconds).orElse(every);
      }
      detail
          .append("; ")
          .append(s.because())
          .append(": ")
          .append(evidence.get().description())
          .append(" (source ")
          .append(s.source())
          .append(")");
      location = evidence.get().location();
    }
    if (scope == Scope.NAMESPACE && Resources.isClusterScoped(resource)) {
      scope = Scope.CLUSTER; // a namespace cannot narrow a cluster-scoped resource
    }
    if (scope == Scope.NAMESPACE && namespace.isEmpty()) {
      namespace = facts.workload().namespace();
    }
    double period = pattern == Pattern.POLL ? (every > 0 ? every : Access.DEFAULT_POLL_SECONDS) : 0;
    Optional<Double> rate =
        pattern == Pattern.GET_PER_EVENT && every > 0 ? Optional.of(1 / every) : Optional.empty();
    Set<String> verbs =
        Set.copyOf(
            pattern == rule.request().pattern() ? rule.request().verbs() : pattern.defaultVerbs());
    return new Built.Kept(
        new Access(
            resource,
            verbs,
            Access.Reach.of(scope, namespace),
            Access.Use.of(pattern, period, rate),
            new Provenance(
                Provenance.Source.CATALOG, detail.toString(), location, rule.citation().fix()),
            ClientBehaviour.CLIENT_GO
                .withConsistency(consistency)
                .withMetadataOnly(rule.request().metadataOnly())));
  }

  private static Optional<String> value(ValueSource source, ContainerFacts facts, Item item) {
    List<String> values =
        switch (source.kind()) {
          case ARG ->
              facts.flag(source.key()).stream().map(ContainerFacts.ArgValue::value).toList();
          case ENV ->
              facts
                  .env(source.key())
                  .map(ContainerFacts.EnvValue::value)
                  .map(List::of)
                  .orElse(List.of());
          case CONFIG -> source.path().orElseThrow().values(facts.config().tree());
          case ITEM -> item.values(source.path().orElseThrow());
        };
    return values.stream().filter(v -> !v.isBlank()).findFirst().map(v -> facts.expand(v.strip()));
  }
}
