package io.kubeload.model;

import io.kubeload.cluster.ClusterProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A discrete-event simulation of the first minutes of a roll-out (or of every API server
 * restarting): pods appear as their controller and strategy allow, each fires its start-up LISTs
 * and, once an informer's LIST is answered, its WATCH; APF serves them with the level's seats,
 * queues what each flow may queue for at most the wait limit, answers 429 to the rest, and clients
 * retry as client-go does. A pod is synced when all its LISTs and WATCHes are. Deterministic: its
 * random stream is seeded by what it reads ({@link SimulationInput}), so equal inputs give equal
 * runs.
 */
public final class RolloutSimulation {

  // client-go retries a 429 up to maxRetries = 10 times, honouring Retry-After (rest/request.go,
  // docs/sources.md §3.6).
  static final int CLIENT_RETRIES = 10;

  // APF's Retry-After adapts between 1 and 32 s (dropped_requests_tracker.go, docs/sources.md
  // §3.6); modelled
  // as doubling per consecutive rejection of the same request.
  static final double MAX_RETRY_AFTER_SECONDS = 32;

  // Reflector backoff: 800 ms doubling to 30 s, jitter 1.0 (reflector.go, docs/sources.md §1.4).
  static final double BACKOFF_INITIAL_SECONDS = 0.8;
  static final double BACKOFF_MAX_SECONDS = 30;

  /**
   * A request's reflector failures counted up to this many: from 6 on its backoff is already at its
   * cap (0.8 s · 2⁶ > 30 s), so counting further changes no delay, and the count fits in 3 bits.
   */
  static final int FAILURES_COUNTED = 7;

  /** How long the simulation looks: "the first minutes" of a roll-out, long enough for retries to settle. */
  public static final double DEFAULT_HORIZON_SECONDS = 900;

  /**
   * Events one run may process. A saturated storm retries each request every few seconds, so a
   * large chart can need millions; the run then stops where the budget ran out and says so. The
   * verdict rests on the closed form, which this only illustrates.
   */
  static final long EVENT_BUDGET = 400_000;

  /**
   * Pods of one workload the simulation follows. Each pod needs at least two events, so a workload
   * with more would run out of the event budget before its last pod started: following more would
   * change nothing the run can show, and would allocate per pod for a legal count of 100,000,000
   * replicas or a DaemonSet on 2³¹ nodes.
   */
  static final int MAX_SIMULATED_PODS = (int) EVENT_BUDGET;

  private static final long SEED =
      20_241_211L; // the date of the incident that started it all (docs/failures.md §1)

  private RolloutSimulation() {}

  /**
   * Seats free for the roll-out in a level, over all replicas: its nominal seats less the existing
   * demand. The simulation lends and borrows none.
   */
  public static double freeSeats(PriorityLevel level, ClusterProfile profile) {
    int replicas = profile.apiServers().replicas();
    return Math.max(
        0,
        (double) level.nominalSeats() * replicas
            - profile.existingSeatDemand().getOrDefault(level.name(), 0.0) * replicas);
  }

  /**
   * The most seats the roll-out's requests can hold at once in {@code level}, whatever their timing:
   * every pod that can be starting together (all of a new workload's, one wave of an update's, since
   * the next pod of an update starts only once one has synced), each holding, per start-up access,
   * its LIST's seats or its WATCH's, never both. When this fits in the level's {@link #freeSeats},
   * every request is served as it arrives: none queues, none is answered 429.
   */
  public static long seatsAtOnce(WorkloadLoad load, String level) {
    SimulationInput input = SimulationInput.of(load);
    return input.wave()
        * input.pods().lists().stream()
            .filter(l -> l.level().equals(level))
            .mapToLong(l -> Math.max(l.seats(), l.watchAfter() ? Physics.MIN_SEATS : 0))
            .sum();
  }

  /**
   * The most LIST memory the roll-out's requests can hold at once in {@code level}, per replica: each
   * pod that can be starting together with every start-up LIST in flight (a WATCH holds none).
   */
  public static double listBytesAtOnce(WorkloadLoad load, String level, ClusterProfile profile) {
    SimulationInput input = SimulationInput.of(load);
    return input.wave()
        * input.pods().lists().stream()
            .filter(l -> l.level().equals(level))
            .mapToDouble(SimulationInput.StartupList::memoryBytes)
            .sum()
        / profile.apiServers().replicas();
  }

  /** Whether no request of the roll-out can queue: in every level its start-up LISTs land in, {@link #seatsAtOnce} fits. */
  public static boolean neverQueues(
      WorkloadLoad load, ClusterProfile profile, Map<String, PriorityLevel> levels) {
    return SimulationInput.Pods.of(load).lists().stream()
        .map(SimulationInput.StartupList::level)
        .distinct()
        .allMatch(level -> seatsAtOnce(load, level) <= freeSeats(levels.get(level), profile));
  }

  /** One workload's roll-out, in the level its start-up LISTs land in. */
  public static SimulationResult rollout(
      WorkloadLoad load,
      ClusterProfile profile,
      Map<String, PriorityLevel> levels,
      double horizon) {
    return rollout(SimulationInput.of(load), profile, levels, horizon);
  }

  /** The roll-out of one input, in its level: its random stream is seeded by the input alone. */
  public static SimulationResult rollout(
      SimulationInput input,
      ClusterProfile profile,
      Map<String, PriorityLevel> levels,
      double horizon) {
    return rollout(input, profile, levels, horizon, input.seed());
  }

  /** With the random stream {@code inputSeed} gives: two inputs compared on the same draws. */
  static SimulationResult rollout(
      SimulationInput input,
      ClusterProfile profile,
      Map<String, PriorityLevel> levels,
      double horizon,
      long inputSeed) {
    Engine engine =
        new Engine(
            profile,
            levels,
            horizon,
            seed(Scenario.ROLLOUT, inputSeed),
            STARTS_REACHABLE,
            Integer.MAX_VALUE);
    engine.add(input.pods(), input.wave(), input.minReadySeconds(), false);
    engine.run();
    return engine.results(Scenario.ROLLOUT).get(input.level());
  }

