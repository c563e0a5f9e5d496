package io.kubeload.access.catalog;

import io.kubeload.access.Access;
import io.kubeload.access.Access.Pattern;
import io.kubeload.access.Provenance;
import io.kubeload.access.catalog.CatalogEntry.AccessRule;
import io.kubeload.access.config.Discovery;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.yaml.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes service discovery as accesses: each distinct discovery runs its own informers, one per
 * resource of its role and per namespace it is limited to. Prometheus runs identical discovery
 * configurations once (prometheus/prometheus:discovery/manager.go, registerProviders), so for it
 * only distinct ones count: one watch per distinct selector set.
 */
final class DiscoveryAccesses {

  /** What each role lists and watches: prometheus/prometheus:discovery/kubernetes/kubernetes.go (Discovery.Run). */
  private static final Map<String, List<String>> ROLES =
      Map.of(
          "pod", List.of("pods"),
          "node", List.of("nodes"),
          "service", List.of("services"),
          "endpoints", List.of("endpoints", "services", "pods"),
          "endpointslice", List.of("endpointslices", "services", "pods"),
          "ingress", List.of("ingresses"));

  /** The selector role that filters each resource (the {@code selectors} item with that role). */
  private static final Map<String, String> SELECTED_BY =
      Map.of(
          "pods",
          "pod",
          "nodes",
          "node",
          "services",
          "service",
          "endpoints",
          "endpoints",
          "endpointslices",
          "endpointslice",
          "ingresses",
          "ingress");

  /** Roles whose targets attach node metadata, with one more informer on nodes, when asked to. */
  private static final Set<String> ATTACHES_NODES = Set.of("pod", "endpoints", "endpointslice");

  /** The discoveries read from the resources an operator's monitors are, not from the configuration. */
  private static final String MONITORS = "monitors";

  private DiscoveryAccesses() {}

  /** True when the discoveries are read from the container's configuration. */
  static boolean readConfig(String style) {
    return !style.equals(MONITORS);
  }

  /** A discovery, where it is written, and in which file (empty for monitors, named by their origin). */
  private record Located(Discovery discovery, SourceLocation location, String file) {}

  static List<Access> of(
      CatalogEntry entry, AccessRule rule, ContainerFacts facts, ManifestSet manifests) {
    String style = rule.target().discoveries().orElseThrow();
    List<Located> found = new ArrayList<>();
    switch (style) {
      case MONITORS ->
          MonitorDiscoveries.of(facts.workload().manifest(), manifests)
              .forEach(f -> found.add(new Located(f.discovery(), f.location(), "")));
      case "alloy" ->
          Discovery.alloy(facts.config().tree())
              .forEach(
                  d -> found.add(located(d, facts, d.origin().replaceAll("^.*\"(.*)\"$", "$1"))));
      default ->
          Discovery.prometheusStyle(facts.config().tree())
              .forEach(
                  d -> found.add(located(d, facts, d.origin().replaceAll("^job (\\S+).*$", "$1"))));
    }
    Map<Discovery, Located> distinct = new LinkedHashMap<>();
    for (Located l : found) {
      distinct.putIfAbsent(
          style.equals("alloy") ? l.discovery() : l.discovery().withoutOrigin(), l);
    }
    List<Access> out = new ArrayList<>();
    for (Located l : distinct.values()) {
      Discovery d = l.discovery();
      List<String> resources = new ArrayList<>(ROLES.getOrDefault(d.role(), List.of()));
      if (d.attachNode() && ATTACHES_NODES.contains(d.role())) {
        resources.add("nodes");
      }
      for (String resource : resources) {
        Discovery.Selector selector = d.selectors().get(SELECTED_BY.get(resource));
        String field = selector == null ? "" : selector.field();
        String detail =
            "entry "
                + entry.name()
                + ": "
                + rule.citation().why()
                + ": "
                + d.origin()
                + l.file()
                + " (role "
                + d.role()
                + (d.namespaces().isEmpty()
                    ? ""
                    : ", namespaces " + String.join(",", d.namespaces()))
                + (selector == null
                    ? ""
                    : ", selector " + (selector.label() + " " + selector.field()).strip())
                + ") lists and watches "
                + resource
                + (rule.target().nodeFilteredRoles().contains(d.role()) && resource.equals("pods")
                    ? "; "
                        + entry.name()
                        + " adds spec.nodeName=<its node> to role "
                        + d.role()
                        + " by itself"
                    : "")
                + " (source "
                + rule.citation().source()
                + "; roles: prometheus/prometheus:discovery/kubernetes/kubernetes.go)";
        Provenance provenance =
            new Provenance(
                Provenance.Source.CATALOG,
                detail,
                l.location(),
                rule.citation()
                    .fix()
                    .or(
                        () ->
                            resource.equals("pods")
                                ? Optional.of(nodeFilter(style, d))
                                : Optional.empty()));
        for (Access.Reach reach : reaches(resource, d, field, rule, facts)) {
          out.add(
              new Access(
                  resource,
                  Set.copyOf(Pattern.INFORMER.defaultVerbs()),
                  reach,
                  Access.Use.INFORMER,
                  provenance));
        }
      }
    }
    return out;
  }

  /** The selector that limits a per-node agent's pod discovery to its own node, in the config's own language. */
  private static String nodeFilter(String style, Discovery d) {
    String where = d.origin();
    return style.equals("alloy")
        ? "give "
            + where
            + " a selectors block { role = \"pod\" field = \"spec.nodeName=\" + sys.env(\"HOSTNAME\") } "
            + "(HOSTNAME set from fieldRef spec.nodeName): it then watches only its own node's pods"
        : "limit "
            + where
            + "'s pod discovery to its own node with a selectors entry {role: pod, field: spec.nodeName=<its node>} "
            + "(the node name from fieldRef spec.nodeName, put into the config where the agent expands variables), or run the "
            + "discovery once in a Deployment instead of on every node";
  }

  private static List<Access.Reach> reaches(
      String resource, Discovery d, String field, AccessRule rule, ContainerFacts facts) {
    if (resource.equals("nodes")) {
      return List.of(field.contains("metadata.name=") ? Access.Reach.NAMED : Access.Reach.CLUSTER);
    }
    if (resource.equals("pods")
        && (field.contains("spec.nodeName=")
            || rule.target().nodeFilteredRoles().contains(d.role()))) {
      return List.of(Access.Reach.OWN_NODE);
    }
    if (!d.namespaces().isEmpty()) {
      return d.namespaces().stream().<Access.Reach>map(Access.Reach.InNamespace::new).toList();
    }
    if (d.ownNamespace()) {
      return List.of(new Access.Reach.InNamespace(facts.workload().namespace()));
    }
    return List.of(Access.Reach.CLUSTER);
  }

  /** A discovery located by a word of its origin (its job name or block label) in the config files. */
  private static Located located(Discovery d, ContainerFacts facts, String word) {
    return facts
        .config()
        .find(word)
        .map(place -> new Located(d, place.location(), " in " + place.file().origin()))
        .orElse(new Located(d, facts.containerLocation(), ""));
  }
}
