package io.kubeload.access.catalog;

import io.kubeload.access.Access.Pattern;
import io.kubeload.access.Access.Scope;
import io.kubeload.access.ClientBehaviour;
import io.kubeload.access.NoteKind;
import io.kubeload.access.config.ConfigLanguage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What kubeload knows about one component (and version range): how to recognise its containers,
 * where its configuration is, what it asks of the API server by default and which settings change
 * that. Read from a YAML resource; docs/catalog.md gives the schema.
 *
 * @param file the resource the entry was read from
 */
public record CatalogEntry(
    String name,
    String title,
    String summary,
    Optional<VersionRange> versions,
    Recognition recognition,
    Optional<ConfigSpec> config,
    List<AccessRule> accesses,
    List<NoteRule> notes,
    String file) {

  public CatalogEntry {
    accesses = List.copyOf(accesses);
    notes = List.copyOf(notes);
  }

  /**
   * True when which requests the entry's accesses make depends on its configuration (a condition,
   * a repetition, a value or a discovery read from it): without the configuration the catalog
   * cannot tell what the container asks.
   */
  public boolean accessesReadConfig() {
    return accesses.stream().anyMatch(AccessRule::readsConfig);
  }

  /** True when the entry says what the container asks when its configuration cannot be read. */
  public boolean declaresUnreadConfig() {
    return accesses.stream()
        .anyMatch(a -> a.when().filter(Condition::asksIfConfigUnread).isPresent());
  }

  /**
   * Which containers are this component.
   *
   * @param images repository patterns: a repository matches when it is the pattern or ends with
   *     {@code /pattern}; {@code *} stands for any characters but {@code /}
   * @param command a regular expression the container's command and args must contain
   * @param createdFrom the kind of the custom resource an operator turns into the workload
   * @param labels labels the workload or its pod template must carry, each with its value
   */
  public record Recognition(
      List<String> images,
      Optional<java.util.regex.Pattern> command,
      Optional<String> createdFrom,
      Map<String, String> labels) {

    public Recognition {
      images = List.copyOf(images);
      labels = Map.copyOf(labels);
    }
  }

  /**
   * Where the configuration is: files (keys) of the ConfigMaps the container mounts.
   *
   * @param files key globs; {@code *} for all keys
   * @param configMaps ConfigMap name globs; empty for any mounted ConfigMap; a plain name is read
   *     even when not mounted (the component reads it through the API)
   */
  public record ConfigSpec(ConfigLanguage language, List<String> files, List<String> configMaps) {

    public ConfigSpec {
      files = List.copyOf(files);
      configMaps = List.copyOf(configMaps);
    }
  }

  /**
   * One kind of request the component makes, with the settings that change it.
   *
   * @param target which resources it asks for
   * @param request how it asks, before a switch changes that
   * @param when the condition for it to happen at all; empty for always
   * @param switches settings that change the request, in order
   */
  public record AccessRule(
      Target target,
      Request request,
      Optional<Condition> when,
      List<Switch> switches,
      Citation citation) {

    public AccessRule {
      switches = List.copyOf(switches);
    }

    boolean readsConfig() {
      return target.discoveries().filter(DiscoveryAccesses::readConfig).isPresent()
          || when.filter(Condition::readsConfig).isPresent()
          || target.forEach().filter(f -> f.from().readsConfig()).isPresent()
          || target.resourceFrom().filter(ValueSource::readsConfig).isPresent()
          || target.groupFrom().filter(ValueSource::readsConfig).isPresent()
          || switches.stream().anyMatch(Switch::readsConfig);
    }
  }

  /**
   * The resources an access rule asks for.
   *
   * @param resources resource keys as the profile names them; {@code {item}} takes a forEach item
   * @param resourceFrom where the resource comes from instead (with its API group from {@code groupFrom})
   * @param discoveries Kubernetes service discovery read from the config: {@code prometheus},
   *     {@code alloy}, or {@code monitors} (the ServiceMonitors and PodMonitors a Prometheus selects)
   * @param nodeFilteredRoles discovery roles the component narrows to its own node by itself
   */
  public record Target(
      List<String> resources,
      Optional<ValueSource> resourceFrom,
      Optional<ValueSource> groupFrom,
      Optional<ForEach> forEach,
      Optional<String> discoveries,
      List<String> nodeFilteredRoles) {

    public Target {
      resources = List.copyOf(resources);
      nodeFilteredRoles = List.copyOf(nodeFilteredRoles);
    }
  }

  /**
   * How an access rule's requests are made when no switch says otherwise.
   *
   * @param every seconds between polls, or between GETs of a get-per-event access; 0 for none
   */
  public record Request(
      List<String> verbs,
      Scope scope,
      String namespace,
      Pattern pattern,
      double every,
      Optional<ClientBehaviour.Consistency> consistency,
      boolean metadataOnly) {

    public Request {
      verbs = List.copyOf(verbs);
    }
  }

  /** Why the catalog says an access happens, the upstream source that shows it, and how to avoid its load. */
  public record Citation(String why, String source, Optional<String> fix) {}

  /**
   * A setting that changes an access when its condition holds.
   *
   * @param namespaceFrom where the namespace of a namespace scope comes from
   * @param everyFrom where a new period comes from (a number of seconds or a duration like 5m0s)
   * @param drop true when the access does not happen at all
   */
  public record Switch(
      Condition when,
      Optional<Scope> scope,
      Optional<ValueSource> namespaceFrom,
      Optional<Pattern> pattern,
      double every,
      Optional<ValueSource> everyFrom,
      boolean drop,
      Optional<ClientBehaviour.Consistency> consistency,
      String because,
      String source) {

    boolean readsConfig() {
      return when.readsConfig()
          || namespaceFrom.filter(ValueSource::readsConfig).isPresent()
          || everyFrom.filter(ValueSource::readsConfig).isPresent();
    }
  }

  /**
   * Repeats an access for each value: a config list, a flag's values, an env var split on a separator.
   *
   * @param defaults the values when the source gives none
   * @param map value → resources; empty when the value is the resource itself
   */
  public record ForEach(
      ValueSource from, String split, List<String> defaults, Map<String, List<String>> map) {

    public ForEach {
      defaults = List.copyOf(defaults);
      map = Map.copyOf(map);
    }
  }

  /** A value read from the container: a flag, an env var, a config path, or the current item. */
  public record ValueSource(Kind kind, String key, Optional<PathQuery> path) {
    public enum Kind {
      ARG,
      ENV,
      CONFIG,
      ITEM
    }

    boolean readsConfig() {
      return kind == Kind.CONFIG;
    }
  }

  /** A warning the entry raises when its condition holds: what the model cannot count. */
  public record NoteRule(
      NoteKind kind, Condition when, String message, String fix, String source) {}
}
