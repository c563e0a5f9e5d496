package io.kubeload.access.inference;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.kubeload.access.Access;
import io.kubeload.access.Access.Pattern;
import io.kubeload.access.Access.Scope;
import io.kubeload.access.AccessSet;
import io.kubeload.access.NoteKind;
import io.kubeload.access.PodSpecPaths;
import io.kubeload.access.Provenance;
import io.kubeload.access.Provenance.Source;
import io.kubeload.access.catalog.CatalogInference;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.manifest.Resources;
import io.kubeload.workload.Workload;
import io.kubeload.yaml.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Infers what each pod of a workload asks of the API server. Sources, strongest first: the
 * {@code kubeload.io/access} annotation, the catalog entry of every container with its parsed
 * configuration (an entry whose accesses depend on an unread configuration does not decide),
 * pod-spec hints (own-node scope), RBAC as an upper bound.
 */
public final class AccessInference {

  private static final Set<String> INFORMER_VERBS = Set.of("watch", "*");

  private AccessInference() {}

  public static AccessSet infer(Workload workload, ManifestSet manifests) {
    Optional<List<Access>> declared = AccessAnnotation.read(workload);
    if (declared.isPresent()) {
      return new AccessSet(
          workload, "annotation " + AccessAnnotation.KEY, declared.get(), List.of());
    }
    Optional<String> noToken = tokenNotMounted(workload, manifests);
    if (noToken.isPresent()) {
      return new AccessSet(
          workload,
          "automountServiceAccountToken: false in the " + noToken.get() + ": no API access",
          List.of(),
          List.of());
    }
    RbacGrants.Result rbac =
        RbacGrants.forAccount(workload.serviceAccount(), workload.namespace(), manifests);
    Granted fromRbac = fromGrants(rbac.grants());
    List<Access> granted = fromRbac.accesses();
    List<AccessSet.Note> rbacNotes = fromRbac.notes();
    CatalogInference.Result catalog = CatalogInference.infer(workload, manifests);
    if (catalog.decides()) {
      List<AccessSet.Note> notes = new ArrayList<>(catalog.notes());
      upperBound(granted, rbacNotes, catalog).ifPresent(notes::add);
      return new AccessSet(workload, catalog.basis(), catalog.accesses(), notes);
    }
    List<AccessSet.Note> notes = new ArrayList<>();
    rbac.missing().stream()
        .filter(missing -> !missing.name().startsWith("system:"))
        .forEach(
            missing ->
                notes.add(
                    new AccessSet.Note(
                        NoteKind.RBAC_ROLE_NOT_FOUND,
                        missing.binding()
                            + " binds "
                            + missing.kind()
                            + " "
                            + missing.name()
                            + ", which is not in the manifests: its grants are not counted",
                        missing.location())));
    notes.addAll(rbacNotes);
    if (rbac.grants().isEmpty()) {
      unsetNamespace(workload, manifests).ifPresent(notes::add);
    }
    notes.addAll(catalog.undecided());
    if (!catalog.recognised().isEmpty() && !catalog.unrecognised().isEmpty()) {
      notes.add(
          new AccessSet.Note(
              NoteKind.CATALOG_PARTIAL,
              "the catalog knows "
                  + catalog.recognised().stream()
                      .map(r -> r.container() + " (" + r.entry().name() + ")")
                      .toList()
                  + " but not "
                  + catalog.unrecognised()
                  + ": RBAC's upper bound stands for the whole pod",
              workload.location()));
    }
    List<Access> accesses = granted;
    Optional<NodeNameHint> hint = NodeNameHint.find(workload);
    if (hint.isPresent()) {
      accesses = accesses.stream().map(a -> ownNode(a, hint.get())).toList();
    }
    String basis =
        hint.isPresent() ? "RBAC (upper bound), narrowed by the pod spec" : "RBAC (upper bound)";
    return new AccessSet(workload, basis, accesses, notes);
  }

