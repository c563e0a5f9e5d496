package io.kubeload.access.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.cli.CliRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/failures.md §2: Vector's kubernetes_logs LISTs without resourceVersion are etcd quorum reads on
 * every node before 1.31; use_apiserver_cache (or a 1.31+ server reading consistently from its
 * cache) makes them cheap.
 */
class VectorConsistencyTest {

  @ParameterizedTest(name = "{0} on {1} → exit {2}")
  @CsvSource({
    "harmful.yaml, 1.30, 1",
    "fixed.yaml,   1.30, 0",
    "harmful.yaml, 1.31, 0",
  })
  void quorumReadsFromEtcdBreakTheBudgetOnlyWhereTheServerCannotAnswerFromItsCache(
      String fixture, String version, int exit) {
    CliRun run =
        CliRun.of(
            "analyze",
            "src/test/resources/catalog/vector/" + fixture,
            "--kubernetes-version",
            version,
            "--format",
            "json");
    assertThat(run.stderr()).isEmpty();
    assertThat(run.exitCode()).as(run.stdout()).isEqualTo(exit);
    assertThat(run.stdout())
        .contains(
            exit == 1 ? "\"listServedFrom\" : \"etcd\"" : "\"listServedFrom\" : \"watch-cache\"");
  }
}
