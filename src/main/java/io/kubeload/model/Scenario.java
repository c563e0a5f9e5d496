package io.kubeload.model;

import java.util.Locale;

/** What the simulation replays. */
public enum Scenario {
  /** The change rolls out: new workloads start everywhere, updated ones follow their strategy. */
  ROLLOUT,
  /** Every API server restarts: every informer of every pod relists at once (docs/failures.md §2, §11). */
  APISERVER_RESTART;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