  /**
   * Every API server restarts: every pod of every workload relists at once, per level. Its random
   * stream is seeded by what it reads of the workloads, in their order.
   */
  public static Map<String, SimulationResult> restart(
      List<WorkloadLoad> loads,
      ClusterProfile profile,
      Map<String, PriorityLevel> levels,
      double horizon) {
    return restart(loads, profile, levels, horizon, STARTS_REACHABLE, Integer.MAX_VALUE);
  }

  /**
   * First starts the run can reach: each is an event, and the run takes at most its budget of events
   * and looks at one more to say where it stopped.
   */
  static final int STARTS_REACHABLE = (int) EVENT_BUDGET + 1;

  /**
   * With at most {@code startsKept} first starts kept ({@link #STARTS_REACHABLE} gives the same run as
   * keeping them all), and the events in flight numbered again from 0 whenever the sequence reaches
   * {@code sequences} (any number above the events in flight gives the same run).
   */
  static Map<String, SimulationResult> restart(
      List<WorkloadLoad> loads,
      ClusterProfile profile,
      Map<String, PriorityLevel> levels,
      double horizon,
      int startsKept,
      int sequences) {
    List<SimulationInput.Pods> relisting = loads.stream().map(SimulationInput.Pods::of).toList();
    long seed = 0;
    for (SimulationInput.Pods pods : relisting) {
      seed = SimulationInput.mix(seed, pods.seed());
    }
    Engine engine =
        new Engine(
            profile,
            levels,
            horizon,
            seed(Scenario.APISERVER_RESTART, seed),
            startsKept,
            sequences);
    for (SimulationInput.Pods pods : relisting) {
      engine.add(pods, pods.simulated(), 0, true);
    }
    engine.run();
    return engine.results(Scenario.APISERVER_RESTART);
  }

  // The seed the goldens were made with: a reordered Scenario changes them, and GoldenReportTest
  // says so.
  @SuppressWarnings("EnumOrdinal")
  private static long seed(Scenario scenario, long inputs) {
    return SimulationInput.mix(SEED ^ scenario.ordinal(), inputs);
  }

  /**
   * The capacity a full column of {@code size} grows to: by half, up to {@code bound}, the most the
   * run can hold in it at once, so that a run that fills it holds no idle half (a restart's columns
   * are most of its heap); past the bound, by half again. A column that would reach its bound in the
   * next growth by half goes there at once: growing copies what a column holds into an array beside
   * it, and a last, small step would hold the largest old array beside the new one when the run
   * holds the most (at fleet-20000's restart the event heap's step from 717,445 to 800,002 events
   * held 17.9 MB for a moment, docs/performance.md).
   */
  static int grown(int size, int bound) {
    long half = Math.min(LARGEST_ARRAY, size + Math.max(1L, size >> 1));
    if (size >= bound) {
      return (int) half;
    }
    return half + (half >> 1) >= bound ? bound : (int) half;
  }

  /**
   * Numbers the events held in {@code queues} again from 0, in the order of their sequence numbers,
   * and gives the next number to take. Only the order of two numbers is ever read, so the run goes
   * on as it would have with the old ones, and an int numbers a run of any length: an event made
   * takes the next number, and when the numbers run out the events in flight, which are far fewer,
   * take the lowest again.
   */
  static int renumber(Events... queues) {
    long held = 0;
    for (Events queue : queues) {
      held += queue.size;
    }
    if (held >= Integer.MAX_VALUE) {
      throw new IllegalStateException("more events in flight than an int numbers: " + held);
    }
    int[] all = new int[(int) held];
    int n = 0;
    for (Events queue : queues) {
      for (int k = 0; k < queue.size; k++) {
        all[n++] = queue.seq[queue.at(k)];
      }
    }
    Arrays.sort(all);
    for (Events queue : queues) {
      for (int k = 0; k < queue.size; k++) {
        int i = queue.at(k);
        // Every event made took a number of its own: its rank is where the search finds it.
        queue.seq[i] = Arrays.binarySearch(all, queue.seq[i]);
      }
    }
    return n;
  }

  /**
   * The low bits of a started pod's state that count the requests it still waits for, in a run whose
   * largest pod makes {@code largestPod} start-up requests and whose pods belong to {@code cohorts}
   * cohorts: as many as that count needs, the rest numbering the pod's cohort; 0 when the two do not
   * fit an int together (a pod of tens of thousands of declared accesses among as many workloads),
   * and the count then takes a column of its own.
   */
  static int pendingBits(int largestPod, int cohorts) {
    int pending = Integer.SIZE - Integer.numberOfLeadingZeros(largestPod);
    int cohort = Integer.SIZE - Integer.numberOfLeadingZeros(Math.max(0, cohorts - 1));
    return pending + cohort <= Integer.SIZE ? pending : 0;
  }

  /** The most elements a Java array can be asked for on every JVM. */
  private static final int LARGEST_ARRAY = Integer.MAX_VALUE - 8;

  /**
   * The start-up LISTs of the pods that started, and the WATCHes their informers open once a LIST
   * is answered, as columns indexed by a slot: a restart has a few hundred thousand in flight, most
   * rejected and waiting for their retry, and an object each was most of the run's heap
   * (docs/performance.md). A pod's requests take consecutive slots when it starts, one per start-up
   * LIST in its order (its WATCH takes the LIST's), and keep them: the pod and the list a slot
   * holds follow from where the pod's slots begin, so no column holds them. Whether a slot's request
   * is queued, and its time-outs not yet taken, tell a stale time-out from the one set for the
   * request's wait in the queue now.
   */
  static final class Requests {
    /**
     * Whether the slot holds the informer's WATCH rather than its LIST, the 429s in a row answered to
     * it ({@link #CLIENT_RETRIES} at most) and the times its reflector gave the LIST up, in one byte:
     * bit 0, bits 1 to 4 and bits 5 to 7.
     */
    byte[] state = new byte[64];

