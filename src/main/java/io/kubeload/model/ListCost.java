package io.kubeload.model;

import java.util.Locale;

/**
 * What one LIST (or streamed initial sync) costs the API server.
 *
 * @param responseBytes bytes sent back: the objects in the pod's scope
 * @param scannedBytes bytes the server reads to answer: from etcd, every object under the key prefix
 *     (selectors filter afterwards); from the watch cache, what it returns
 * @param memoryBytes transient API-server memory while it is served
 */
public record ListCost(
    Served served,
    double responseBytes,
    double scannedBytes,
    int seats,
    double seconds,
    double memoryBytes) {

  /** Where the server answers from. */
  public enum Served {
    WATCH_CACHE,
    ETCD,
    /** A watch with sendInitialEvents: the initial state streamed from the watch cache (KEP-3157). */
    WATCH_LIST;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public static final ListCost NONE = new ListCost(Served.WATCH_CACHE, 0, 0, 0, 0, 0);
}
