import com.sun.management.GarbageCollectorMXBean;
import io.kubeload.cli.Main;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live heap of one kubeload run: runs {@code Main.run(ARGS)} on a thread of its own and, every
 * INTERVAL_MS (default 500), collects the whole heap and reads what the collection left in use (from
 * the collector's own record: the run's other threads allocate again before the heap could be read
 * after {@code System.gc()} returns); prints the
 * largest such figure, the run's exit code and how many collections were taken; on stderr, the largest figure of each
 * stage the run was sampled in. The collections slow
 * the run down: wall time comes from bench/run.sh, not from here. bench/heap.sh runs it.
 */
public final class LiveHeap {
  public static void main(String[] args) throws Exception {
    long interval = Long.parseLong(System.getenv().getOrDefault("INTERVAL_MS", "500"));
    // The serial collector's full collection, which System.gc() runs.
    GarbageCollectorMXBean full =
        ManagementFactory.getPlatformMXBeans(GarbageCollectorMXBean.class).stream()
            .filter(gc -> gc.getName().equals("MarkSweepCompact"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("run with -XX:+UseSerialGC"));
    // Its record holds every pool, metaspace and code cache too: only the heap's are counted.
    Set<String> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
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
        com.sun.management.GcInfo collected = full.getLastGcInfo();
        if (collected == null) {
          // No full collection on record yet (seen 2-3 times in 40 runs): a System.gc() that did
          // not run one leaves this sample nothing to read, and the next sample reads it.
          continue;
        }
        long used = 0;
        for (java.util.Map.Entry<String, MemoryUsage> pool :
            collected.getMemoryUsageAfterGc().entrySet()) {
          if (heapPools.contains(pool.getKey())) {
            used += pool.getValue().getUsed();
          }
        }
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
