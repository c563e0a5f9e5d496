package io.kubeload.gate;

import io.kubeload.access.NoteKind;
import io.kubeload.text.KebabIds;
import java.util.List;
import java.util.Optional;

/**
 * Every rule a finding can carry, described once for the reports that publish rule metadata (SARIF,
 * JUnit): the wording follows docs/policy.md, which a test keeps in step. Declared in the order SARIF
 * indexes the rules and JUnit lists them: a new rule goes last.
 */
public enum Rule {
  SEAT_DEMAND(
      true,
      Severity.ERROR,
      "Steady APF seat demand over a priority level's budget",
      "Steady seat-seconds per second in an APF priority level (the workload's own requests, plus what its watchers add to "
          + "other writers' requests) plus the profile's existing demand, against the level's nominal seats × API servers. "
          + "Beyond the budget the level lives on seats other levels may reclaim, and its queues grow.",
      "Lower the request rate or narrow the watches; each finding names the fix for its workload."),
  STARTUP_STORM(
      true,
      Severity.ERROR,
      "Start-up LISTs outlast the request time-out",
      "When the workload's pods start, the last of them still wait for their start-up LISTs past the request time-out "
          + "(the level cannot keep up, or one LIST alone takes that long): clients give up, retry and relist, and the "
          + "level stays saturated. 429s alone are APF working and are not a failure.",
      "Narrow what each pod lists at start, and roll it out more slowly or to a small node pool first."),
  LIST_MEMORY(
      true,
      Severity.ERROR,
      "API-server memory held by start-up LISTs",
      "API-server memory held by the start-up LISTs in flight at the peak (amplified responses), per replica, against a "
          + "share of the profile's memory.",
      "List less at start, or use streaming lists (client-go WatchListClient) so responses are not held whole."),
  WATCH_EGRESS(
      true,
      Severity.ERROR,
      "Watch egress per API server",
      "Watch events' bytes per second per API server, against the policy's egress budget: by default the EndpointSlice "
          + "fan-out that upstream's 5,000-node test sustains on one control-plane VM.",
      "Narrow the watches with a label or field selector."),
  IGNORE_FORBIDDEN(
      false,
      Severity.ERROR,
      "kubeload.io/ignore used where the policy forbids ignores",
      "The policy sets allowIgnores: false, so every kubeload.io/ignore annotation is an error and the findings it names count.",
      "Remove the annotation and address the finding, or allow ignores in the policy."),
  SCALES_WITH_CLUSTER(
      false,
      Severity.WARNING,
      "Breaks a budget in a larger cluster",
      "The workload passes here but breaks a budget in a larger cluster within the upstream envelope of 5,000 nodes; the "
          + "finding gives the break-even node count and why it scales.",
      "Remove the cluster-size term from its cost (per-node filters, one shared cache), or check it against your production profile."),
  RESTART_STORM(
      false,
      Severity.WARNING,
      "Informers cannot resync after an API-server restart",
      "If every API server restarts, the pods of a priority level do not all resync within the simulated horizon.",
      "List less at start: each relist after a restart repeats the start-up LISTs."),
  APF_CONFIGURATION(
      false,
      Severity.WARNING,
      "APF object the API server will not apply",
      "A FlowSchema or PriorityLevelConfiguration the API server will not apply as written (a mandatory one overridden, "
          + "a dangling reference).",
      "Remove or rename the object."),
  UNKNOWN_RESOURCE(
      false,
      Severity.WARNING,
      "Access to resources the profile does not describe",
      "The profile does not describe the resources (custom resources: the presets describe every common built-in kind), "
          + "so the accesses' load is not counted. One finding a workload names all of them.",
      "Add the resources (count, sizeBytes, churn) to the cluster profile."),
  RBAC_UPPER_BOUND(
      false,
      Severity.INFO,
      "RBAC grants more than the catalog's accesses",
      "Information, not a warning: the catalog decided the accesses, and RBAC lets the pods list or watch more: a "
          + "least-privilege gap a chart user usually cannot change, and a reminder that the verdict rests on the catalog entry.",
      "Trim the role to what the component uses."),
  RBAC_WILDCARD(
      false,
      Severity.WARNING,
      "Role grants every resource",
      "A role grants * resources: what the pods use cannot be inferred.",
      "Declare the accesses with the kubeload.io/access annotation."),
  RBAC_ROLE_NOT_FOUND(
      false,
      Severity.WARNING,
      "Binding names a role not in the manifests",
      "A binding names a role that is not in the manifests (e.g. the built-in view): its grants are not counted.",
      "Render the role with the chart, or declare the accesses with kubeload.io/access."),
  NAMESPACE_UNSET(
      false,
      Severity.WARNING,
      "Workload written without a namespace, its account bound in another",
      "The workload has no metadata.namespace, so it is read as the default namespace, but the bindings name its ServiceAccount "
          + "in another namespace (the chart was rendered with helm template -n): its grants are not counted.",
      "Analyse with --namespace NS, the namespace the release is installed into, or write metadata.namespace in the template."),
  CONFIG_UNREAD(
      false,
      Severity.WARNING,
      "Component configuration could not be read",
      "A catalog component's configuration could not be read (kept in a Secret, a ConfigMap not in the manifests, a parse "
          + "error): the entry's defaults apply.",
      "Keep the configuration in a ConfigMap the container mounts, or declare the accesses with kubeload.io/access."),
  CATALOG_PARTIAL(
      false,
      Severity.WARNING,
      "Catalog knows only some containers",
      "The catalog knows some of a pod's containers but not all: RBAC's upper bound stands for the whole pod.",
      "Declare the unknown containers' accesses with kubeload.io/access."),
  ETCD_QUORUM_READ(
      false,
      Severity.WARNING,
      "Reads reach etcd",
      "A component LISTs or GETs without resourceVersion=0, so the reads reach etcd; the model counts the API server's side only.",
      "Turn on the component's API-server-cache option (each finding names it)."),
  LOG_STREAM_FANOUT(
      false,
      Severity.WARNING,
      "Logs tailed through the API server",
      "Alloy's loki.source.kubernetes tails logs through the API server, one stream per container and pod; not counted.",
      "Tail logs from the node's files instead."),
  CATALOG_INCOMPLETE(
      false,
      Severity.WARNING,
      "Watches depend on what kubeload cannot see",
      "A component's watches depend on configuration kubeload cannot see (e.g. the kinds Kyverno's policies name).",
      "Declare the extra watches with kubeload.io/access.");

