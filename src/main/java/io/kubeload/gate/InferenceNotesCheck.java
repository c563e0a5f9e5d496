package io.kubeload.gate;

import io.kubeload.access.AccessSet;
import io.kubeload.access.NoteKind;
import io.kubeload.model.WorkloadLoad;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What the access inference could not settle, one finding a note, of the rule its kind names. */
final class InferenceNotesCheck implements Check {

  @Override
  public Set<Rule> rules() {
    return Arrays.stream(NoteKind.values()).map(Rule::of).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public List<Finding> findings(Context context) {
    List<Finding> out = new ArrayList<>();
    for (WorkloadLoad load : context.projection().workloads()) {
      for (AccessSet.Note note : load.accessSet().notes()) {
        out.add(
            Finding.of(
                Rule.of(note.kind()),
                load.ref(),
                new Evidence.Note(note.message()),
                note.location(),
                note.fix(),
                List.of()));
      }
    }
    return out;
  }
}