  /**
   * A workload rendered without a namespace whose ServiceAccount the bindings name in another one:
   * {@code helm template -n NS} writes NS into the templates that ask for it only, and an install
   * would put the rest there too. Read as it is, the account has no grants and the pods no load.
   */
  private static Optional<AccessSet.Note> unsetNamespace(Workload workload, ManifestSet manifests) {
    if (workload.manifest().namespaceWritten()) {
      return Optional.empty();
    }
    SortedSet<String> elsewhere =
        RbacGrants.accountNamespaces(workload.serviceAccount(), manifests);
    elsewhere.remove(workload.namespace());
    if (elsewhere.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AccessSet.Note(
            NoteKind.NAMESPACE_UNSET,
            workload.ref()
                + " is written without metadata.namespace, so it is read as namespace "
                + workload.namespace()
                + ", but the bindings name ServiceAccount "
                + workload.serviceAccount()
                + " in namespace "
                + String.join(", ", elsewhere)
                + ": its grants are not counted",
            workload.location(),
            "analyse with --namespace "
                + elsewhere.first()
                + " (where the release is installed: helm template -n), "
                + "or write metadata.namespace in the template"));
  }

  /**
   * RBAC that lets the pods read resources, or read them more widely, than the catalog says they
   * do: not a failure, but a least-privilege gap and a sign the inference rests on the catalog alone.
   */
  private static Optional<AccessSet.Note> upperBound(
      List<Access> granted, List<AccessSet.Note> rbacNotes, CatalogInference.Result catalog) {
    List<Access> unused =
        granted.stream()
            .filter(g -> g.pattern() == Pattern.INFORMER || g.pattern() == Pattern.POLL)
            .filter(g -> g.scope() == Scope.CLUSTER || g.scope() == Scope.NAMESPACE)
            .filter(
                g ->
                    catalog.accesses().stream()
                        .noneMatch(
                            a ->
                                a.resource().equals(g.resource())
                                    && a.scope().breadth() >= g.scope().breadth()))
            .toList();
    boolean wildcard = rbacNotes.stream().anyMatch(n -> n.kind() == NoteKind.RBAC_WILDCARD);
    if (unused.isEmpty() && !wildcard) {
      return Optional.empty();
    }
    List<String> listed =
        unused.stream().map(a -> a.resource() + " (" + a.scope().label() + ")").distinct().toList();
    String what =
        (listed.isEmpty()
                ? ""
                : "list/watch on "
                    + listed.size()
                    + " resource"
                    + (listed.size() == 1 ? "" : "s")
                    + " ("
                    + String.join(", ", listed.subList(0, Math.min(8, listed.size())))
                    + (listed.size() > 8 ? ", ..." : "")
                    + ")")
            + (wildcard ? (listed.isEmpty() ? "" : " and ") + "every resource (*)" : "");
    SourceLocation at =
        unused.isEmpty()
            ? rbacNotes.stream()
                .filter(n -> n.kind() == NoteKind.RBAC_WILDCARD)
                .findFirst()
                .orElseThrow()
                .location()
            : unused.get(0).provenance().location();
    return Optional.of(
        new AccessSet.Note(
            NoteKind.RBAC_UPPER_BOUND,
            "RBAC grants "
                + what
                + " beyond what the catalog ("
                + String.join(
                    ", ",
                    catalog.recognised().stream().map(r -> r.entry().name()).distinct().toList())
                + ") says the pods read: an upper bound, not a failure; the verdict rests on the catalog",
            at,
            "grant only what the component uses (least privilege), or declare the accesses with kubeload.io/access if the catalog is wrong"));
  }

  /**
   * Pods with no API token make no API calls (pod spec, then the ServiceAccount), unless a
   * container mounts a projected ServiceAccount token of its own: automount only governs the
   * token the kubelet adds.
   */
  private static Optional<String> tokenNotMounted(Workload workload, ManifestSet manifests) {
    if (mountsProjectedToken(workload.podSpec())) {
      return Optional.empty();
    }
    Boolean podSetting = workload.podSpec().getAutomountServiceAccountToken();
    if (podSetting != null) {
      return podSetting ? Optional.empty() : Optional.of("pod spec");
    }
    return manifests
        .find("ServiceAccount", workload.namespace(), workload.serviceAccount())
        .flatMap(m -> m.as(ServiceAccount.class))
        .filter(sa -> Boolean.FALSE.equals(sa.getAutomountServiceAccountToken()))
        .map(sa -> "ServiceAccount");
  }

