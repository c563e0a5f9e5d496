package io.kubeload.access.inference;

import io.fabric8.kubernetes.api.model.rbac.AggregationRule;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.kubeload.access.LabelSelectors;
import io.kubeload.manifest.Manifest;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.yaml.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The RBAC rules that reach a ServiceAccount through the bindings in the same release, with
 * ClusterRole aggregation resolved. RBAC says what a pod may do: an upper bound on what it does.
 */
final class RbacGrants {

  /**
   * One rule as it applies to the account: cluster-wide, or in the binding's namespace.
   *
   * @param via the binding, its role and the rule, in the pieces {@link
   *     io.kubeload.access.Provenance#detailParts}
   *     keeps
   */
  record Grant(
      PolicyRule rule,
      boolean clusterWide,
      String namespace,
      List<String> via,
      SourceLocation location) {

    Grant {
      via = List.copyOf(via);
    }

    /** The binding, its role and the rule, as one text. */
    String viaText() {
      return String.join("", via);
    }
  }

  /** A role a binding names that the manifests do not contain. */
  record MissingRole(String kind, String name, String binding, SourceLocation location) {}

  record Result(List<Grant> grants, List<MissingRole> missing) {

    static final Result NONE = new Result(List.of(), List.of());

    Result {
      grants = List.copyOf(grants);
      missing = List.copyOf(missing);
    }
  }

  private RbacGrants() {}

  static Result forAccount(String account, String namespace, ManifestSet manifests) {
    List<Grant> grants = new ArrayList<>();
    List<MissingRole> missing = new ArrayList<>();
    for (Binding b : manifests.derived(Bindings.class, Bindings::of).mayBind(account, namespace)) {
      Result bound = Result.NONE;
      if (b.clusterWide() && binds(b.subjects(), account, namespace, "")) {
        bound =
            collect(
                b.roleRef(),
                true,
                "",
                "ClusterRoleBinding " + b.manifest().name(),
                b.manifest(),
                manifests);
      } else if (!b.clusterWide()
          && binds(b.subjects(), account, namespace, b.manifest().namespace())) {
        String where = b.manifest().namespace();
        bound =
            collect(
                b.roleRef(),
                false,
                where,
                "RoleBinding " + where + "/" + b.manifest().name(),
                b.manifest(),
                manifests);
      }
      grants.addAll(bound.grants());
      missing.addAll(bound.missing());
    }
    return new Result(grants, missing);
  }

  /** The namespaces in which the bindings name a ServiceAccount called {@code account}, sorted. */
  static SortedSet<String> accountNamespaces(String account, ManifestSet manifests) {
    Bindings bindings = manifests.derived(Bindings.class, Bindings::of);
    TreeSet<String> out = new TreeSet<>();
    for (int i : bindings.bySubject().getOrDefault("ServiceAccount:" + account, List.of())) {
      Binding b = bindings.all().get(i);
      for (Subject s : b.subjects()) {
        if ("ServiceAccount".equals(s.getKind()) && account.equals(s.getName())) {
          out.add(
              s.getNamespace() == null || s.getNamespace().isBlank()
                  ? b.manifest().namespace()
                  : s.getNamespace());
        }
      }
    }
    return out;
  }

  /** A ClusterRoleBinding or RoleBinding as read. */
  private record Binding(
      Manifest manifest, boolean clusterWide, List<Subject> subjects, RoleRef roleRef) {

    /** Subjects as read, less the empty entries a chart may leave ({@code subjects: [null]}); none when unset. */
    Binding {
      subjects = subjects == null ? List.of() : subjects.stream().filter(Objects::nonNull).toList();
    }
  }

  /**
   * Every binding, ClusterRoleBindings first, each in the set's order, and where each is listed under
   * the subject names it holds, so that a workload looks only at bindings that name its account, its
   * username, or a group every account is in. {@link #binds} still decides.
   */
  private record Bindings(List<Binding> all, Map<String, List<Integer>> bySubject) {

    Bindings {
      all = List.copyOf(all);
      bySubject = Map.copyOf(bySubject);
    }

    static Bindings of(ManifestSet manifests) {
      List<Binding> all = new ArrayList<>();
      manifests
          .ofKind("ClusterRoleBinding")
          .forEach(
              m ->
                  m.as(ClusterRoleBinding.class)
                      .ifPresent(
                          crb ->
                              all.add(new Binding(m, true, crb.getSubjects(), crb.getRoleRef()))));
      manifests
          .ofKind("RoleBinding")
          .forEach(
              m ->
                  m.as(RoleBinding.class)
                      .ifPresent(
                          rb -> all.add(new Binding(m, false, rb.getSubjects(), rb.getRoleRef()))));
      Map<String, List<Integer>> bySubject = new HashMap<>();
      for (int i = 0; i < all.size(); i++) {
        for (Subject s : all.get(i).subjects()) {
          if (s.getKind() != null) {
            bySubject
                .computeIfAbsent(s.getKind() + ":" + s.getName(), key -> new ArrayList<>())
                .add(i);
          }
        }
      }
      return new Bindings(all, bySubject);
    }

