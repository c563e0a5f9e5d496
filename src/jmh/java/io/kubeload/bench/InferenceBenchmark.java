package io.kubeload.bench;

import io.kubeload.access.AccessSet;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.ManifestSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Workloads and their accesses (annotation, catalog, RBAC) from a set already read. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InferenceBenchmark {

  @Param({"bench/out/small.yaml", "bench/out/medium.yaml"})
  public String file;

  private ManifestSet manifests;
  private ClusterProfile profile;

  @Setup
  public void read() {
    manifests = Inputs.manifests(file);
    profile = Inputs.production(5_000);
  }

  @Benchmark
  public List<AccessSet> accesses() {
    return Inputs.accesses(manifests, profile);
  }
}