  /** A volume with a projected serviceAccountToken source that some container mounts. */
  private static boolean mountsProjectedToken(PodSpec pod) {
    Set<String> tokenVolumes = new TreeSet<>();
    for (Volume volume : orEmpty(pod.getVolumes())) {
      if (volume != null
          && volume.getProjected() != null
          && orEmpty(volume.getProjected().getSources()).stream()
              .anyMatch(source -> source != null && source.getServiceAccountToken() != null)) {
        tokenVolumes.add(volume.getName());
      }
    }
    List<Container> containers = new ArrayList<>(orEmpty(pod.getContainers()));
    containers.addAll(orEmpty(pod.getInitContainers()));
    return containers.stream()
        .filter(java.util.Objects::nonNull)
        .flatMap(c -> orEmpty(c.getVolumeMounts()).stream())
        .anyMatch(mount -> mount != null && tokenVolumes.contains(mount.getName()));
  }

  private static Access ownNode(Access access, NodeNameHint hint) {
    if (!access.resource().equals("pods") || access.scope() != Scope.CLUSTER) {
      return access;
    }
    return access.withScope(
        Scope.OWN_NODE,
        new Provenance(
            Source.POD_SPEC,
            Stream.of(
                    List.of(hint.describe(), " (heuristic: narrows "),
                    access.provenance().detailParts(),
                    List.of(")"))
                .flatMap(List::stream)
                .toList(),
            hint.location()));
  }

  /** Key of the grants merged into one access: resource, scope and namespace. */
  private record Target(String resource, boolean clusterWide, String namespace, boolean named) {

    // The record's own equals and hashCode, without method handles (SpelledOutRecordsTest).
    @Override
    public boolean equals(Object other) {
      return other instanceof Target target
          && Objects.equals(resource, target.resource)
          && clusterWide == target.clusterWide
          && Objects.equals(namespace, target.namespace)
          && named == target.named;
    }

    @Override
    public int hashCode() {
      int hash = Objects.hashCode(resource);
      hash = 31 * hash + Boolean.hashCode(clusterWide);
      hash = 31 * hash + Objects.hashCode(namespace);
      return 31 * hash + Boolean.hashCode(named);
    }
  }

  /** The accesses RBAC's grants allow, and what they leave unknown. */
  private record Granted(List<Access> accesses, List<AccessSet.Note> notes) {

    Granted {
      accesses = List.copyOf(accesses);
      notes = List.copyOf(notes);
    }
  }

