package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulation's primitive event queues give their events in the order the queues of event
 * objects they replaced gave them: the heap as a {@link PriorityQueue} in (time, sequence) order,
 * the rings first in first out, over seeded runs of adds and takes with many equal times.
 */
class EventQueuesTest {

  private record Event(double time, int seq, byte kind, int who) {}

  static java.util.stream.LongStream seeds() {
    return java.util.stream.LongStream.rangeClosed(1, 40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theHeapTakesEventsInTimeThenSequenceOrder(long seed) {
    Random random = new Random(seed);
    PriorityQueue<Event> reference =
        new PriorityQueue<>(Comparator.comparingDouble(Event::time).thenComparingLong(Event::seq));
    RolloutSimulation.EventHeap heap = new RolloutSimulation.EventHeap();
    // Grown by half up to its bound, then past it: the queue holds more than any of these bounds.
    heap.bound = 50 + (int) seed * 25;
    int seq = 0;
    double now = 0;
    for (int step = 0; step < 20_000; step++) {
      if (random.nextInt(5) < 3 || reference.isEmpty()) {
        // Times on a coarse grid, so that many are equal and the sequence decides.
        // The heap keeps what each event is.
        Event e =
            new Event(
                now + random.nextInt(40) / 4.0,
                seq++,
                (byte) random.nextInt(3),
                random.nextInt(RolloutSimulation.EventHeap.WHOM_BOUND));
        reference.add(e);
        heap.add(e.time(), e.seq(), e.kind(), e.who());
      } else {
        Event expected = reference.poll();
        assertThat(taken(heap)).isEqualTo(expected);
        now = expected.time();
      }
    }
    while (!reference.isEmpty()) {
      assertThat(taken(heap)).isEqualTo(reference.poll());
    }
    assertThat(heap.head()).isNegative();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aRingTakesEventsInTheOrderTheyWereAdded(long seed) {
    Random random = new Random(seed);
    ArrayDeque<Event> reference = new ArrayDeque<>();
    RolloutSimulation.EventRing ring = new RolloutSimulation.EventRing((byte) 3);
    ring.bound = 50 + (int) seed * 25;
    for (int step = 0; step < 20_000; step++) {
      if (random.nextInt(3) < 2 || reference.isEmpty()) {
        Event e = new Event(step, step, (byte) 3, random.nextInt());
        reference.addLast(e);
        ring.add(e.time(), e.seq(), e.who());
      } else {
        assertThat(taken(ring)).isEqualTo(reference.pollFirst());
      }
    }
    while (!reference.isEmpty()) {
      assertThat(taken(ring)).isEqualTo(reference.pollFirst());
    }
    assertThat(ring.head()).isNegative();
  }

  /**
   * Numbered again at random points, a heap and a ring beside it give their events in the same order
   * as with the numbers they were made with, and the heads of the two compare as before.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void eventsNumberedAgainKeepTheirOrder(long seed) {
    Random random = new Random(seed);
    PriorityQueue<Event> heapReference =
        new PriorityQueue<>(Comparator.comparingDouble(Event::time).thenComparingInt(Event::seq));
    ArrayDeque<Event> ringReference = new ArrayDeque<>();
    RolloutSimulation.EventHeap heap = new RolloutSimulation.EventHeap();
    RolloutSimulation.EventRing ring = new RolloutSimulation.EventRing((byte) 3);
    int made = 0;
    int numbered = 0;
    double now = 0;
    for (int step = 0; step < 20_000; step++) {
      int choice = random.nextInt(10);
      if (choice < 3) {
        Event e =
            new Event(
                now + random.nextInt(40) / 4.0,
                made++,
                (byte) 1,
                random.nextInt(RolloutSimulation.EventHeap.WHOM_BOUND));
        heapReference.add(e);
        heap.add(e.time(), numbered++, e.kind(), e.who());
      } else if (choice < 5) {
        Event e = new Event(now + 2.5, made++, (byte) 3, random.nextInt());
        ringReference.addLast(e);
        ring.add(e.time(), numbered++, e.who());
      } else if (choice < 9) {
        if (!heapReference.isEmpty() && !ringReference.isEmpty()) {
          // The heads compare as the numbers they were made with did.
          assertThat(heap.seq[heap.head()] < ring.seq[ring.head()])
              .isEqualTo(heapReference.peek().seq() < ringReference.peekFirst().seq());
        }
        if (!heapReference.isEmpty() && (ringReference.isEmpty() || random.nextBoolean())) {
          Event expected = heapReference.poll();
          assertThat(withoutSeq(taken(heap))).isEqualTo(withoutSeq(expected));
          now = Math.max(now, expected.time());
        } else if (!ringReference.isEmpty()) {
          assertThat(withoutSeq(taken(ring))).isEqualTo(withoutSeq(ringReference.pollFirst()));
        }
      } else {
        numbered = RolloutSimulation.renumber(heap, ring);
        assertThat(numbered).isEqualTo(heapReference.size() + ringReference.size());
      }
    }
    while (!heapReference.isEmpty()) {
      assertThat(withoutSeq(taken(heap))).isEqualTo(withoutSeq(heapReference.poll()));
    }
  }

  /**
   * A column grows by half until the next growth by half would reach its bound, then to the bound at
   * once, and past it by half again: the capacities of fleet-20000's restart, whose event heap grew
   * 478,297 → 717,445 → 800,002 and now 478,297 → 800,002.
   */
  @Test
  void aColumnNearItsBoundGrowsToItAtOnce() {
    assertThat(RolloutSimulation.grown(318_865, 800_002)).isEqualTo(478_297);
    assertThat(RolloutSimulation.grown(478_297, 800_002)).isEqualTo(800_002);
    assertThat(RolloutSimulation.grown(717_445, 800_002)).isEqualTo(800_002);
    assertThat(RolloutSimulation.grown(800_002, 800_002)).isEqualTo(1_200_003);
    assertThat(RolloutSimulation.grown(64, Integer.MAX_VALUE)).isEqualTo(96);
    assertThat(RolloutSimulation.grown(0, 10)).isEqualTo(1);
  }

  /**
   * A time-out is the one set for a request's wait when the request is queued and the ring holds no
   * later one of it; the ring holds at most {@link RolloutSimulation#TIMEOUTS_HELD} of one request,
   * and one more is refused, not counted into whether it is queued.
   */
  @Test
  void aTimeOutCountsOnlyForTheWaitItWasSetFor() {
    RolloutSimulation.Requests requests = new RolloutSimulation.Requests();
    int r = requests.add(2);
    requests.queued(r);
    requests.dequeued(r);
    requests.queued(r);
    // The first wait's time-out comes first, while the second wait goes on: stale.
    assertThat(requests.timedOut(r)).isFalse();
    assertThat(requests.timedOut(r)).isTrue();
    requests.queued(r + 1);
    requests.dequeued(r + 1);
    assertThat(requests.timedOut(r + 1)).isFalse();
    for (int i = 0; i < RolloutSimulation.TIMEOUTS_HELD; i++) {
      requests.queued(r);
    }
    assertThatThrownBy(() -> requests.queued(r)).isInstanceOf(IllegalStateException.class);
    for (int i = 1; i < RolloutSimulation.TIMEOUTS_HELD; i++) {
      assertThat(requests.timedOut(r)).isFalse();
    }
    assertThat(requests.timedOut(r)).isTrue();
  }

  /** What an event is shares its int with to whom: one that would not fit is refused, not cut. */
  @Test
  void theHeapRefusesAnEventToWhomItCannotHold() {
    RolloutSimulation.EventHeap heap = new RolloutSimulation.EventHeap();
    heap.add(1, 0, (byte) 2, RolloutSimulation.EventHeap.WHOM_BOUND - 1);
    assertThatThrownBy(() -> heap.add(1, 1, (byte) 1, RolloutSimulation.EventHeap.WHOM_BOUND))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> heap.add(1, 1, (byte) 1, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(taken(heap))
        .isEqualTo(new Event(1, 0, (byte) 2, RolloutSimulation.EventHeap.WHOM_BOUND - 1));
    assertThat(heap.head()).isNegative();
  }

  private static Event withoutSeq(Event e) {
    return new Event(e.time(), 0, e.kind(), e.who());
  }

  private static Event taken(RolloutSimulation.Events queue) {
    int at = queue.head();
    assertThat(at).isNotNegative();
    Event e = new Event(queue.time[at], queue.seq[at], queue.kind(at), queue.who(at));
    queue.poll();
    return e;
  }
}
