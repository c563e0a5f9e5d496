package io.kubeload.gate;

import io.kubeload.model.ListCost;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.StartupStorm;
import io.kubeload.model.WriteInflation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a finding rests on, as figures: one record per family of rules. The words a reviewer reads
 * are made from it in one place, {@link FindingText}; the gate compares findings by it, never by
 * their words.
 */
public sealed interface Evidence {

  /** The finding's words, less how it is gated. */
  String text();

  /**
   * A budget's figure beside its limit, as the JSON report gives it.
   *
   * @param figure what is measured, named as the load curve's points name it (e.g. {@code steadySeats})
   * @param unit {@code seats}, {@code seconds}, {@code bytes} or {@code bytes/s}
   */
  record Measure(String figure, double value, double budget, String unit) {}

  /** The budget's figure beside its limit, for a budget's finding. */
  default Optional<Measure> measure() {
    return Optional.empty();
  }

  /** The priority level the finding is about, when it is about one. */
  default Optional<String> priorityLevel() {
    return Optional.empty();
  }

  /** The node count from which the workload alone breaks a budget, for a scales-with-cluster finding. */
  default OptionalInt breakEvenNodes() {
    return OptionalInt.empty();
  }

  /** The resources the finding names, for an unknown-resource finding. */
  default List<String> resources() {
    return List.of();
  }

  /**
   * A priority level's steady seat demand against its budget (seat-demand).
   *
   * @param busy seats busy in steady state, the profile's existing demand included
   * @param budgetShare the share of the seats the policy lets steady demand use
   * @param largestShare when the level is over budget only with every workload in it: the seats of the one named
   * @param inflations the level's writes whose seats the workload's watchers raise
   */
  record LevelSeats(
      String level,
      double busy,
      double seats,
      double budgetShare,
      Optional<Double> largestShare,
      double rejectedShare,
      double utilization,
      double borrowable,
      List<WriteInflation> inflations)
      implements Evidence {

    public LevelSeats {
      inflations = List.copyOf(inflations);
    }

    public double share() {
      return busy / seats;
    }

    @Override
    public Optional<Measure> measure() {
      return Optional.of(new Measure("steadySeats", busy, seats * budgetShare, "seats"));
    }

    @Override
    public Optional<String> priorityLevel() {
      return Optional.of(level);
    }

    @Override
    public String text() {
      return FindingText.text(this);
    }
  }

  /**
   * A workload's start-up storm against the request time-out (startup-storm).
   *
   * @param listBytesPerStart bytes one pod LISTs when it starts
   * @param simulated the roll-out's simulation, when one was run
   */
  record Storm(
      String level,
      StartupStorm storm,
      double listBytesPerStart,
      double timeoutSeconds,
      Optional<SimulationResult> simulated)
      implements Evidence {

    @Override
    public Optional<Measure> measure() {
      return Optional.of(
          new Measure("syncLagSeconds", storm.syncLagSeconds(), timeoutSeconds, "seconds"));
    }

    @Override
    public Optional<String> priorityLevel() {
      return Optional.of(level);
    }

    @Override
    public String text() {
      return FindingText.text(this);
    }
  }

  /**
   * API-server memory the start-up LISTs in flight hold at the peak, per replica (list-memory).
   *
   * @param served where the workload's start-up LISTs are served from
   * @param cacheAmplification the profile's memory amplification of a LIST served from the watch cache
   */
  record ListMemory(
      double bytes, double budgetBytes, Set<ListCost.Served> served, double cacheAmplification)
      implements Evidence {

    public ListMemory {
      served = Set.copyOf(served);
    }

    @Override
    public Optional<Measure> measure() {
      return Optional.of(new Measure("listMemoryBytes", bytes, budgetBytes, "bytes"));
    }

    @Override
    public String text() {
      return FindingText.text(this);
    }
  }

  /** Watch events and their bytes per API server against the egress budget (watch-egress). */
  record Egress(
      double watches, double eventsPerSecond, double bytesPerSecond, double budgetBytesPerSecond)
      implements Evidence {

    @Override
    public Optional<Measure> measure() {
      return Optional.of(
          new Measure("watchBytesPerSecond", bytesPerSecond, budgetBytesPerSecond, "bytes/s"));
    }

    @Override
    public String text() {
      return FindingText.text(this);
    }
  }

  /**
   * The node count from which the workload alone breaks a budget (scales-with-cluster).
   *
   * @param nodes the profile's node count, where it passes
   * @param breakEven the smallest node count at which it breaks a budget
   * @param scaling how its cost grows with nodes, in words
   * @param reason why it grows so
   */
  record ScalesWith(int nodes, int breakEven, String scaling, String reason) implements Evidence {

    @Override
    public OptionalInt breakEvenNodes() {
      return OptionalInt.of(breakEven);
    }

    @Override
    public String text() {
      return FindingText.text(this);
    }
  }

  /** A level whose pods do not all resync after every API server restarts (restart-storm). */
  record Restart(String level, SimulationResult simulated) implements Evidence {

    @Override
    public Optional<String> priorityLevel() {
      return Optional.of(level);
    }

    @Override
    public String text() {
      return FindingText.text(this);
    }
  }

  /**
   * Accesses to resources the profile does not describe (unknown-resource).
   *
   * @param resources the resources, sorted
   * @param accesses how many accesses name them
   * @param first the first of those accesses, described
   */
  record UnknownResources(List<String> resources, int accesses, String first) implements Evidence {

    public UnknownResources {
      resources = List.copyOf(resources);
    }

    @Override
    public String text() {
      return FindingText.text(this);
    }
  }

  /** What the API server does with an APF object a chart ships, as the APF configuration says it (apf-configuration). */
  record ApfObject(String problem) implements Evidence {

    @Override
    public String text() {
      return FindingText.text(this);
    }
  }

  /** What the access inference could not settle, as it says it (the inference notes' rules). */
  record Note(String problem) implements Evidence {

    @Override
    public String text() {
      return FindingText.text(this);
    }
  }

  /** A {@code kubeload.io/ignore} the policy forbids (ignore-forbidden). */
  record Ignore(Rule rule, String reason) implements Evidence {

    @Override
    public String text() {
      return FindingText.text(this);
    }
  }
}
