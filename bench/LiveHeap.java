import io.kubeload.cli.Main;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The live heap of one kubeload run: runs {@code Main.run(ARGS)} on a thread of its own and, every
 * INTERVAL_MS (default 500), collects the whole heap and reads what is left in use; prints the
 * largest such figure, the run's exit code and how many collections were taken; on stderr, the largest figure of each
 * stage the run was sampled in. The collections slow
 * the run down: wall time comes from bench/run.sh, not from here. bench/heap.sh runs it.
 */
public final class LiveHeap {
  public static void main(String[] args) throws Exception {
    long interval = Long.parseLong(System.getenv().getOrDefault("INTERVAL_MS", "500"));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    int[] exit = {-1};
    Thread run =
        new Thread(
            () ->
                exit[0] =
                    Main.run(
                        args,
                        System.in,
                        new PrintStream(OutputStream.nullOutputStream()),
                        System.err));
    run.start();
    long largest = 0;
    String where = "";
    java.util.Map<String, Long> byStage = new java.util.LinkedHashMap<>();
    int samples = 0;
    while (run.isAlive()) {
      run.join(interval);
      if (run.isAlive()) {
        System.gc();
        long used = memory.getHeapMemoryUsage().getUsed();
        String stage = stage(run.getStackTrace());
        byStage.merge(stage, used / 1_000_000, Math::max);
        if (used > largest) {
          largest = used;
          where = stage;
        }
        samples++;
      }
    }
    System.err.println("largest live heap (MB) by stage: " + byStage);
    System.out.printf(
        "live-heap-MB %d samples %d exit %d (largest in %s)%n",
        largest / 1_000_000, samples, exit[0], where);
  }

  /** The outermost kubeload frame below the CLI and the analysis that wires the stages: the stage the run was in. */
  private static String stage(StackTraceElement[] stack) {
    for (int i = stack.length - 1; i >= 0; i--) {
      String type = stack[i].getClassName();
      if (type.startsWith("io.kubeload.")
          && !type.startsWith("io.kubeload.cli.")
          && !type.startsWith("io.kubeload.analysis.")) {
        return type.substring(type.lastIndexOf('.') + 1) + "." + stack[i].getMethodName();
      }
    }
    return "cli";
  }
}
