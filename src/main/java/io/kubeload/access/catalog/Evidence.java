package io.kubeload.access.catalog;

import io.kubeload.yaml.SourceLocation;

/** What made a condition hold, in words, and where it is written. */
record Evidence(String description, SourceLocation location) {}
