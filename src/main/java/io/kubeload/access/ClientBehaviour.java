package io.kubeload.access;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a pod's API client issues an access: the resourceVersion semantics of its LISTs (which decide
 * whether the watch cache or etcd serves them), whether it streams its initial sync (watch-list),
 * and its client-side rate limit.
 *
 * @param watchList empty when the client's version is unknown: the classic LIST is assumed
 * @param qps client-side token-bucket rate for non-watch requests (watches are not throttled)
 * @param metadataOnly the client asks for PartialObjectMetadata (a metadata informer): the server
 *     sends each object's metadata, not the whole object
 */
public record ClientBehaviour(
    Consistency consistency,
    Optional<Boolean> watchList,
    double qps,
    double burst,
    boolean metadataOnly) {

  // The record's own equals and hashCode, without method handles (SpelledOutRecordsTest).
  @Override
  public boolean equals(Object other) {
    return other instanceof ClientBehaviour client
        && consistency == client.consistency
        && Objects.equals(watchList, client.watchList)
        && Double.compare(qps, client.qps) == 0
        && Double.compare(burst, client.burst) == 0
        && metadataOnly == client.metadataOnly;
  }

  @Override
  public int hashCode() {
    int hash = Objects.hashCode(consistency);
    hash = 31 * hash + Objects.hashCode(watchList);
    hash = 31 * hash + Double.hashCode(qps);
    hash = 31 * hash + Double.hashCode(burst);
    return 31 * hash + Boolean.hashCode(metadataOnly);
  }

  // client-go rest.Config defaults: QPS 5, Burst 10 (rest/config.go); whole objects.
  public static final ClientBehaviour CLIENT_GO =
      new ClientBehaviour(Consistency.RESOURCE_VERSION_ZERO, Optional.empty(), 5, 10, false);

  /** The resourceVersion a LIST carries. */
  public enum Consistency {
    /** {@code resourceVersion=0}: the reflector's initial LIST, served from the watch cache (docs/sources.md §1.1). */
    RESOURCE_VERSION_ZERO,
    /** {@code resourceVersion=""}: a consistent (quorum) read, from etcd before 1.31 (docs/sources.md §2.1). */
    CONSISTENT,
    /** An exact resourceVersion or a continuation: from etcd before 1.34 (docs/sources.md §2.1). */
    EXACT;

    public String label() {
      return switch (this) {
        case RESOURCE_VERSION_ZERO -> "rv0";
        case CONSISTENT -> "consistent";
        case EXACT -> "exact";
      };
    }

    public static Consistency parse(String text) {
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "rv0", "0", "cache" -> RESOURCE_VERSION_ZERO;
        case "consistent", "quorum", "unset" -> CONSISTENT;
        case "exact" -> EXACT;
        default -> throw new IllegalArgumentException(text);
      };
    }
  }

  public ClientBehaviour withConsistency(Consistency other) {
    return new ClientBehaviour(other, watchList, qps, burst, metadataOnly);
  }

  public ClientBehaviour withMetadataOnly(boolean other) {
    return new ClientBehaviour(consistency, watchList, qps, burst, other);
  }

  public ClientBehaviour {
    if (!(qps > 0) || !(burst > 0)) {
      throw new IllegalArgumentException("client qps and burst must be > 0");
    }
  }
}
