package io.kubeload.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulation's primitive event queues give their events in the order the queues of event
 * objects they replaced gave them: the heap as a {@link PriorityQueue} in (time, sequence) order,
 * the rings first in first out, over seeded runs of adds and takes with many equal times.
 */
class EventQueuesTest {

  private record Event(double time, long seq, int who, int generation) {}

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
    long seq = 0;
    double now = 0;
    for (int step = 0; step < 20_000; step++) {
      if (random.nextInt(5) < 3 || reference.isEmpty()) {
        // Times on a coarse grid, so that many are equal and the sequence decides.
        Event e = new Event(now + random.nextInt(40) / 4.0, seq++, random.nextInt(), step);
        reference.add(e);
        heap.add(e.time(), e.seq(), (byte) 1, e.who(), e.generation());
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
    RolloutSimulation.EventRing ring = new RolloutSimulation.EventRing();
    for (int step = 0; step < 20_000; step++) {
      if (random.nextInt(3) < 2 || reference.isEmpty()) {
        Event e = new Event(step, step, random.nextInt(), random.nextInt());
        reference.addLast(e);
        ring.add(e.time(), e.seq(), (byte) 3, e.who(), e.generation());
      } else {
        assertThat(taken(ring)).isEqualTo(reference.pollFirst());
      }
    }
    while (!reference.isEmpty()) {
      assertThat(taken(ring)).isEqualTo(reference.pollFirst());
    }
    assertThat(ring.head()).isNegative();
  }

  private static Event taken(RolloutSimulation.Events queue) {
    int at = queue.head();
    assertThat(at).isNotNegative();
    Event e = new Event(queue.time[at], queue.seq[at], queue.who[at], queue.generation[at]);
    queue.poll();
    return e;
  }
}
