package io.kubeload.bench;

import io.kubeload.manifest.ManifestReader;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.manifest.YamlDocuments;
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

/** The reader on a generated set: YAML alone, then the whole reader (lines, Helm sources, typed conversion). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReaderBenchmark {

  @Param({"bench/out/small.yaml", "bench/out/medium.yaml"})
  public String file;

  private byte[] content;

  @Setup
  public void read() {
    content = Inputs.bytes(file);
  }

  @Benchmark
  public List<YamlDocuments.Document> yamlDocuments() {
    return YamlDocuments.read(file, content);
  }

  @Benchmark
  public ManifestSet manifestSet() {
    return ManifestSet.of(ManifestReader.parse(file, content));
  }
}