    List<Binding> mayBind(String account, String namespace) {
      TreeSet<Integer> positions = new TreeSet<>();
      for (String key :
          List.of(
              "ServiceAccount:" + account,
              "User:system:serviceaccount:" + namespace + ":" + account,
              "Group:system:serviceaccounts",
              "Group:system:serviceaccounts:" + namespace,
              "Group:system:authenticated")) {
        positions.addAll(bySubject.getOrDefault(key, List.of()));
      }
      return positions.stream().map(all::get).toList();
    }
  }

  private static boolean binds(
      List<Subject> subjects, String account, String namespace, String bindingNamespace) {
    for (Subject s : subjects) {
      if (s.getKind() == null) {
        continue;
      }
      if (s.getKind().equals("User")
          && ("system:serviceaccount:" + namespace + ":" + account).equals(s.getName())) {
        return true; // a ServiceAccount's username, written as a User subject
      }
      if (s.getKind().equals("ServiceAccount")) {
        String ns =
            s.getNamespace() == null || s.getNamespace().isBlank()
                ? bindingNamespace
                : s.getNamespace();
        if (account.equals(s.getName()) && namespace.equals(ns)) {
          return true;
        }
      } else if (s.getKind().equals("Group")) {
        String group = String.valueOf(s.getName());
        if (group.equals("system:serviceaccounts")
            || group.equals("system:serviceaccounts:" + namespace)
            || group.equals("system:authenticated")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The grants one binding's role gives, or the role it names that is not there. */
  private static Result collect(
      RoleRef ref,
      boolean clusterWide,
      String namespace,
      String via,
      Manifest binding,
      ManifestSet manifests) {
    if (ref == null || ref.getName() == null) {
      return Result.NONE;
    }
    String kind = ref.getKind() == null ? "ClusterRole" : ref.getKind();
    Optional<Manifest> role =
        kind.equals("Role")
            ? manifests.find("Role", namespace, ref.getName())
            : manifests.find("ClusterRole", "", ref.getName());
    if (role.isEmpty()) {
      return new Result(
          List.of(),
          List.of(new MissingRole(kind, ref.getName(), via, binding.locationOf("roleRef"))));
    }
    List<String> through = List.of(via, " → ", kind + " " + ref.getName());
    List<Grant> grants = new ArrayList<>(grantsOf(role.get(), clusterWide, namespace, through));
    for (Manifest member : aggregated(role.get(), manifests)) {
      grants.addAll(
          grantsOf(
              member,
              clusterWide,
              namespace,
              with(through, " (aggregates ClusterRole " + member.name() + ")")));
    }
    return new Result(grants, List.of());
  }

  private static List<Grant> grantsOf(
      Manifest role, boolean clusterWide, String namespace, List<String> via) {
    List<PolicyRule> rules = rulesOf(role);
    return IntStream.range(0, rules.size())
        .mapToObj(
            i ->
                new Grant(
                    rules.get(i),
                    clusterWide,
                    namespace,
                    with(via, " rules[" + i + "]"),
                    role.locationOf("rules[" + i + "]")))
        .toList();
  }

  private static List<String> with(List<String> parts, String more) {
    List<String> out = new ArrayList<>(parts);
    out.add(more);
    return out;
  }

  private static List<PolicyRule> rulesOf(Manifest role) {
    List<PolicyRule> rules =
        role.as(ClusterRole.class)
            .map(ClusterRole::getRules)
            .or(() -> role.as(Role.class).map(Role::getRules))
            .orElse(List.of());
    return rules == null ? List.of() : rules;
  }

  /**
   * ClusterRoles aggregated into {@code role}, transitively (edit aggregates view's aggregates too),
   * depth first in the set's order; iterative, as a chain of 700 roles each aggregating the next is
   * legal input and must not overflow the stack.
   */
  private static List<Manifest> aggregated(Manifest role, ManifestSet manifests) {
    List<Manifest> out = new ArrayList<>();
    Set<String> seen = new HashSet<>(Set.of(role.name()));
    Deque<Iterator<Manifest>> pending = new ArrayDeque<>();
    pending.push(members(role, manifests));
    while (!pending.isEmpty()) {
      Iterator<Manifest> next = pending.peek();
      if (!next.hasNext()) {
        pending.pop();
      } else {
        Manifest member = next.next();
        if (seen.add(member.name())) {
          out.add(member);
          pending.push(members(member, manifests));
        }
      }
    }
    return out;
  }

  /** The ClusterRoles {@code role}'s aggregation rule selects, found as they are taken. */
  private static Iterator<Manifest> members(Manifest role, ManifestSet manifests) {
    return role.as(ClusterRole.class)
        .map(ClusterRole::getAggregationRule)
        .map(AggregationRule::getClusterRoleSelectors)
        .map(
            selectors ->
                manifests
                    .ofKind("ClusterRole")
                    .filter(
                        candidate ->
                            selectors.stream()
                                .anyMatch(s -> LabelSelectors.matches(s, candidate.labels())))
                    .iterator())
        .orElseGet(java.util.Collections::emptyIterator);
  }
}
