package io.kubeload.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An access's verbs as one sorted array behave as the sorted tree set they replaced, over seeded lists. */
class SortedStringsTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void aSortedArraySetIsTheTreeSetOfItsStrings(long seed) {
    Random random = new Random(seed);
    List<String> words = List.of("watch", "list", "get", "*", "create", "update", "patch", "Get");
    List<String> values = new ArrayList<>();
    for (int i = 0, n = random.nextInt(12); i < n; i++) {
      values.add(words.get(random.nextInt(words.size())));
    }
    TreeSet<String> tree = new TreeSet<>(values);
    SortedStrings set = SortedStrings.of(values);
    assertThat(set).containsExactlyElementsOf(tree);
    assertThat(set).isEqualTo(tree).hasSameHashCodeAs(tree);
    assertThat(set).hasToString(tree.toString());
    for (String word : words) {
      assertThat(set.contains(word)).as(word).isEqualTo(tree.contains(word));
    }
    assertThatThrownBy(() -> set.add("delete")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
