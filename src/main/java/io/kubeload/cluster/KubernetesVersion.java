package io.kubeload.cluster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes minor version, {@code 1.N}: the model's version-keyed behaviour reads it. */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {

  /** The oldest version whose API-server behaviour the model covers (docs/model.md, versions). */
  public static final KubernetesVersion OLDEST_SUPPORTED = new KubernetesVersion(1, 27);

  /**
   * The newest version whose changes the model knows (1.37, released 2026-08-26). A newer one is
   * accepted and judged as this one, with a warning: its release notes are not modelled yet.
   */
  public static final KubernetesVersion NEWEST_MODELLED = new KubernetesVersion(1, 37);

  private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?");

  /** Parses {@code 1.33}, {@code v1.33} or {@code 1.33.2}; empty, not 1.N, or older than 1.27 is an error. */
  public static KubernetesVersion parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a Kubernetes version (expected 1.N): '" + text + "'");
    }
    KubernetesVersion version =
        new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    if (version.major() != 1 || version.compareTo(OLDEST_SUPPORTED) < 0) {
      throw new IllegalArgumentException(
          "Kubernetes "
              + version
              + " is not supported: the model covers "
              + OLDEST_SUPPORTED
              + " and later");
    }
    return version;
  }

  /** Whether the model knows this version's changes; a newer one is judged as {@link #NEWEST_MODELLED}. */
  public boolean modelled() {
    return compareTo(NEWEST_MODELLED) <= 0;
  }

  public boolean atLeast(int otherMinor) {
    return major > 1 || minor >= otherMinor;
  }

  /** The version as reports name it: a newer one than the model knows says what it is judged as. */
  public String describe() {
    return modelled()
        ? toString()
        : this + " (judged as " + NEWEST_MODELLED + ", whose changes are the newest modelled)";
  }

  @Override
  public int compareTo(KubernetesVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
