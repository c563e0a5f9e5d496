package io.kubeload.access;

import io.kubeload.text.Numbers;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One thing each pod of a workload asks of the API server, and why kubeload believes it.
 *
 * @param resource plural resource name; built-in groups plain ({@code pods}), others qualified
 *     ({@code ciliumendpoints.cilium.io})
 * @param namespace the namespace of a {@link Scope#NAMESPACE} access, empty otherwise
 * @param periodSeconds the period of a {@link Pattern#POLL}, 0 otherwise
 * @param ratePerSecond an explicit per-pod rate of a {@link Pattern#GET_PER_EVENT}, empty to
 *     derive it from the resource's churn
 * @param client how the pod's client issues it (client-go's defaults unless something says otherwise)
 */
public record Access(
    String resource,
    Set<String> verbs,
    Scope scope,
    String namespace,
    Pattern pattern,
    double periodSeconds,
    Optional<Double> ratePerSecond,
    Provenance provenance,
    ClientBehaviour client) {

  public Access {
    // Sorted, so descriptions and reports list verbs in the same order on every run.
    verbs = Collections.unmodifiableSortedSet(new TreeSet<>(verbs));
  }

  /** Period assumed for a {@code list} without {@code watch}: fluentd's metadata filter re-queries every minute (docs/failures.md §3). */
  public static final double DEFAULT_POLL_SECONDS = 60;

  /** An access of a client with client-go's defaults. */
  public Access(
      String resource, Set<String> verbs, Scope scope, String namespace, Pattern pattern, double periodSeconds,
      Optional<Double> ratePerSecond, Provenance provenance) {
    this(resource, verbs, scope, namespace, pattern, periodSeconds, ratePerSecond, provenance, ClientBehaviour.CLIENT_GO);
  }

  /** Which objects of the resource one pod sees. */
  public enum Scope {
    /** Every object in the cluster. */
    CLUSTER,
    /** Every object in one namespace. */
    NAMESPACE,
    /** Only the pods on the pod's own node ({@code fieldSelector=spec.nodeName}): index-served. */
    OWN_NODE,
    /** Named objects only ({@code resourceNames}, {@code metadata.name}). */
    NAMED;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Scope parse(String text) {
      return Scope.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Wider scopes see more: CLUSTER > NAMESPACE > OWN_NODE > NAMED. */
    public int breadth() {
      return switch (this) {
        case CLUSTER -> 3;
        case NAMESPACE -> 2;
        case OWN_NODE -> 1;
        case NAMED -> 0;
      };
    }
  }

  /** How the pod's client uses the resource. */
  public enum Pattern {
    /** LIST at start, then WATCH for ever (client-go reflector). */
    INFORMER,
    /** LIST every {@code periodSeconds}. */
    POLL,
    /** One GET per change of the resource that concerns the pod. */
    GET_PER_EVENT,
    /** Lease get/update of client-go's leader elector. */
    LEADER_ELECTION;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Pattern parse(String text) {
      return Pattern.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The verbs a client following this pattern uses, when nothing says otherwise. */
    public List<String> defaultVerbs() {
      return switch (this) {
        case INFORMER -> List.of("list", "watch");
        case POLL -> List.of("list");
        case GET_PER_EVENT -> List.of("get");
        case LEADER_ELECTION -> List.of("get", "update");
      };
    }
  }

  public Access withScope(Scope otherScope, Provenance refined) {
    return new Access(resource, verbs, otherScope, otherScope == Scope.NAMESPACE ? namespace : "", pattern,
        periodSeconds, ratePerSecond, refined, client);
  }

  /** {@code list,watch pods (cluster) as informer}. */
  public String describe() {
    String where = scope == Scope.NAMESPACE ? "namespace " + namespace : scope.label();
    String how = pattern == Pattern.POLL ? "poll every " + Numbers.plain(periodSeconds) + " s" : pattern.label();
    return String.join(",", verbs) + " " + resource + " (" + where + ") as " + how;
  }
}
