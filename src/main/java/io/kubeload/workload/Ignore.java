package io.kubeload.workload;

import io.kubeload.manifest.Manifest;
import io.kubeload.yaml.InputException;
import io.kubeload.yaml.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * A finding a reviewer chose to skip on one object: {@code kubeload.io/ignore: <rule>=<reason>}
 * (several separated by commas). A reason is required, so that the report can say why.
 */
public record Ignore(String rule, String reason, SourceLocation location) {

  public static final String KEY = "kubeload.io/ignore";

  /** The ignores written on an object; a malformed one is bad input naming its line. */
  public static List<Ignore> of(Manifest manifest) {
    String value = manifest.annotations().get(KEY);
    if (value == null) {
      return List.of();
    }
    SourceLocation at = manifest.locationOf("metadata.annotations." + KEY);
    List<Ignore> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue; // "a=x," and "a=x,,b=y": an empty item names nothing
      }
      int eq = item.indexOf('=');
      String rule = eq < 0 ? item : item.substring(0, eq).strip();
      String reason = eq < 0 ? "" : item.substring(eq + 1).strip();
      if (!rule.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        throw new InputException(
            at.file(),
            at.line(),
            KEY + ": '" + item + "' must name a rule, as in seat-demand=<reason>");
      }
      if (reason.isEmpty()) {
        throw new InputException(
            at.file(),
            at.line(),
            KEY + ": " + rule + " needs a reason, as in " + rule + "=<why it is safe>");
      }
      out.add(new Ignore(rule, reason, at));
    }
    return List.copyOf(out);
  }
}
