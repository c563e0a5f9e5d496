package io.kubeload.bench;

import io.kubeload.access.AccessSet;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.manifest.ManifestSet;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Workloads and their accesses (annotation, catalog, RBAC) from a set already read. */
public class InferenceBenchmark extends Benchmarks {

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
