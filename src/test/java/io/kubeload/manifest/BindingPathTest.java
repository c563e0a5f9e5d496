package io.kubeload.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.yaml.InputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The field path a wrong type is reported at, written out only for the error: a list's item, a
 * field below it, and a label's entry.
 */
class BindingPathTest {

  @Test
  void pathsAreWrittenAsFieldsItemsAndEntries() {
    Binding.At root = Binding.At.of("");
    assertThat(root.field("spec").field("containers").item(1).field("args"))
        .hasToString("spec.containers[1].args");
    assertThat(Binding.At.of("spec.selector").field("matchLabels").entry("app"))
        .hasToString("spec.selector.matchLabels.app");
    assertThat(root.entry("app")).hasToString(".app");
    assertThat(root.item(0)).hasToString("[0]");
  }

  @Test
  void aWrongTypeInAListItemNamesTheItem() {
    assertThatThrownBy(
            () -> parse(deployment("      labels: {app: web}\n", "          args: {a: b}\n")))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "d.yaml:13: spec.template.spec.containers[1].args: not a valid Deployment: expected a list, not a mapping");
  }

  @Test
  void aWrongTypeInALabelNamesTheLabel() {
    assertThatThrownBy(() -> parse(deployment("      labels: {app: web, tier: [a]}\n", "")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(
            "spec.template.metadata.labels.tier: not a valid Deployment: expected a string, not a list");
  }

  private static String deployment(String labels, String sideArgs) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
        + "  template:\n    metadata:\n"
        + labels
        + "    spec:\n      containers:\n        - name: web\n        - name: side\n"
        + sideArgs;
  }

  private static void parse(String yaml) {
    ManifestParser.parse("d.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }
}
