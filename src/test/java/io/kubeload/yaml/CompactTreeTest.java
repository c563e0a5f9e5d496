package io.kubeload.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compact forms the reader keeps equal, read and iterate as the maps they replace. */
class CompactTreeTest {

  @Test
  void aCompactTreeEqualsTheTreeItWasMadeFromInOrderAndIsReadOnly() {
    Map<String, Object> tree = new LinkedHashMap<>();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", "web");
    metadata.put("labels", new LinkedHashMap<>(Map.of("app", "web")));
    tree.put("metadata", metadata);
    Map<String, Object> data = new LinkedHashMap<>();
    for (int i = 0; i < CompactTree.MAX_SCANNED + 2; i++) {
      data.put("key" + i, i);
    }
    tree.put("data", data);
    tree.put("items", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("a", 1)), "b")));
    tree.put("empty", null);
    Map<String, Object> copy = deepCopy(tree);

    Map<String, Object> compact = CompactTree.ofMapping(tree);

    assertThat(compact).isEqualTo(copy).hasSameHashCodeAs(copy).hasToString(copy.toString());
    assertThat(compact.keySet()).containsExactly("metadata", "data", "items", "empty");
    assertThat(compact).containsKey("empty").doesNotContainKey("absent");
    assertThat(compact.get("empty")).isNull();
    assertThat(new ArrayList<Object>(((Map<?, ?>) compact.get("data")).keySet()))
        .containsExactlyElementsOf(data.keySet());
    assertThatThrownBy(() -> compact.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((Map<?, ?>) compact.get("metadata")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void fieldLinesKeepTheFirstLineOfAPathInTheOrderWrittenAndRetainASubset() {
    FieldLines lines = new FieldLines();
    Map<String, Integer> expected = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      lines.add("spec.containers[" + i + "].image", i + 10);
      expected.putIfAbsent("spec.containers[" + i + "].image", i + 10);
    }
    lines.add("metadata.name", 3);
    lines.add("metadata.name", 99);
    expected.putIfAbsent("metadata.name", 3);

    assertThat(lines.trim()).isEqualTo(expected);
    assertThat(lines.keySet()).containsExactlyElementsOf(expected.keySet());
    assertThat(lines.get("metadata.name")).isEqualTo(3);
    assertThat(lines.get("spec")).isNull();
    // Map.get takes any object: a key that is not a path string finds nothing.
    Object notAPath = 42;
    assertThat(lines.get(notAPath)).isNull();
    assertThat(lines.retain(path -> path.startsWith("metadata")))
        .containsExactly(Map.entry("metadata.name", 3));
  }

  /**
   * Lines shared across a run keep each document's own numbers: seeded documents drawn from a few
   * paths (the same paths in the same order, or another order, or a few more) read back as written.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void linesSharedAcrossARunKeepEachDocumentsOwnLines(long seed) {
    Random random = new Random(seed);
    RunBudget run = new RunBudget(InputLimits.DEFAULT);
    List<String> fields = List.of("apiVersion", "kind", "metadata.name", "spec", "spec.replicas");
    List<Map<String, Integer>> written = new ArrayList<>();
    List<FieldLines> kept = new ArrayList<>();
    for (int document = 0; document < 200; document++) {
      List<String> paths = new ArrayList<>(fields.subList(0, 2 + random.nextInt(4)));
      if (random.nextInt(4) == 0) {
        Collections.shuffle(paths, random);
      }
      FieldLines lines = new FieldLines();
      Map<String, Integer> expected = new LinkedHashMap<>();
      for (String path : paths) {
        int line = random.nextInt(1_000);
        lines.add(path, line);
        expected.put(path, line);
      }
      written.add(expected);
      kept.add(lines.trim().sharedIn(run));
    }

    for (int i = 0; i < kept.size(); i++) {
      assertThat(kept.get(i)).isEqualTo(written.get(i));
      assertThat(kept.get(i).keySet()).containsExactlyElementsOf(written.get(i).keySet());
      assertThat(kept.get(i).get("status")).isNull();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T deepCopy(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, deepCopy(v)));
      return (T) out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(deepCopy(v)));
      return (T) out;
    }
    return value;
  }
}