    /**
     * Whether the slot's request is queued (bit 0) and how many of its time-outs the ring holds (the
     * other bits). The ring takes its time-outs in the order they were set, so the one it takes is the
     * latest set for the request when it holds no other; the request, while queued, waits since
     * then, for it queues again only after it left the queue, and it is set a time-out each time. A
     * request arrives again only 0.8 s or more after it was answered 429 (client-go's Retry-After of
     * 1 s and more, the reflector's backoff of 0.8 s and more), and besides its first LIST at most
     * once more (its WATCH once that is answered), so a ring of time-outs 15 s long holds at most 21
     * of one request: more than {@link #TIMEOUTS_HELD} fails loudly.
     */
    byte[] timeouts = new byte[64];

    int slots;

    /** The most slots the run can hold. */
    int bound = LARGEST_ARRAY;

    /** Takes {@code count} slots for a pod's requests: the first of them. */
    int add(int count) {
      long needed = (long) slots + count;
      if (needed > LARGEST_ARRAY) {
        throw new IllegalStateException("more requests than an array holds: " + needed);
      }
      if (needed > state.length) {
        int size = Math.max(grown(state.length, bound), (int) needed);
        state = Arrays.copyOf(state, size);
        timeouts = Arrays.copyOf(timeouts, size);
      }
      int first = slots;
      slots += count;
      return first;
    }

    boolean watch(int r) {
      return (state[r] & 1) != 0;
    }

    int retries(int r) {
      return (state[r] >> 1) & 0xF;
    }

    /** The reflector's failures, counted up to {@link #FAILURES_COUNTED}. */
    int failures(int r) {
      return (state[r] >> 5) & 0x7;
    }

    void state(int r, boolean watch, int retries, int failures) {
      state[r] =
          (byte) ((watch ? 1 : 0) | retries << 1 | Math.min(failures, FAILURES_COUNTED) << 5);
    }

    /** The request queues, a time-out set for its wait. */
    void queued(int r) {
      int held = held(r);
      if (held == TIMEOUTS_HELD) {
        throw new IllegalStateException("more than " + TIMEOUTS_HELD + " time-outs of one request");
      }
      timeouts[r] = (byte) ((held + 1) << 1 | 1);
    }

    /** The request leaves its queue, served or answered 429. */
    void dequeued(int r) {
      timeouts[r] = (byte) (timeouts[r] & ~1);
    }

    /** The ring gives one of the request's time-outs: whether it is the one set for its wait now. */
    boolean timedOut(int r) {
      int held = held(r);
      boolean current = held == 1 && (timeouts[r] & 1) != 0;
      timeouts[r] = (byte) ((held - 1) << 1 | (timeouts[r] & 1));
      return current;
    }

    private int held(int r) {
      return (timeouts[r] & 0xFF) >>> 1;
    }
  }

  /**
   * The requests queued, as a chain of nodes per flow: a node for each request queued rather than a
   * link for each slot, for a restart holds hundreds of thousands of slots and queues a few tens of
   * thousands of them at once (docs/performance.md). A node let go is the next one taken.
   */
  private static final class Queued {
    /** The slot of the request a node holds. */
    int[] slot = new int[64];

    /** The next node of the same flow's queue, or of the nodes let go. */
    int[] next = new int[64];

    /** Nodes ever taken: the first of those let go is {@link #free}. */
    int nodes;

    int free = -1;

    /** A node holding slot {@code r}. */
    int take(int r) {
      int node = free;
      if (node >= 0) {
        free = next[node];
      } else {
        if (nodes == slot.length) {
          slot = Arrays.copyOf(slot, grown(nodes, LARGEST_ARRAY));
          next = Arrays.copyOf(next, slot.length);
        }
        node = nodes++;
      }
      slot[node] = r;
      return node;
    }

    void release(int node) {
      next[node] = free;
      free = node;
    }
  }

  /** Time-outs of one request the ring holds at most: see {@link Requests#timeouts}. */
  static final int TIMEOUTS_HELD = 127;

  /** The pods of one workload: its flow, its start-up LISTs and their levels, how its pods appear. */
  private static final class Cohort {
    final SimulationInput.StartupList[] lists;
    final Level[] levels;
    final int requestsPerPod;

    /** The pods followed: all of the workload's, up to {@link #MAX_SIMULATED_PODS}. */
    final int simulated;

    final int minReadySeconds;
    int started;

    Cohort(SimulationInput.Pods pods, int minReadySeconds, Level[] levels) {
      this.lists = pods.lists().toArray(SimulationInput.StartupList[]::new);
      this.levels = levels;
      this.requestsPerPod = pods.requestsPerPod();
      this.simulated = pods.simulated();
      this.minReadySeconds = minReadySeconds;
    }
  }

  private static final byte START = 0;
  private static final byte ARRIVE = 1;
  private static final byte DONE = 2;
  private static final byte TIMEOUT = 3;

  /**
   * Events as columns: when ({@code time}, then {@code seq}, the order they were made in) and to whom
   * (a request's slot, or for a {@link #START} its cohort). What each is is kept only by the queue
   * that needs it: a restart holds hundreds of thousands of events at once.
   */
  abstract static class Events {
    double[] time = new double[64];
    int[] seq = new int[64];
    int[] who = new int[64];
    int size;

    /** The most events the run can hold in this queue at once. */
    int bound = LARGEST_ARRAY;

    /** Where the earliest event is, or -1 when there is none. */
    abstract int head();

    /** Where the {@code k}-th event held is, from 0 to {@link #size}, in no particular order. */
    abstract int at(int k);

    abstract void poll();

    /** What the event at {@code i} is. */
    abstract byte kind(int i);

    /** To whom the event at {@code i} is. */
    int who(int i) {
      return who[i];
    }

    boolean before(int i, double at, int sequence) {
      return time[i] != at ? time[i] < at : seq[i] < sequence;
    }
  }

