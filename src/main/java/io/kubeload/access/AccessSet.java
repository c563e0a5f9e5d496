package io.kubeload.access;

import io.kubeload.workload.Workload;
import io.kubeload.yaml.SourceLocation;
import java.util.List;

/**
 * What one workload's pods ask of the API server.
 *
 * @param basis which source decided the set, e.g. {@code RBAC (upper bound)} or {@code catalog: fluentd}
 * @param notes what the inference could not settle (wildcard grants, roles not in the manifests,
 *     configuration it could not read, RBAC granting far more than the use), shown as warnings
 */
public record AccessSet(Workload workload, String basis, List<Access> accesses, List<Note> notes) {

  public AccessSet {
    accesses = List.copyOf(accesses);
    notes = List.copyOf(notes);
  }

  /**
   * The same accesses of the workload as the stages after inference read it ({@link
   * Workload#judged}), its pod spec kept only {@code compared} with a baseline.
   */
  public AccessSet judged(boolean compared) {
    return new AccessSet(workload.judged(compared), basis, accesses, notes);
  }

  /** Something a reviewer should know about how the accesses were inferred, and what to do about it. */
  public record Note(NoteKind kind, String message, SourceLocation location, String fix) {

    static final String DECLARE =
        "declare what the pods really do with the kubeload.io/access annotation (docs/access-annotation.md)";

    /** A note whose remedy is to declare the accesses. */
    public Note(NoteKind kind, String message, SourceLocation location) {
      this(kind, message, location, DECLARE);
    }
  }
}
