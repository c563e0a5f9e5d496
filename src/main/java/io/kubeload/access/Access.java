package io.kubeload.access;

import io.kubeload.text.Numbers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One thing each pod of a workload asks of the API server, and why kubeload believes it.
 *
 * @param resource plural resource name; built-in groups plain ({@code pods}), others qualified
 *     ({@code ciliumendpoints.cilium.io})
 * @param reach which objects of the resource one pod sees, with the namespace of a namespace scope
 * @param use how the pod's client uses them, with a poll's period or a declared rate of GETs
 * @param client how the pod's client issues it (client-go's defaults unless something says otherwise)
 */
public record Access(
    String resource,
    Set<String> verbs,
    Reach reach,
    Use use,
    Provenance provenance,
    ClientBehaviour client) {

  public Access {
    // Sorted, so descriptions and reports list verbs in the same order on every run.
    verbs = SortedStrings.of(verbs);
  }

  /** Period assumed for a {@code list} without {@code watch}: fluentd's metadata filter re-queries every minute (docs/failures.md §3). */
  public static final double DEFAULT_POLL_SECONDS = 60;

  /** An access of a client with client-go's defaults. */
  public Access(String resource, Set<String> verbs, Reach reach, Use use, Provenance provenance) {
    this(resource, verbs, reach, use, provenance, ClientBehaviour.CLIENT_GO);
  }

  /** Which objects one pod sees: a {@link Scope}, and for a namespace scope the namespace. */
  public sealed interface Reach {

    Reach CLUSTER = new Cluster();
    Reach OWN_NODE = new OwnNode();
    Reach NAMED = new Named();

    Scope scope();

    /** The reach of {@code scope}; {@code namespace} counts for a namespace scope only. */
    static Reach of(Scope scope, String namespace) {
      return switch (scope) {
        case CLUSTER -> CLUSTER;
        case NAMESPACE -> new InNamespace(namespace);
        case OWN_NODE -> OWN_NODE;
        case NAMED -> NAMED;
      };
    }

    record Cluster() implements Reach {
      @Override
      public Scope scope() {
        return Scope.CLUSTER;
      }
    }

    record InNamespace(String namespace) implements Reach {
      @Override
      public Scope scope() {
        return Scope.NAMESPACE;
      }
    }

    record OwnNode() implements Reach {
      @Override
      public Scope scope() {
        return Scope.OWN_NODE;
      }
    }

    record Named() implements Reach {
      @Override
      public Scope scope() {
        return Scope.NAMED;
      }
    }
  }

  /** How the client uses the resource: a {@link Pattern}, with a poll's period or a declared rate of GETs. */
  public sealed interface Use {

    Use INFORMER = new Informer();
    Use LEADER_ELECTION = new LeaderElection();

    Pattern pattern();

    /** The use of {@code pattern}; the period counts for a poll only, the rate for GETs per event only. */
    static Use of(Pattern pattern, double periodSeconds, Optional<Double> ratePerSecond) {
      return switch (pattern) {
        case INFORMER -> INFORMER;
        case POLL -> new Poll(periodSeconds);
        case GET_PER_EVENT -> new GetPerEvent(ratePerSecond);
        case LEADER_ELECTION -> LEADER_ELECTION;
      };
    }

    record Informer() implements Use {
      @Override
      public Pattern pattern() {
        return Pattern.INFORMER;
      }
    }

    record Poll(double periodSeconds) implements Use {
      @Override
      public Pattern pattern() {
        return Pattern.POLL;
      }
    }

    /**
     * A GET per event.
     *
     * @param ratePerSecond a declared rate per pod; empty to derive it from the resource's churn
     */
    record GetPerEvent(Optional<Double> ratePerSecond) implements Use {
      @Override
      public Pattern pattern() {
        return Pattern.GET_PER_EVENT;
      }
    }

    record LeaderElection() implements Use {
      @Override
      public Pattern pattern() {
        return Pattern.LEADER_ELECTION;
      }
    }
  }

  public Scope scope() {
    return reach.scope();
  }

  /** The namespace of a {@link Scope#NAMESPACE} access, empty otherwise. */
  public String namespace() {
    return reach instanceof Reach.InNamespace in ? in.namespace() : "";
  }

  public Pattern pattern() {
    return use.pattern();
  }

  /** The period of a {@link Pattern#POLL}, 0 otherwise. */
  public double periodSeconds() {
    return use instanceof Use.Poll poll ? poll.periodSeconds() : 0;
  }

  /** An explicit per-pod rate of a {@link Pattern#GET_PER_EVENT}; empty to derive it from the resource's churn. */
  public Optional<Double> ratePerSecond() {
    return use instanceof Use.GetPerEvent get ? get.ratePerSecond() : Optional.empty();
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
    return new Access(resource, verbs, Reach.of(otherScope, namespace()), use, refined, client);
  }

  /** {@code list,watch pods (cluster) as informer}. */
  public String describe() {
    String where =
        reach instanceof Reach.InNamespace in
            ? "namespace " + in.namespace()
            : reach.scope().label();
    String how =
        use instanceof Use.Poll poll
            ? "poll every " + Numbers.plain(poll.periodSeconds()) + " s"
            : use.pattern().label();
    return String.join(",", verbs) + " " + resource + " (" + where + ") as " + how;
  }
}