  /**
   * A binary min-heap in (time, sequence) order: the order a priority queue of event objects had.
   * What an event is takes the two low bits of its {@link #who} (the heap holds hundreds of
   * thousands at once), so it takes a slot or cohort below {@link #WHOM_BOUND}.
   */
  static final class EventHeap extends Events {
    static final int KIND_BITS = 2;

    /**
     * A slot or cohort below this fits beside the kind: a run as large as that would hold half a
     * billion requests, gigabytes of columns, before it held an event of the next.
     */
    static final int WHOM_BOUND = 1 << (Integer.SIZE - 1 - KIND_BITS);

    @Override
    int head() {
      return size > 0 ? 0 : -1;
    }

    @Override
    int at(int k) {
      return k;
    }

    @Override
    byte kind(int i) {
      return (byte) (who[i] & ((1 << KIND_BITS) - 1));
    }

    @Override
    int who(int i) {
      return who[i] >>> KIND_BITS;
    }

    void add(double at, int sequence, byte what, int whom) {
      if (whom < 0 || whom >= WHOM_BOUND || what < 0 || what >= 1 << KIND_BITS) {
        throw new IllegalArgumentException("an event of kind " + what + " to " + whom);
      }
      if (size == time.length) {
        int capacity = grown(size, bound);
        time = Arrays.copyOf(time, capacity);
        seq = Arrays.copyOf(seq, capacity);
        who = Arrays.copyOf(who, capacity);
      }
      int hole = size++;
      while (hole > 0) {
        int parent = (hole - 1) >>> 1;
        if (!isAfter(parent, at, sequence)) {
          break;
        }
        move(parent, hole);
        hole = parent;
      }
      set(hole, at, sequence, whom << KIND_BITS | what);
    }

    private void set(int i, double at, int sequence, int whomAndKind) {
      time[i] = at;
      seq[i] = sequence;
      who[i] = whomAndKind;
    }

    private void move(int from, int to) {
      set(to, time[from], seq[from], who[from]);
    }

    /** Whether the event at {@code i} comes after ({@code at}, {@code sequence}). */
    private boolean isAfter(int i, double at, int sequence) {
      return time[i] != at ? time[i] > at : seq[i] > sequence;
    }

    @Override
    void poll() {
      int last = --size;
      if (last == 0) {
        return;
      }
      double at = time[last];
      int sequence = seq[last];
      int whomAndKind = who[last];
      int hole = 0;
      int half = last >>> 1;
      while (hole < half) {
        int child = 2 * hole + 1;
        int right = child + 1;
        if (right < last && before(right, time[child], seq[child])) {
          child = right;
        }
        if (!before(child, at, sequence)) {
          break;
        }
        move(child, hole);
        hole = child;
      }
      set(hole, at, sequence, whomAndKind);
    }
  }

  /**
   * Events of one kind a fixed delay after now: queue time-outs and the watches' one-request latency.
   * The clock never goes back, so each is a first-in first-out ring already in time order, and needs
   * no heap: in a saturated level most events are time-outs, most of them stale
   * (docs/performance.md).
   */
  static final class EventRing extends Events {
    private final byte kind;
    private int first;

    EventRing(byte kind) {
      this.kind = kind;
    }

    @Override
    int head() {
      return size > 0 ? first : -1;
    }

    @Override
    int at(int k) {
      return (first + k) % time.length;
    }

    @Override
    byte kind(int i) {
      return kind;
    }

    void add(double at, int sequence, int whom) {
      if (size == time.length) {
        unwrap();
      }
      int i = (first + size++) % time.length;
      time[i] = at;
      seq[i] = sequence;
      who[i] = whom;
    }

    /** Grows the ring, its events from the start, in order. */
    private void unwrap() {
      int capacity = grown(size, bound);
      int tail = time.length - first;
      time = unwrapped(time, new double[capacity], tail);
      seq = unwrapped(seq, new int[capacity], tail);
      who = unwrapped(who, new int[capacity], tail);
      first = 0;
    }

    /** {@code from}'s events from {@link #first} on, then those wrapped to its start, into {@code to}. */
    private <T> T unwrapped(T from, T to, int tail) {
      System.arraycopy(from, first, to, 0, tail);
      System.arraycopy(from, 0, to, tail, size - tail);
      return to;
    }

    @Override
    void poll() {
      first = (first + 1) % time.length;
      size--;
    }
  }

  /**
   * The pods' first starts, all scheduled when their workload is added (at an API-server restart,
   * every pod of every workload: millions in a repository of releases), kept as arrays sorted once in
   * time order rather than as an event each in the heap: a fraction of the memory, and the heap holds
   * only the events in flight. Only the earliest {@code kept} are held: the run never reaches a later
   * one (each start is an event of its budget), so a restart of 3.6 million pods holds 400,001 of
   * them, not all. Every start is added before the run makes its first event, so at equal times a
   * start comes first, and starts of equal times come in the order they were added (the order a
   * sequence number would give them).
   */
  private static final class Starts {
    private final int kept;
    private double[] times = new double[16];
    private int[] cohorts = new int[16];
    private int size;

    /** Once starts were dropped: the latest time kept; a later start (or an equal one, added later) cannot be reached. */
    private double cutoff = Double.POSITIVE_INFINITY;

    /** Whether the starts are sorted into (time, order added) order, as the run takes them. */
    private boolean sorted;

    private int next;

    Starts(int kept) {
      this.kept = kept;
    }

    /** Before the run only. */
    void add(double time, int cohort) {
      if (sorted) {
        throw new IllegalStateException("a first start added after the run began");
      }
      if (time >= cutoff) {
        return;
      }
      if (size == times.length) {
        if (size >= 2L * kept) {
          keepEarliest();
          if (time >= cutoff) {
            return;
          }
        } else {
          int grown = (int) Math.min(Math.min(2L * size, 2L * kept), LARGEST_ARRAY);
          times = Arrays.copyOf(times, grown);
          cohorts = Arrays.copyOf(cohorts, grown);
        }
      }
      times[size] = time;
      cohorts[size++] = cohort;
    }

