package io.kubeload.analysis;

/** Told of the analysis's stages as they run, for a progress line. */
public interface Progress {

  /** Tells nobody. */
  Progress SILENT =
      new Progress() {
        @Override
        public void stage(String name, int workloads, boolean counted) {}

        @Override
        public void workloadDone() {}
      };

  /** A stage over {@code workloads} workloads, each reported by {@link #workloadDone} when {@code counted}. */
  void stage(String name, int workloads, boolean counted);

  void workloadDone();
}
