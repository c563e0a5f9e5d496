package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.workload.PodCount;
import io.kubeload.workload.RolloutStrategy;
import org.junit.jupiter.api.Test;

/**
 * The sentences most workloads of a repository share keep one copy, whichever text each was built
 * from: the projection holds one per workload until the report is written.
 */
class SharedSentencesTest {

  /** A text equal to {@code text} and not the same object, as a sentence built per workload is. */
  private static String built(String text) {
    return String.valueOf(text.toCharArray());
  }

  @Test
  void equalSentencesOfTwoWorkloadsAreOneString() {
    String sentence = "a fixed number of pods; each sees one namespace of secrets";
    assertThat(built(sentence)).isNotSameAs(built(sentence));
    assertThat(new WorkloadLoad.Scaling(ScalingClass.CONSTANT, built(sentence)).reason())
        .isSameAs(new WorkloadLoad.Scaling(ScalingClass.CONSTANT, built(sentence)).reason())
        .isEqualTo(sentence);
    assertThat(new StartupStorm.Arrival(3, 1, built(sentence), 3).bound())
        .isSameAs(new StartupStorm.Arrival(2, 1, built(sentence), 2).bound());
    assertThat(new PodCount.Fixed(3, built("3 replicas")).reason())
        .isSameAs(new PodCount.Fixed(3, built("3 replicas")).reason());
    assertThat(new RolloutStrategy("RollingUpdate", 1, 0, 0, built("maxSurge=25%")).declared())
        .isSameAs(new RolloutStrategy("RollingUpdate", 1, 0, 0, built("maxSurge=25%")).declared());
  }
}