  private final boolean budget;
  private final Severity severity;
  private final String summary;
  private final String description;
  private final String help;

  /**
   * @param budget whether the rule is one of the policy's budgets
   * @param severity the weight of its findings: budgets and forbidden ignores fail the check; a
   *     least-privilege gap the catalog already accounts for is information; the rest warn
   * @param summary one line: what the rule checks
   * @param description what it means and why it matters
   * @param help what to do about it
   */
  Rule(boolean budget, Severity severity, String summary, String description, String help) {
    this.budget = budget;
    this.severity = severity;
    this.summary = summary;
    this.description = description;
    this.help = help;
  }

  /** The id findings, ignores and reports name the rule by, e.g. {@code seat-demand}. */
  public String id() {
    return KebabIds.of(this);
  }

  public boolean budget() {
    return budget;
  }

  public Severity severity() {
    return severity;
  }

  public String summary() {
    return summary;
  }

  public String description() {
    return description;
  }

  public String help() {
    return help;
  }

  /** Reports print a rule by its id. */
  @Override
  public String toString() {
    return id();
  }

  /** The rule an inference note raises. */
  public static Rule of(NoteKind kind) {
    return valueOf(kind.name());
  }

  public static Optional<Rule> parse(String id) {
    return KebabIds.parse(Rule.class, id);
  }

  public static List<String> ids() {
    return KebabIds.all(Rule.class);
  }
}