    /**
     * Keeps the starts the run can reach, in the order it takes them, in arrays of their number: the
     * run holds them all through.
     */
    void sort() {
      if (sorted) {
        return;
      }
      if (size > kept) {
        keepEarliest();
      }
      int[] order = byTime(times, size);
      double[] byTime = new double[size];
      int[] cohortsByTime = new int[size];
      for (int i = 0; i < size; i++) {
        byTime[i] = times[order[i]];
        cohortsByTime[i] = cohorts[order[i]];
      }
      times = byTime;
      cohorts = cohortsByTime;
      sorted = true;
    }

    /** The sum over the starts kept of {@code perCohort} of each start's cohort. */
    long sum(java.util.function.IntToLongFunction perCohort) {
      sort();
      long sum = 0;
      for (int i = 0; i < size; i++) {
        sum += perCohort.applyAsLong(cohorts[i]);
      }
      return sum;
    }

    int size() {
      sort();
      return size;
    }

    /** Whether a start is left to take; the first call sorts them. */
    boolean hasNext() {
      sort();
      return next < size;
    }

    /** The earliest start's time: only after {@link #hasNext} said there is one. */
    double time() {
      return times[next];
    }

    int cohort() {
      return cohorts[next];
    }

    /**
     * Takes the earliest start. Once a quarter of them are taken, the rest move to arrays of their
     * own size: a restart takes most of its starts by the time its requests in flight peak, and
     * holding the taken ones would add to that peak (a quarter rather than half: the arrays then hold
     * at most a third more than is left, and a move at most 2⅓ times it for a moment, not twice and
     * three times).
     */
    void poll() {
      if (4L * ++next >= size && next >= 1024) {
        times = Arrays.copyOfRange(times, next, size);
        cohorts = Arrays.copyOfRange(cohorts, next, size);
        size -= next;
        next = 0;
      }
    }

    /**
     * Keeps the {@code kept} earliest starts, in the order they were added: those before the
     * {@code kept}-th smallest time, then as many of that time as are missing, the first added
     * first. Every later start is added after them, so one of a time at or past the cutoff cannot
     * be among the earliest. A selection, not a sort: a restart drops millions of starts this way.
     */
    private void keepEarliest() {
      double[] scratch = Arrays.copyOf(times, size);
      double threshold = select(scratch, kept - 1);
      int before = 0;
      for (int i = 0; i < size; i++) {
        if (times[i] < threshold) {
          before++;
        }
      }
      int atThreshold = kept - before;
      int n = 0;
      for (int i = 0; i < size; i++) {
        if (times[i] < threshold || (times[i] == threshold && atThreshold-- > 0)) {
          times[n] = times[i];
          cohorts[n++] = cohorts[i];
        }
      }
      size = n;
      cutoff = threshold;
    }

    /**
     * The {@code k}-th smallest of {@code a} (from 0), reordering it: quickselect with a three-way
     * partition, so that many equal times cannot make it quadratic.
     */
    private static double select(double[] a, int k) {
      int lo = 0;
      int hi = a.length - 1;
      while (lo < hi) {
        double pivot = medianOfThree(a[lo], a[lo + (hi - lo) / 2], a[hi]);
        int lt = lo;
        int gt = hi;
        int i = lo;
        while (i <= gt) {
          if (a[i] < pivot) {
            swap(a, lt++, i++);
          } else if (a[i] > pivot) {
            swap(a, i, gt--);
          } else {
            i++;
          }
        }
        if (k < lt) {
          hi = lt - 1;
        } else if (k > gt) {
          lo = gt + 1;
        } else {
          return pivot;
        }
      }
      return a[k];
    }

    private static double medianOfThree(double a, double b, double c) {
      return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(double[] a, int i, int j) {
      double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }

    /**
     * The indices {@code 0..size-1} by time, a stable merge sort: added in sequence order, equal
     * times stay in it. Primitive arrays, for there can be millions.
     */
    private static int[] byTime(double[] times, int size) {
      int[] a = new int[size];
      for (int i = 0; i < size; i++) {
        a[i] = i;
      }
      int[] b = new int[size];
      for (int width = 1; width < size; width *= 2) {
        for (int lo = 0; lo < size; lo += 2 * width) {
          int mid = Math.min(lo + width, size);
          int hi = Math.min(lo + 2 * width, size);
          int i = lo;
          int j = mid;
          for (int k = lo; k < hi; k++) {
            b[k] = i < mid && (j >= hi || times[a[i]] <= times[a[j]]) ? a[i++] : a[j++];
          }
        }
        int[] swap = a;
        a = b;
        b = swap;
      }
      return a;
    }
  }

  /** One priority level: its free seats, one FIFO per flow served in turn, and what it saw per second. */
  private static final class Level {
    final PriorityLevel config;
    final double capacity;
    final double existing;
    final int flowQueueLimit;

    /** Per flow (a cohort's index), its queue as a chain of {@link Queued} nodes: first, last, length. */
    int[] flowFirst = new int[0];

    int[] flowLast = new int[0];
    int[] flowSize = new int[0];
    int flows;
    double busy;
    double inFlightBytes;
    int next;
    int queued;
    double[] seats = new double[64];
    double[] seatSeconds = new double[64];
    double since;
    int[] queue = new int[64];
    int[] rejected = new int[64];
    boolean used;
    long totalRejected;
    long served;
    double peakBytes;

    Level(PriorityLevel config, ClusterProfile profile) {
      int replicas = profile.apiServers().replicas();
      this.config = config;
      this.existing = profile.existingSeatDemand().getOrDefault(config.name(), 0.0) * replicas;
      this.capacity = freeSeats(config, profile);
      this.flowQueueLimit = config.reject() ? 0 : config.flowQueueCapacity() * replicas;
    }

    /** Makes room for flow {@code index}: the flows served in turn are all up to the highest one seen. */
    void flow(int index) {
      if (index < flows) {
        return;
      }
      if (index >= flowFirst.length) {
        int size = Math.max(index + 1, 2 * flowFirst.length);
        flowFirst = Arrays.copyOf(flowFirst, size);
        flowLast = Arrays.copyOf(flowLast, size);
        flowSize = Arrays.copyOf(flowSize, size);
      }
      Arrays.fill(flowFirst, flows, index + 1, -1);
      flows = index + 1;
    }

