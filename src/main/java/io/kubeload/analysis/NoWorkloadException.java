package io.kubeload.analysis;

/**
 * The inputs hold no workload, so nothing could break a budget: a render that went wrong (a values
 * file that switched everything off, the wrong folder) would otherwise pass unnoticed. The caller
 * names the inputs in its own terms.
 */
public final class NoWorkloadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int objects;

  NoWorkloadException(int objects) {
    super("no workload among " + objects + " object" + (objects == 1 ? "" : "s"));
    this.objects = objects;
  }

  /** How many objects the inputs held. */
  public int objects() {
    return objects;
  }
}
