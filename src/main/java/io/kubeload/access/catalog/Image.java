package io.kubeload.access.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference split into its repository and tag; the digest is dropped.
 *
 * @param repository the registry and path, e.g. {@code quay.io/cilium/cilium}
 * @param tag the tag, empty when there is none
 */
record Image(String repository, String tag) {

  private static final Pattern VERSION = Pattern.compile("^v?(\\d+(?:\\.\\d+)*)");

  static Image parse(String reference) {
    String name = reference.strip();
    int at = name.indexOf('@');
    if (at >= 0) {
      name = name.substring(0, at);
    }
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      return new Image(name.substring(0, colon), name.substring(colon + 1));
    }
    return new Image(name, "");
  }

  /** The tag's leading version numbers ({@code v1.19.3-debian-1.1} gives 1.19.3); empty if none. */
  Optional<List<Integer>> version() {
    Matcher m = VERSION.matcher(tag);
    if (!m.find()) {
      return Optional.empty();
    }
    List<Integer> parts = new ArrayList<>();
    for (String part : m.group(1).split("\\.", -1)) {
      parts.add(Integer.parseInt(part.length() > 9 ? part.substring(0, 9) : part));
    }
    return Optional.of(List.copyOf(parts));
  }

  @Override
  public String toString() {
    return tag.isEmpty() ? repository : repository + ":" + tag;
  }
}