    void enqueue(int flow, int r, Queued queued) {
      int node = queued.take(r);
      if (flowSize[flow]++ == 0) {
        flowFirst[flow] = node;
      } else {
        queued.next[flowLast[flow]] = node;
      }
      flowLast[flow] = node;
    }

    /** The request at the head of {@code flow}'s queue: only while it holds one. */
    int head(int flow, Queued queued) {
      return queued.slot[flowFirst[flow]];
    }

    /** Takes {@code r} out of its flow's queue, wherever it is in it; false if it is not queued there. */
    boolean remove(int flow, int r, Queued queued) {
      int previous = -1;
      int at = flowFirst[flow];
      for (int i = 0; i < flowSize[flow]; i++) {
        if (queued.slot[at] == r) {
          int after = i + 1 < flowSize[flow] ? queued.next[at] : -1;
          if (previous < 0) {
            flowFirst[flow] = after;
          } else {
            queued.next[previous] = after;
          }
          if (flowLast[flow] == at) {
            flowLast[flow] = previous;
          }
          flowSize[flow]--;
          queued.release(at);
          return true;
        }
        previous = at;
        at = queued.next[at];
      }
      return false;
    }

    void grow(int second) {
      if (second >= seats.length) {
        int size = Math.max(second + 1, seats.length * 2);
        seats = Arrays.copyOf(seats, size);
        seatSeconds = Arrays.copyOf(seatSeconds, size);
        queue = Arrays.copyOf(queue, size);
        rejected = Arrays.copyOf(rejected, size);
      }
    }

    /**
     * Accounts the seats busy and the queue since the last change, second by second, before they
     * change again: a second with no event of its own still saw them.
     */
    void advance(double to) {
      grow((int) to);
      for (double t = since; t < to; ) {
        int second = (int) t;
        double end = Math.min(to, second + 1);
        seatSeconds[second] += (busy + existing) * (end - t);
        seats[second] = Math.max(seats[second], busy + existing);
        queue[second] = Math.max(queue[second], queued);
        t = end;
      }
      since = to;
    }

    void sample(int second) {
      grow(second);
      seats[second] = Math.max(seats[second], busy + existing);
      queue[second] = Math.max(queue[second], queued);
    }
  }

  private static final class Engine {
    final ClusterProfile profile;
    final Map<String, PriorityLevel> configs;
    final double horizon;
    final RandomGenerator random;
    final EventHeap events = new EventHeap();
    final EventRing timeouts = new EventRing(TIMEOUT);
    final EventRing watchesDone = new EventRing(DONE);
    final Starts starts;
    final Map<String, Level> levels = new LinkedHashMap<>();
    final List<Cohort> cohorts = new ArrayList<>();
    final Requests requests = new Requests();
    final Queued queued = new Queued();

    /**
     * Each started pod's cohort and, in its low {@link #pendingBits}, the requests it still waits
     * for, by the order the pods started: a restart follows millions of pods and the run reaches at
     * most its event budget's worth of them.
     */
    int[] podState = new int[64];

    /** Set for the run by {@link #bound}: see {@link RolloutSimulation#pendingBits}. */
    int pendingBits;

    /** The requests each started pod still waits for, where they do not fit its state; else null. */
    int[] podPending;

    /** The first slot of each started pod's requests, by the same order: rising, as pods start. */
    int[] podFirst = new int[64];

    int startedPods;

    /** The most pods the run can start: its first starts and the rest of each cohort's pods. */
    int podsBound = LARGEST_ARRAY;

    int[] syncedBySecond = new int[64];

    /** The sequence number the next event made takes: see {@link #nextSequence}. */
    int seq;

    /** The sequence number at which the events in flight are numbered again from 0. */
    final int sequences;

    double now;
    double stoppedAt = Double.NaN;
    double allSyncedAt = Double.NaN;
    int pods;
    int syncedPods;

    /** The event {@link #next} took: its time, kind and to whom. */
    double time;

    byte kind;
    int who;

    Engine(
        ClusterProfile profile,
        Map<String, PriorityLevel> configs,
        double horizon,
        long seed,
        int startsKept,
        int sequences) {
      this.starts = new Starts(startsKept);
      this.sequences = sequences;
      this.profile = profile;
      this.configs = configs;
      this.horizon = horizon;
      this.random = new Well19937c(seed);
    }

    /**
     * Adds a workload's pods, {@code wave} of them starting at once: as the controller creates them
     * or, with {@code relist}, after a reflector's first backoff, every pod already running.
     */
    void add(SimulationInput.Pods shape, int wave, int minReadySeconds, boolean relist) {
      if (shape.count() == 0 || shape.lists().isEmpty()) {
        return;
      }
      pods = (int) Math.min(Integer.MAX_VALUE, (long) pods + shape.count());
      Level[] of =
          shape.lists().stream()
              .map(
                  list ->
                      levels.computeIfAbsent(
                          list.level(), name -> new Level(configs.get(name), profile)))
              .toArray(Level[]::new);
      for (Level level : of) {
        level.used = true;
      }
      Cohort cohort = new Cohort(shape, minReadySeconds, of);
      int index = cohorts.size();
      cohorts.add(cohort);
      double podStart = profile.rollout().podStartSeconds();
      double qps = profile.rollout().controllerQps();
      for (int pod = 0; pod < wave; pod++) {
        // Every watch breaks at a restart; each reflector relists after its backoff of 800 ms with
        // jitter 1.0. Otherwise created at the controller's client rate, then up to the start-up
        // SLO to pull and start.
        starts.add(
            relist
                ? BACKOFF_INITIAL_SECONDS * (1 + random.nextDouble())
                : pod / qps + podStart * random.nextDouble(),
            index);
      }
      cohort.started = wave;
    }

