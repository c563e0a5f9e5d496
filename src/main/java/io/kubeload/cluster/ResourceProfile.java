package io.kubeload.cluster;

/**
 * What the cluster holds of one resource: how many objects, how large, how often written, by whom,
 * and who already watches it cluster-wide.
 *
 * @param writerLevel the APF priority level most writes of this resource land in
 */
public record ResourceProfile(
    String resource,
    Scaled count,
    double sizeBytes,
    Scaled churn,
    String writerLevel,
    Scaled watchers) {

  public ResourceProfile {
    if (!(sizeBytes >= 0) || Double.isInfinite(sizeBytes)) {
      throw new IllegalArgumentException(resource + ": sizeBytes must be a finite number ≥ 0");
    }
  }
}
