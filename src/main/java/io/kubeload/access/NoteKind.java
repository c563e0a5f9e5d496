package io.kubeload.access;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an inference note is about: each kind is a rule of its own in the reports (the gate maps it to
 * one), and a catalog entry's {@code notes[].rule} names one by its id.
 */
public enum NoteKind {
  RBAC_UPPER_BOUND,
  RBAC_WILDCARD,
  RBAC_ROLE_NOT_FOUND,
  NAMESPACE_UNSET,
  CONFIG_UNREAD,
  CATALOG_PARTIAL,
  ETCD_QUORUM_READ,
  LOG_STREAM_FANOUT,
  CATALOG_INCOMPLETE;

  /** The id reports and catalog entries write, e.g. {@code rbac-upper-bound}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<NoteKind> parse(String id) {
    return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(NoteKind::id).toList();
  }
}
