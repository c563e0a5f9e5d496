package io.kubeload.gate;

import io.kubeload.yaml.SourceLocation;

/**
 * A finding a reviewer chose to skip with {@code kubeload.io/ignore}: it does not count, but the
 * report lists it with the reason given and where the annotation is.
 */
public record SkippedFinding(Finding finding, String reason, SourceLocation ignoredAt) {}
