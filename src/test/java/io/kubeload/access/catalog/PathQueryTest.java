package io.kubeload.access.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathQueryTest {

  private static final Object TREE =
      Map.of(
          "filters",
              List.of(
                  Map.of("name", "Kubernetes", "use_kubelet", "On", "k8s-logging.parser", "On"),
                  Map.of("name", "grep")),
          "sources",
              Map.of(
                  "a", Map.of("type", "kubernetes_logs"),
                  "b", Map.of("type", "file")),
          "components",
              List.of(
                  Map.of("type", "k8sattributes", "used", "false", "config", Map.of("x", "1")),
                  Map.of("type", "k8sattributes", "used", "true", "config", Map.of("x", "2"))));

  private static List<String> values(String path) {
    return PathQuery.parse(path).values(TREE);
  }

  @Test
  void filtersCompareCaseInsensitivelyAndKeysApplyToEachListItem() {
    assertThat(values("filters[name=kubernetes].use_kubelet")).containsExactly("On");
    assertThat(values("filters.name")).containsExactly("Kubernetes", "grep");
    assertThat(values("filters[name=absent].use_kubelet")).isEmpty();
  }

  @Test
  void starSelectsEveryChildAndFiltersCombine() {
    assertThat(values("sources.*[type=kubernetes_logs].type")).containsExactly("kubernetes_logs");
    assertThat(values("components[type=k8sattributes,used=true].config.x")).containsExactly("2");
    assertThat(values("components[type~^k8s].config.x")).containsExactly("1", "2");
    assertThat(PathQuery.parse("sources.*[type]").select(TREE)).hasSize(2);
  }

  @Test
  void quotedKeysMayHoldDotsAndTheDotPathIsTheNodeItself() {
    assertThat(values("filters[name=kubernetes].'k8s-logging.parser'")).containsExactly("On");
    assertThat(PathQuery.parse(".").values("pods")).containsExactly("pods");
  }

  @Test
  void theLastKeyIsWhatToLookForInTheFile() {
    assertThat(PathQuery.parse("filters[name=kubernetes].use_kubelet").lastKey())
        .isEqualTo("use_kubelet");
    assertThat(PathQuery.parse("filters[name=kubernetes]").lastKey()).isEqualTo("kubernetes");
  }

  @Test
  void malformedPathsAreRejected() {
    assertThatThrownBy(() -> PathQuery.parse("filters[name=x"))
        .hasMessageContaining("never closed");
    assertThatThrownBy(() -> PathQuery.parse("")).hasMessageContaining("empty");
  }
}
