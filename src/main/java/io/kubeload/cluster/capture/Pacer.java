package io.kubeload.cluster.capture;

import io.kubeload.yaml.InputException;

/**
 * The capture's own limits, so that measuring an API server never loads it: at most {@code budget}
 * requests, one after another, at most {@code qps} per second.
 */
final class Pacer {

  /** Time, so that tests can run it without waiting. */
  interface Clock {
    long nanos();

    void sleep(long nanos) throws InterruptedException;

    Clock SYSTEM =
        new Clock() {
          @Override
          public long nanos() {
            return System.nanoTime();
          }

          @Override
          public void sleep(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
          }
        };
  }

  private final String origin;
  private final int budget;
  private final long intervalNanos;
  private final Clock clock;
  private int made;
  private long next;

  Pacer(String origin, int budget, double qps, Clock clock) {
    this.origin = origin;
    this.budget = budget;
    this.intervalNanos = (long) Math.ceil(1e9 / qps);
    this.clock = clock;
    this.next = clock.nanos();
  }

  /** Waits for the request's turn; fails, before sending anything more, when the budget is spent. */
  int admit(String what) {
    require(1, what);
    long now = clock.nanos();
    if (now < next) {
      try {
        clock.sleep(next - now);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InputException(origin, "interrupted");
      }
      now = next;
    }
    next = now + intervalNanos;
    return ++made;
  }

  /** Fails now when {@code more} requests would not fit in the budget. */
  void require(int more, String what) {
    if (made + more > budget) {
      throw new InputException(
          origin,
          "the request budget of "
              + budget
              + " is spent after "
              + made
              + " requests, with "
              + what
              + " to go: raise --max-requests (nothing was written)");
    }
  }

  int made() {
    return made;
  }

  int budget() {
    return budget;
  }
}
