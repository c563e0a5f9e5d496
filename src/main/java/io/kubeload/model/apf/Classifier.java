package io.kubeload.model.apf;

import io.kubeload.manifest.Resources;
import io.kubeload.parallel.SideBySide;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

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
      String namespace, String account, String verb, String resource, String target) {

    // The record's own equals and hashCode, without method handles (SpelledOutRecordsTest).
    @Override
    public boolean equals(Object other) {
      return other instanceof Question q
          && Objects.equals(namespace, q.namespace)
          && Objects.equals(account, q.account)
          && Objects.equals(verb, q.verb)
          && Objects.equals(resource, q.resource)
          && Objects.equals(target, q.target);
    }

    @Override
    public int hashCode() {
      int hash = Objects.hashCode(namespace);
      hash = 31 * hash + Objects.hashCode(account);
      hash = 31 * hash + Objects.hashCode(verb);
      hash = 31 * hash + Objects.hashCode(resource);
      return 31 * hash + Objects.hashCode(target);
    }
  }

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

  private static final int TOGETHER = 500;

  /**
   * {@code classified} of each item, in their order: from {@link SideBySide#FROM} items on, side
   * by side in batches, each with a classifier of its own (one is not shared between threads, and
   * its answers are the same whoever asks first).
   */
  public static <T, R> List<R> each(
      List<T> items, ApfConfiguration apf, BiFunction<T, Classifier, R> classified) {
    if (items.size() < SideBySide.FROM) {
      return batch(items, apf, classified);
    }
    List<List<T>> batches = new ArrayList<>();
    for (int from = 0; from < items.size(); from += TOGETHER) {
      batches.add(items.subList(from, Math.min(items.size(), from + TOGETHER)));
    }
    return batches.parallelStream()
        .flatMap(batch -> batch(batch, apf, classified).stream())
        .toList();
  }

  private static <T, R> List<R> batch(
      List<T> items, ApfConfiguration apf, BiFunction<T, Classifier, R> classified) {
    Classifier classifier = new Classifier(apf);
    List<R> out = new ArrayList<>(items.size());
    for (T item : items) {
      out.add(classified.apply(item, classifier));
    }
    return out;
  }
}
