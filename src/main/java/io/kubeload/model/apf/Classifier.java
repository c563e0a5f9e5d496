package io.kubeload.model.apf;

import io.kubeload.manifest.Resources;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The FlowSchema of a ServiceAccount's requests ({@link ApfConfiguration#classify}), worked out once
 * per distinct question of one run: a projection, or a gate's shapes. A repository of releases gives
 * every workload an account of its own, yet asks the same few questions of them all, because a
 * FlowSchema compares names for equality only: a namespace or account that no schema names cannot
 * change which one matches, so all such names ask one question. A name that some schema does name
 * (in a subject, a user name, a {@code system:serviceaccounts:} group or a resource rule's
 * namespaces) stays part of the question. Not for sharing between threads.
 */
public final class Classifier {

  private static final String ACCOUNT_USER = "system:serviceaccount:";
  private static final String ACCOUNTS_GROUP = "system:serviceaccounts:";

  private final ApfConfiguration apf;
  private final Set<String> namespaces = new HashSet<>();
  private final Set<String> accounts = new HashSet<>();
  private final Set<String> targets = new HashSet<>();
  private final Map<Question, FlowSchema> answers = new HashMap<>();

  /**
   * A request as far as the configuration can tell it from another: a name no schema mentions is
   * null, and a cluster-scoped request's namespace empty.
   */
  private record Question(
      String namespace, String account, String verb, String resource, String target) {}

  public Classifier(ApfConfiguration apf) {
    this.apf = apf;
    for (FlowSchema schema : apf.flowSchemas()) {
      for (FlowSchema.Rule rule : schema.rules()) {
        rule.subjects().forEach(this::mention);
        rule.resourceRules().forEach(r -> targets.addAll(r.namespaces()));
      }
    }
  }

  private void mention(FlowSchema.Subject subject) {
    String name = subject.name();
    switch (subject.kind()) {
      case "ServiceAccount" -> {
        namespaces.add(subject.namespace());
        accounts.add(name);
      }
      case "Group" -> {
        if (name.startsWith(ACCOUNTS_GROUP)) {
          namespaces.add(name.substring(ACCOUNTS_GROUP.length()));
        }
      }
      case "User" -> {
        if (name.startsWith(ACCOUNT_USER)) {
          // Every split at a colon: a namespace and account holding colons could print as this
          // user.
          String rest = name.substring(ACCOUNT_USER.length());
          for (int colon = rest.indexOf(':'); colon >= 0; colon = rest.indexOf(':', colon + 1)) {
            namespaces.add(rest.substring(0, colon));
            accounts.add(rest.substring(colon + 1));
          }
        }
      }
      default -> {
        // other kinds match no request (FlowSchema.Subject#matches)
      }
    }
  }

  /**
   * The FlowSchema of a request by {@code account} in {@code namespace}.
   *
   * @param resource the resource's key ({@link Resources#key}): its plural and group
   * @param target the namespace the request is in, empty for a cluster-scoped one
   */
  public FlowSchema ofServiceAccount(
      String namespace, String account, String verb, String resource, String target) {
    Question question =
        new Question(
            namespaces.contains(namespace) ? namespace : null,
            accounts.contains(account) ? account : null,
            verb,
            resource,
            target.isEmpty() || targets.contains(target) ? target : null);
    FlowSchema known = answers.get(question);
    if (known == null) {
      known =
          apf.classify(
              ApfRequest.fromServiceAccount(
                  namespace,
                  account,
                  verb,
                  Resources.groupOf(resource),
                  Resources.pluralOf(resource),
                  target));
      answers.put(question, known);
    }
    return known;
  }
}
