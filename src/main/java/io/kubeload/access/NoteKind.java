package io.kubeload.access;

import io.kubeload.text.KebabIds;
import java.util.List;
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
    return KebabIds.of(this);
  }

  public static Optional<NoteKind> parse(String id) {
    return KebabIds.parse(NoteKind.class, id);
  }

  public static List<String> ids() {
    return KebabIds.all(NoteKind.class);
  }
}
