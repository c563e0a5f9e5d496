package io.kubeload.cluster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes minor version, {@code 1.N}: the model's version-keyed behaviour reads it. */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {

  /** The versions whose API-server behaviour the physics reference covers (physics §7). */
  public static final KubernetesVersion OLDEST_SUPPORTED = new KubernetesVersion(1, 27);

  public static final KubernetesVersion NEWEST_SUPPORTED = new KubernetesVersion(1, 35);

  private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?");

  /** Parses {@code 1.33}, {@code v1.33} or {@code 1.33.2}; empty or out of range is an error. */
  public static KubernetesVersion parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a Kubernetes version (expected 1.N): '" + text + "'");
    }
    KubernetesVersion version = new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    if (version.compareTo(OLDEST_SUPPORTED) < 0 || version.compareTo(NEWEST_SUPPORTED) > 0) {
      throw new IllegalArgumentException(
          "Kubernetes " + version + " is outside the supported range " + OLDEST_SUPPORTED + " to " + NEWEST_SUPPORTED);
    }
    return version;
  }

  public boolean atLeast(int otherMinor) {
    return major > 1 || minor >= otherMinor;
  }

  @Override
  public int compareTo(KubernetesVersion other) {
    return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
