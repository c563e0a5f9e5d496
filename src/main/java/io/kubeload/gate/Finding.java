package io.kubeload.gate;

import io.kubeload.manifest.SourceLocation;

/**
 * One thing the reviewer must know: which rule, about which workload, the numbers, where it was
 * written, and a concrete fix.
 *
 * @param workload {@code Kind/namespace/name}
 */
public record Finding(Severity severity, String rule, String workload, String message, SourceLocation location, String fix) {}