    /** The next event's sequence number: see {@link RolloutSimulation#renumber}. */
    int nextSequence() {
      if (seq == sequences) {
        seq = renumber(events, timeouts, watchesDone);
        if (seq >= sequences) {
          throw new IllegalStateException(
              "more events in flight (" + seq + ") than sequence numbers (" + sequences + ")");
        }
      }
      return seq++;
    }

    void schedule(double at, byte what, int whom) {
      events.add(at, nextSequence(), what, whom);
    }

    /**
     * Takes the earliest event of the heap, the first starts and the two fixed-delay queues, in
     * (time, sequence) order; false when none is left.
     */
    boolean next() {
      Events from = events;
      int at = events.head();
      if (starts.hasNext() && (at < 0 || starts.time() <= events.time[at])) {
        // A start's sequence, -1, puts it before every event the run made at the same time.
        from = null;
      }
      double first = from == null ? starts.time() : at < 0 ? Double.NaN : events.time[at];
      int order = from == null ? -1 : at < 0 ? 0 : events.seq[at];
      int timeout = timeouts.head();
      if (timeout >= 0 && (Double.isNaN(first) || timeouts.before(timeout, first, order))) {
        from = timeouts;
        at = timeout;
        first = timeouts.time[at];
        order = timeouts.seq[at];
      }
      int watch = watchesDone.head();
      if (watch >= 0 && (Double.isNaN(first) || watchesDone.before(watch, first, order))) {
        from = watchesDone;
        at = watch;
      }
      if (from == null) {
        time = first;
        kind = START;
        who = starts.cohort();
        starts.poll();
        return true;
      }
      if (at < 0) {
        return false;
      }
      time = from.time[at];
      kind = from.kind(at);
      who = from.who(at);
      from.poll();
      return true;
    }

    void run() {
      bound();
      long processed = 0;
      while (next()) {
        if (kind == TIMEOUT && !requests.timedOut(who)) {
          continue; // the request was served or re-queued since: a stale time-out must not move the
          // clock
        }
        if (time > horizon) {
          break;
        }
        if (processed++ == EVENT_BUDGET) {
          stoppedAt = time;
          break;
        }
        now = time;
        for (Level level : levels.values()) {
          level.advance(now);
        }
        switch (kind) {
          case START -> {
            int lists = cohorts.get(who).lists.length;
            int first = started(who, lists);
            for (int list = 0; list < lists; list++) {
              arrive(first + list);
            }
          }
          case ARRIVE -> arrive(who);
          case DONE -> done(who);
          default -> timeout(who);
        }
        for (Level level : levels.values()) {
          dispatch(level);
          level.sample((int) now);
        }
      }
    }

    /**
     * Bounds what the run holds at once by what it can reach, once its first starts are known: every
     * pod it can start (the first starts kept, then the rest of each cohort's, one by one as a pod of
     * its wave is available), each with a slot per start-up LIST (its WATCH takes the LIST's), each
     * slot with at most one event in the heap (its retry, or its LIST's answer), besides the next
     * start of a cohort. A restart reaches them: its columns end sized to the run, not half again.
     */
    private void bound() {
      long later = 0;
      long requestsLater = 0;
      for (Cohort cohort : cohorts) {
        long rest = Math.max(0, cohort.simulated - cohort.started);
        later += rest;
        requestsLater += rest * cohort.lists.length;
      }
      long lists = starts.sum(c -> cohorts.get(c).lists.length) + requestsLater;
      requests.bound = capped(lists);
      events.bound = capped(lists + later);
      podsBound = capped(starts.size() + later);
      int largestPod = cohorts.stream().mapToInt(c -> c.requestsPerPod).max().orElse(1);
      pendingBits = pendingBits(largestPod, cohorts.size());
      podPending = pendingBits == 0 ? new int[podState.length] : null;
    }

    private static int capped(long bound) {
      return (int) Math.min(bound, LARGEST_ARRAY);
    }

    /**
     * A pod starts, waiting for every request of its start-up in its {@link #podState}: the first of the
     * slots its {@code lists} requests take.
     */
    int started(int cohort, int lists) {
      if (startedPods == podState.length) {
        podState = Arrays.copyOf(podState, grown(podState.length, podsBound));
        podFirst = Arrays.copyOf(podFirst, podState.length);
        if (podPending != null) {
          podPending = Arrays.copyOf(podPending, podState.length);
        }
      }
      int first = requests.add(lists);
      int waits = cohorts.get(cohort).requestsPerPod;
      if (podPending == null) {
        podState[startedPods] = cohort << pendingBits | waits;
      } else {
        podState[startedPods] = cohort;
        podPending[startedPods] = waits;
      }
      podFirst[startedPods++] = first;
      return first;
    }

    int cohortOf(int pod) {
      return podState[pod] >>> pendingBits;
    }

    /**
     * The pod whose requests slot {@code r} holds: the last to start at or before it. Every pod
     * started takes at least one slot ({@link #add} follows none without a start-up LIST), so the
     * first slots rise strictly.
     */
    int podOf(int r) {
      int at = Arrays.binarySearch(podFirst, 0, startedPods, r);
      return at >= 0 ? at : -at - 2;
    }

    SimulationInput.StartupList listOf(int r) {
      int pod = podOf(r);
      return cohorts.get(cohortOf(pod)).lists[r - podFirst[pod]];
    }

    Level levelOf(int r) {
      int pod = podOf(r);
      return cohorts.get(cohortOf(pod)).levels[r - podFirst[pod]];
    }

    /**
     * A reflector's WATCH from the LIST's resourceVersion holds one seat until it is initialised
     * (docs/sources.md §3.5); a LIST its estimated seats.
     */
    int seats(int r) {
      return requests.watch(r) ? Physics.MIN_SEATS : listOf(r).seats();
    }

