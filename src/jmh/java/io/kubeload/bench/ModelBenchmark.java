package io.kubeload.bench;

import io.kubeload.access.AccessSet;
import io.kubeload.cluster.ClusterProfile;
import io.kubeload.model.LoadModel;
import io.kubeload.model.Projection;
import io.kubeload.model.RolloutSimulation;
import io.kubeload.model.SimulationResult;
import io.kubeload.model.Simulations;
import io.kubeload.model.WorkloadLoad;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The closed-form model and the roll-out simulation at production scale. The node agent of the
 * telemetry sample lists every pod from every node: its pods, and so the simulated requests, grow
 * with the node count; the closed form should not.
 */
public class ModelBenchmark extends Benchmarks {

  @Param({"5000", "15000"})
  public int nodes;

  @Param({"samples/manifests/telemetry-daemonset.yaml"})
  public String file;

  private ClusterProfile profile;
  private List<AccessSet> accesses;
  private Projection projection;
  private WorkloadLoad largest;

  @Setup
  public void project() {
    profile = Inputs.production(nodes);
    accesses = Inputs.accesses(Inputs.manifests(file), profile);
    projection = LoadModel.project(accesses, profile);
    largest =
        projection.workloads().stream()
            .max((a, b) -> Integer.compare(a.pods(), b.pods()))
            .orElseThrow();
  }

  @Benchmark
  public Projection closedForm() {
    return LoadModel.project(accesses, profile);
  }

  @Benchmark
  public SimulationResult rollout() {
    return RolloutSimulation.rollout(
        largest, profile, projection.levels(), RolloutSimulation.DEFAULT_HORIZON_SECONDS);
  }

  @Benchmark
  public Map<String, SimulationResult> apiServerRestart() {
    return RolloutSimulation.restart(
        projection.workloads(),
        profile,
        projection.levels(),
        RolloutSimulation.DEFAULT_HORIZON_SECONDS);
  }

  @Benchmark
  public Simulations everySimulation() {
    return Simulations.of(projection, RolloutSimulation.DEFAULT_HORIZON_SECONDS);
  }
}
