package io.kubeload.cluster.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.yaml.InputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

  /** Time that passes only when the pacer sleeps. */
  private static final class FakeClock implements Pacer.Clock {
    long now;
    final List<Long> sends = new ArrayList<>();

    @Override
    public long nanos() {
      return now;
    }

    @Override
    public void sleep(long nanos) {
      now += nanos;
    }
  }

  @Test
  void requestsAreSpacedByTheRateAndStopAtTheBudget() {
    FakeClock clock = new FakeClock();
    Pacer pacer = new Pacer("test", 4, 5, clock);
    for (int i = 0; i < 4; i++) {
      pacer.admit("request " + i);
      clock.sends.add(clock.now);
    }
    assertThat(clock.sends).containsExactly(0L, 200_000_000L, 400_000_000L, 600_000_000L);
    assertThatThrownBy(() -> pacer.admit("one more"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "test: the request budget of 4 is spent after 4 requests, with one more to go: raise --max-requests (nothing was written)");
  }

  @Test
  void timeAlreadySpentCountsTowardsTheNextTurn() {
    FakeClock clock = new FakeClock();
    Pacer pacer = new Pacer("test", 10, 2, clock);
    pacer.admit("first");
    clock.now += 2_000_000_000L;
    pacer.admit("second, late: no wait");
    assertThat(clock.now).isEqualTo(2_000_000_000L);
  }
}