    void arrive(int r) {
      Level level = levelOf(r);
      int flow = cohortOf(podOf(r));
      level.flow(flow);
      if (level.queued == 0 && level.busy + seats(r) <= level.capacity) {
        serve(level, r);
      } else if (level.flowSize[flow] >= level.flowQueueLimit) {
        reject(level, r);
      } else {
        requests.queued(r);
        level.enqueue(flow, r, queued);
        level.queued++;
        timeouts.add(now + Physics.QUEUE_WAIT_LIMIT_SECONDS, nextSequence(), r);
      }
    }

    void serve(Level level, int r) {
      level.busy += seats(r);
      level.inFlightBytes += requests.watch(r) ? 0 : listOf(r).memoryBytes();
      level.peakBytes = Math.max(level.peakBytes, level.inFlightBytes);
      if (requests.watch(r)) {
        watchesDone.add(now + profile.latency().requestSeconds(), nextSequence(), r);
      } else {
        schedule(now + listOf(r).seconds(), DONE, r);
      }
    }

    /** Serve flows in turn while the next head fits: fair queuing with requests of equal cost. */
    void dispatch(Level level) {
      int flows = level.flows;
      for (int tried = 0; tried < flows && level.queued > 0; ) {
        int flow = level.next % flows;
        if (level.flowSize[flow] == 0) {
          level.next++;
          tried++;
          continue;
        }
        int head = level.head(flow, queued);
        if (level.busy + seats(head) > level.capacity) {
          return;
        }
        level.remove(flow, head, queued);
        requests.dequeued(head);
        level.queued--;
        serve(level, head);
        level.next++;
        tried = 0;
      }
    }

    void timeout(int r) {
      Level level = levelOf(r);
      int flow = cohortOf(podOf(r));
      level.flow(flow);
      if (level.remove(flow, r, queued)) {
        requests.dequeued(r);
        level.queued--;
        reject(level, r);
      }
    }

    void reject(Level level, int r) {
      int second = (int) now;
      level.grow(second);
      level.rejected[second]++;
      level.totalRejected++;
      double delay;
      int retries = requests.retries(r);
      int failures = requests.failures(r);
      if (retries < CLIENT_RETRIES) {
        delay = Math.min(MAX_RETRY_AFTER_SECONDS, Math.pow(2, retries));
        requests.state(r, requests.watch(r), retries + 1, failures);
      } else {
        // The reflector gives up this LIST and relists after its own backoff (docs/sources.md
        // §1.3–1.4).
        delay =
            Math.min(BACKOFF_MAX_SECONDS, BACKOFF_INITIAL_SECONDS * Math.pow(2, failures))
                * (1 + random.nextDouble());
        requests.state(r, requests.watch(r), 0, failures + 1);
      }
      schedule(now + delay, ARRIVE, r);
    }

    void done(int r) {
      Level level = levelOf(r);
      level.busy -= seats(r);
      level.inFlightBytes -= requests.watch(r) ? 0 : listOf(r).memoryBytes();
      int pod = podOf(r);
      int cohortIndex = cohortOf(pod);
      if (!requests.watch(r)) {
        level.served++;
        if (listOf(r).watchAfter()) {
          // The informer's WATCH takes the LIST's slot: the same pod, list and flow, no retries
          // yet.
          requests.state(r, true, 0, 0);
          arrive(r);
        }
      }
      // A pod waits for at least one request, so its count reaches 0 only once, and its cohort's
      // bits never lend to it.
      boolean synced =
          podPending == null
              ? (--podState[pod] & ((1 << pendingBits) - 1)) == 0
              : --podPending[pod] == 0;
      if (synced) {
        if (++syncedPods == pods) {
          allSyncedAt = now;
        }
        int second = (int) now;
        if (second >= syncedBySecond.length) {
          syncedBySecond =
              Arrays.copyOf(syncedBySecond, Math.max(second + 1, syncedBySecond.length * 2));
        }
        syncedBySecond[second]++;
        startNextOfWave(cohortIndex);
      }
    }

    /** An update replaces the next pod once one of its wave is available (synced, then minReadySeconds). */
    void startNextOfWave(int index) {
      Cohort cohort = cohorts.get(index);
      if (cohort.started >= cohort.simulated) {
        return;
      }
      cohort.started++;
      double at =
          now + cohort.minReadySeconds + profile.rollout().podStartSeconds() * random.nextDouble();
      schedule(at, START, index);
    }

    Map<String, SimulationResult> results(Scenario scenario) {
      Map<String, SimulationResult> out = new LinkedHashMap<>();
      double reached = Double.isNaN(stoppedAt) ? horizon : stoppedAt;
      int end = (int) Math.min(reached, Math.ceil(now));
      for (Level level : levels.values()) {
        if (!level.used) {
          continue;
        }
        level.advance(end);
        level.grow(end);
        int[] syncedBy = new int[end + 1];
        int synced = 0;
        double peak = 0;
        int saturated = 0;
        for (int second = 0; second <= end; second++) {
          synced += second < syncedBySecond.length ? syncedBySecond[second] : 0;
          syncedBy[second] = synced;
          peak = Math.max(peak, level.seats[second]);
          if (level.queue[second] > 0) {
            saturated++;
          }
        }
        // The last second is the one the run stopped in: its mean is what was busy then.
        level.seatSeconds[end] = level.busy + level.existing;
        List<SimulationResult.Sample> series =
            new SimulationResult.Columns(
                end + 1, level.seatSeconds, level.seats, level.queue, level.rejected, syncedBy);
        OptionalDouble syncedAt =
            Double.isNaN(allSyncedAt) ? OptionalDouble.empty() : OptionalDouble.of(allSyncedAt);
        double memory = level.peakBytes / profile.apiServers().replicas();
        out.put(
            level.config.name(),
            new SimulationResult(
                scenario,
                level.config.name(),
                level.capacity + level.existing,
                new SimulationResult.Horizon(reached, !Double.isNaN(stoppedAt)),
                series,
                new SimulationResult.Peaks(peak, memory),
                new SimulationResult.Counts(saturated, level.totalRejected, level.served),
                new SimulationResult.Sync(pods, syncedPods, syncedAt)));
      }
      return out;
    }
  }
}