  private static Granted fromGrants(List<RbacGrants.Grant> grants) {
    List<AccessSet.Note> notes = new ArrayList<>();
    Map<Target, Set<String>> verbs = new LinkedHashMap<>();
    Map<Target, RbacGrants.Grant> firstGrant = new LinkedHashMap<>();
    for (RbacGrants.Grant grant : grants) {
      PolicyRule rule = grant.rule();
      List<String> resources = orEmpty(rule.getResources());
      if (resources.contains("*")) {
        notes.add(
            new AccessSet.Note(
                NoteKind.RBAC_WILDCARD,
                grant.viaText()
                    + " grants "
                    + String.join(",", orEmpty(rule.getVerbs()))
                    + " on every resource: what the pods use cannot be inferred; declare it with kubeload.io/access",
                grant.location()));
        continue;
      }
      List<String> groups =
          orEmpty(rule.getApiGroups()).isEmpty() ? List.of("") : orEmpty(rule.getApiGroups());
      boolean named = !orEmpty(rule.getResourceNames()).isEmpty();
      for (String group : groups) {
        for (String resource : resources) {
          if (resource.contains("/")) {
            continue; // subresources (pods/log, nodes/proxy) are not list-watched
          }
          Target target =
              new Target(
                  Resources.key(group, resource), grant.clusterWide(), grant.namespace(), named);
          verbs.computeIfAbsent(target, t -> new TreeSet<>()).addAll(orEmpty(rule.getVerbs()));
          firstGrant.putIfAbsent(target, grant);
        }
      }
    }
    List<Access> out = new ArrayList<>();
    for (Map.Entry<Target, Set<String>> e : verbs.entrySet()) {
      Target t = e.getKey();
      Optional<Pattern> pattern = patternFor(t.resource(), e.getValue());
      if (pattern.isEmpty()
          || (!t.clusterWide() && coveredByClusterGrant(t, pattern.get(), verbs))) {
        continue;
      }
      RbacGrants.Grant grant = firstGrant.get(t);
      List<String> detail = new ArrayList<>(grant.via());
      // The verbs are one of a few lists, kept by every access.
      detail.addAll(
          List.of(
              " grants ",
              String.join(",", e.getValue()).intern(),
              " ",
              t.resource(),
              " (an upper bound: RBAC says what the pods may do)"));
      Provenance provenance = new Provenance(Source.RBAC, detail, grant.location());
      out.add(
          new Access(
              t.resource(),
              e.getValue(),
              t.named()
                  ? Access.Reach.NAMED
                  : t.clusterWide()
                      ? Access.Reach.CLUSTER
                      : new Access.Reach.InNamespace(t.namespace()),
              Access.Use.of(pattern.get(), Access.DEFAULT_POLL_SECONDS, Optional.empty()),
              provenance));
    }
    return new Granted(dedupeLeaderElection(out), notes);
  }

  /** A cluster-wide grant of the same or a stronger pattern already sees everything this namespace grant does. */
  private static boolean coveredByClusterGrant(
      Target t, Pattern pattern, Map<Target, Set<String>> verbs) {
    Set<String> clusterVerbs = verbs.get(new Target(t.resource(), true, "", t.named()));
    if (clusterVerbs == null) {
      return false;
    }
    return patternFor(t.resource(), clusterVerbs)
        .filter(cluster -> strength(cluster) >= strength(pattern))
        .isPresent();
  }

  private static int strength(Pattern pattern) {
    return switch (pattern) {
      case LEADER_ELECTION, INFORMER -> 3;
      case POLL -> 2;
      case GET_PER_EVENT -> 1;
    };
  }

  /** The pattern a client with these verbs follows; empty for write-only grants (rate unknown). */
  static Optional<Pattern> patternFor(String resource, Set<String> verbs) {
    boolean get = verbs.contains("get") || verbs.contains("*");
    boolean write =
        verbs.contains("update")
            || verbs.contains("create")
            || verbs.contains("patch")
            || verbs.contains("*");
    if (resource.equals("leases") && get && write) {
      return Optional.of(Pattern.LEADER_ELECTION);
    }
    if (verbs.stream().anyMatch(INFORMER_VERBS::contains)) {
      return Optional.of(Pattern.INFORMER);
    }
    if (verbs.contains("list")) {
      return Optional.of(Pattern.POLL);
    }
    if (get) {
      return Optional.of(Pattern.GET_PER_EVENT);
    }
    return Optional.empty();
  }

  /** One elector per pod, however many bindings grant leases. */
  private static List<Access> dedupeLeaderElection(List<Access> accesses) {
    List<Access> out = new ArrayList<>();
    boolean elector = false;
    for (Access a : accesses) {
      if (a.pattern() == Pattern.LEADER_ELECTION) {
        if (elector) {
          continue;
        }
        elector = true;
      }
      out.add(a);
    }
    return out;
  }

  /**
   * A list's items without nulls: Kubernetes decodes {@code verbs: [get, ~]} with "" in place of the
   * null, which names nothing (a null once crashed here: docs/fuzzing.md).
   */
  private static <T> List<T> orEmpty(List<T> values) {
    return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
  }

  static SourceLocation podSpecLocation(Workload workload, String relativePath) {
    return workload.manifest().locationOf(PodSpecPaths.of(workload.kind()) + relativePath);
  }
}
