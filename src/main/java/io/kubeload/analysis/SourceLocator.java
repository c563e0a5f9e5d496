package io.kubeload.analysis;

import io.kubeload.manifest.ManifestSet;

/**
 * Points objects at the lines a reviewer edits, such as the Helm template behind a rendered object.
 * The caller implements it, since finding a template means reading files.
 */
@FunctionalInterface
public interface SourceLocator {

  /** Every object stays where it was read. */
  SourceLocator AS_READ = manifests -> manifests;

  /** The same objects, each at its source where one is known. */
  ManifestSet locate(ManifestSet manifests);
}
