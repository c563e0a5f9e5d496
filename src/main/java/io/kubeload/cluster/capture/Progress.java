package io.kubeload.cluster.capture;

/** Told of every request a capture makes, e.g. to draw a progress line on a terminal. */
public interface Progress {

  Progress NONE =
      new Progress() {
        @Override
        public void request(int made, int budget, String what) {}

        @Override
        public void done() {}
      };

  /** Called before request number {@code made} (1-based) of at most {@code budget}. */
  void request(int made, int budget, String what);

  void done();
}
