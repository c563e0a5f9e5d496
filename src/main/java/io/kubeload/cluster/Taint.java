package io.kubeload.cluster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node taint, written as {@code kubectl taint} writes it: {@code key=value:Effect} or {@code key:Effect}.
 *
 * @param value empty when the taint has none
 */
public record Taint(String key, String value, Effect effect) {

  /** What a taint does to pods that do not tolerate it. */
  public enum Effect {
    NO_SCHEDULE("NoSchedule"),
    PREFER_NO_SCHEDULE("PreferNoSchedule"),
    NO_EXECUTE("NoExecute");

    private final String text;

    Effect(String text) {
      this.text = text;
    }

    /** PreferNoSchedule only asks the scheduler to avoid the node; the other two keep pods off it. */
    public boolean repels() {
      return this != PREFER_NO_SCHEDULE;
    }

    public static Effect parse(String text) {
      for (Effect effect : values()) {
        if (effect.text.equals(text)) {
          return effect;
        }
      }
      throw new IllegalArgumentException(
          "unknown taint effect '" + text + "' (NoSchedule, PreferNoSchedule, NoExecute)");
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static final Pattern FORM = Pattern.compile("([^=:\\s]+)(?:=([^:\\s]*))?:(\\S+)");

  public Taint {
    if (key.isBlank()) {
      throw new IllegalArgumentException("a taint needs a key");
    }
  }

  /** Parses {@code key=value:Effect} or {@code key:Effect}. */
  public static Taint parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a taint (expected key=value:Effect or key:Effect): '" + text + "'");
    }
    return new Taint(m.group(1), m.group(2) == null ? "" : m.group(2), Effect.parse(m.group(3)));
  }

  public static Taint of(String key, String value, String effect) {
    return new Taint(key, value == null ? "" : value, Effect.parse(effect));
  }

  @Override
  public String toString() {
    return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect;
  }
}
