package io.kubeload.bench;

import io.kubeload.manifest.ManifestParser;
import io.kubeload.manifest.ManifestSet;
import io.kubeload.yaml.YamlDocuments;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** The reader on a generated set: YAML alone, then the whole reader (lines, Helm sources, typed conversion). */
public class ReaderBenchmark extends Benchmarks {

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
    return ManifestSet.of(ManifestParser.parse(file, content));
  }
}
