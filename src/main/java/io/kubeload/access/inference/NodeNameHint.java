package io.kubeload.access.inference;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.kubeload.workload.Workload;
import io.kubeload.yaml.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container that receives its node's name from the downward API and passes it in its arguments
 * ({@code --node-name=$(NODE_NAME)}) almost certainly filters its pod informer by
 * {@code spec.nodeName}. A variable that is merely set proves nothing, so it is not counted.
 */
record NodeNameHint(String container, String variable, String argument, SourceLocation location) {

  String describe() {
    return "container "
        + container
        + " passes env "
        + variable
        + " (fieldRef spec.nodeName) in '"
        + argument
        + "'";
  }

  static Optional<NodeNameHint> find(Workload workload) {
    List<Container> containers = new ArrayList<>(orEmpty(workload.podSpec().getContainers()));
    for (int c = 0; c < containers.size(); c++) {
      final int index = c;
      Container container = containers.get(c);
      for (EnvVar env : orEmpty(container.getEnv())) {
        if (env.getValueFrom() == null
            || env.getValueFrom().getFieldRef() == null
            || !"spec.nodeName".equals(env.getValueFrom().getFieldRef().getFieldPath())) {
          continue;
        }
        String reference = "$(" + env.getName() + ")";
        Optional<NodeNameHint> hint =
            inArguments(
                    workload,
                    index,
                    container,
                    "args",
                    orEmpty(container.getArgs()),
                    env.getName(),
                    reference)
                .or(
                    () ->
                        inArguments(
                            workload,
                            index,
                            container,
                            "command",
                            orEmpty(container.getCommand()),
                            env.getName(),
                            reference));
        if (hint.isPresent()) {
          return hint;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<NodeNameHint> inArguments(
      Workload workload,
      int index,
      Container container,
      String field,
      List<String> arguments,
      String variable,
      String reference) {
    for (int i = 0; i < arguments.size(); i++) {
      if (arguments.get(i) != null && arguments.get(i).contains(reference)) {
        SourceLocation at =
            AccessInference.podSpecLocation(
                workload, ".containers[" + index + "]." + field + "[" + i + "]");
        return Optional.of(new NodeNameHint(container.getName(), variable, arguments.get(i), at));
      }
    }
    return Optional.empty();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
