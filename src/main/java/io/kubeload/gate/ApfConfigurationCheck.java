package io.kubeload.gate;

import java.util.List;
import java.util.Set;

/** apf-configuration: a FlowSchema or PriorityLevelConfiguration the API server will not apply as written. */
final class ApfConfigurationCheck implements Check {

  @Override
  public Set<Rule> rules() {
    return Set.of(Rule.APF_CONFIGURATION);
  }

  @Override
  public List<Finding> findings(Context context) {
    return context.projection().apf().notes().stream()
        .map(
            note ->
                Finding.of(
                    Rule.APF_CONFIGURATION,
                    note.object(),
                    new Evidence.ApfObject(note.message()),
                    note.location(),
                    "remove or rename the object: the API server will not apply it as written",
                    List.of()))
        .toList();
  }
}
