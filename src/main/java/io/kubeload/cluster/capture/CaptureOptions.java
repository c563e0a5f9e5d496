package io.kubeload.cluster.capture;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to reach the cluster and how gently.
 *
 * @param kubeconfig the kubeconfig file; empty for the usual resolution ($KUBECONFIG, ~/.kube/config, in-cluster)
 * @param context the kubeconfig context; empty for its current context
 * @param maxRequests the request budget: the capture stops, writing nothing, rather than exceed it
 * @param qps requests per second at most, one at a time
 * @param userAgent how the requests introduce themselves to the API server's audit log
 */
public record CaptureOptions(
    Optional<Path> kubeconfig,
    Optional<String> context,
    int maxRequests,
    double qps,
    String userAgent) {

  public CaptureOptions {
    if (maxRequests < 1 || !(qps > 0) || Double.isInfinite(qps)) {
      throw new IllegalArgumentException(
          "the request budget must be at least 1 and the rate more than 0");
    }
  }
}
