package io.kubeload.model;

/**
 * What a workload's watchers add to every write of a resource by others: APF holds a write's seats
 * longer for each ten interested watchers (docs/sources.md §3.5), in the writers' priority level.
 */
public record WriteInflation(
    String resource,
    String writerLevel,
    double writesPerSecond,
    double watchersBefore,
    double watchersAfter,
    int seatsPerWriteBefore,
    int seatsPerWriteAfter,
    double extraSeatSecondsPerSecond) {}
