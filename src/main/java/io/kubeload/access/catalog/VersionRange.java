package io.kubeload.access.catalog;

import java.util.ArrayList;
import java.util.List;

/** Versions an entry describes, written {@code ">=1.16 <1.17"}: every bound must hold. */
record VersionRange(String text, List<Bound> bounds) {

  VersionRange {
    bounds = List.copyOf(bounds);
  }

  record Bound(String op, List<Integer> version) {

    Bound {
      version = List.copyOf(version);
    }

    boolean holds(List<Integer> actual) {
      int c = compare(actual, version);
      return switch (op) {
        case ">=" -> c >= 0;
        case ">" -> c > 0;
        case "<=" -> c <= 0;
        case "<" -> c < 0;
        default -> c == 0;
      };
    }
  }

  static VersionRange parse(String text) {
    List<Bound> bounds = new ArrayList<>();
    for (String part : text.strip().split("\\s+", -1)) {
      String op = part.replaceAll("^([<>]=?|=)?.*$", "$1");
      String number = part.substring(op.length()).replaceFirst("^v", "");
      if (!number.matches("\\d+(\\.\\d+)*")) {
        throw new IllegalArgumentException(
            "version range '" + text + "': '" + part + "' is not like >=1.2");
      }
      List<Integer> version = new ArrayList<>();
      for (String n : number.split("\\.", -1)) {
        version.add(Integer.parseInt(n));
      }
      bounds.add(new Bound(op.isEmpty() ? "=" : op, List.copyOf(version)));
    }
    return new VersionRange(text.strip(), List.copyOf(bounds));
  }

  boolean contains(List<Integer> version) {
    return bounds.stream().allMatch(b -> b.holds(version));
  }

  /** Compares part by part; missing parts count as 0 (1.16 equals 1.16.0). */
  static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      int x = i < a.size() ? a.get(i) : 0;
      int y = i < b.size() ? b.get(i) : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }
}
