package io.kubeload.model.apf;

import io.kubeload.yaml.SourceLocation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An APF FlowSchema: the requests it matches, in precedence order, and the priority level they go to.
 *
 * @param distinguisher {@code ByUser}, {@code ByNamespace}, or empty (one flow for all)
 * @param location where a chart wrote it; empty for the API server's defaults
 */
public record FlowSchema(
    String name,
    int precedence,
    String priorityLevel,
    String distinguisher,
    List<Rule> rules,
    Optional<SourceLocation> location) {

  public FlowSchema {
    rules = List.copyOf(rules);
  }

  /** Subjects × resource rules: the schema matches when some subject and some resource rule both match. */
  public record Rule(List<Subject> subjects, List<ResourceRule> resourceRules) {

    public Rule {
      subjects = List.copyOf(subjects);
      resourceRules = List.copyOf(resourceRules);
    }
  }

  /** {@code User}, {@code Group} or {@code ServiceAccount}; {@code *} matches any name. */
  public record Subject(String kind, String name, String namespace) {

    boolean matches(ApfRequest request) {
      return switch (kind) {
        case "User" -> name.equals("*") || name.equals(request.user());
        case "Group" -> name.equals("*") || request.groups().contains(name);
        case "ServiceAccount" ->
            request
                .serviceAccount()
                .filter(
                    account ->
                        account.namespace().equals(namespace)
                            && (name.equals("*") || name.equals(account.name())))
                .isPresent();
        default -> false;
      };
    }
  }

  /** Verbs, groups and resources ({@code *} for all), and where: cluster scope and/or namespaces. */
  public record ResourceRule(
      Set<String> verbs,
      Set<String> apiGroups,
      Set<String> resources,
      boolean clusterScope,
      Set<String> namespaces) {

    public ResourceRule {
      verbs = Set.copyOf(verbs);
      apiGroups = Set.copyOf(apiGroups);
      resources = Set.copyOf(resources);
      namespaces = Set.copyOf(namespaces);
    }

    boolean matches(ApfRequest request) {
      if (!any(verbs, request.verb())
          || !any(apiGroups, request.apiGroup())
          || !any(resources, request.resource())) {
        return false;
      }
      return request.namespace().isEmpty() ? clusterScope : any(namespaces, request.namespace());
    }

    private static boolean any(Set<String> allowed, String value) {
      return allowed.contains("*") || allowed.contains(value);
    }
  }

  public boolean matches(ApfRequest request) {
    for (Rule rule : rules) {
      if (rule.subjects().stream().anyMatch(s -> s.matches(request))
          && rule.resourceRules().stream().anyMatch(r -> r.matches(request))) {
        return true;
      }
    }
    return false;
  }
}
