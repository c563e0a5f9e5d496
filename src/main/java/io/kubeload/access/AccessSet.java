package io.kubeload.access;

import io.kubeload.workload.Workload;
import java.util.List;

/**
 * What one workload's pods ask of the API server.
 *
 * @param basis which source decided the set, e.g. {@code RBAC (upper bound)}
 * @param notes what the inference could not settle (wildcard grants, roles not in the manifests),
 *     shown to the reviewer as warnings
 */
public record AccessSet(Workload workload, String basis, List<Access> accesses, List<Note> notes) {

  public AccessSet {
    accesses = List.copyOf(accesses);
    notes = List.copyOf(notes);
  }

  /** Something a reviewer should know about how the accesses were inferred. */
  public record Note(String rule, String message, io.kubeload.manifest.SourceLocation location) {}
}
