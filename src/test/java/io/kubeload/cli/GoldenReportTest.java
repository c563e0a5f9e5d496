package io.kubeload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.report.Format;
import io.kubeload.testing.GoldenFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample × profile × format against its golden report in src/test/resources/golden/.
 * Regenerate after an intended change with {@code mvn test -Dtest=GoldenReportTest -Dgolden.update=true}: the run
 * that rewrites a golden fails, so the diff is reviewed and committed alone before the tests pass again.
 */
class GoldenReportTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  private static final Set<String> FAIL_IN_PRODUCTION =
      Set.of("telemetry-daemonset.yaml", "gpu-exporter-daemonset.yaml");

  record Case(String sample, String profile, String format, int expectedExit) {
    @Override
    public String toString() {
      return sample + " @" + profile + " as " + format;
    }

    Path golden() {
      return GOLDEN.resolve(
          sample.replace(".yaml", "")
              + "."
              + profile
              + "."
              + Format.parse(format).orElseThrow().extension());
    }
  }

  static Stream<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> samples = Files.list(Path.of("samples/manifests"))) {
      for (Path sample : samples.sorted().toList()) {
        String name = sample.getFileName().toString();
        for (String profile : List.of("staging", "production")) {
          int exit =
              FAIL_IN_PRODUCTION.contains(name) && profile.equals("production")
                  ? ExitCode.FAIL
                  : ExitCode.PASS;
          for (Format format : Format.values()) {
            cases.add(new Case(name, profile, format.label(), exit));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportMatchesItsGoldenFile(Case c) throws IOException {
    CliRun run =
        CliRun.of(
            "analyze",
            "samples/manifests/" + c.sample(),
            "--profile",
            c.profile(),
            "--format",
            c.format());
    assertThat(run.stderr()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(c.expectedExit());
    assertGolden(run.stdout(), c.golden());
  }

  /** The samples' workloads, one each. */
  static Stream<String[]> explained() {
    return Stream.of(
        new String[] {"telemetry-daemonset.yaml", "DaemonSet/telemetry/node-telemetry"},
        new String[] {"telemetry-daemonset-fixed.yaml", "DaemonSet/telemetry/node-telemetry"},
        new String[] {"web-deployment.yaml", "Deployment/shop/shop-web"},
        new String[] {"controller-deployment.yaml", "Deployment/platform/route-controller"});
  }

  @ParameterizedTest(name = "explain {1}")
  @MethodSource("explained")
  void explanationMatchesItsGoldenFile(String sample, String workload) throws IOException {
    CliRun run = CliRun.of("explain", workload, "samples/manifests/" + sample);
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout()).startsWith(workload + "\n");
    assertGolden(run.stdout(), GOLDEN.resolve(sample.replace(".yaml", "") + ".explain.txt"));
  }

  /** The baseline samples (samples/README.md): the change's paths, the baseline's, and the exit code at production. */
  static Stream<Object[]> baselines() {
    List<String> base =
        List.of(
            "samples/manifests/telemetry-daemonset.yaml", "samples/manifests/web-deployment.yaml");
    List<Object[]> cases = new ArrayList<>();
    for (Format format : Format.values()) {
      cases.add(
          new Object[] {
            "leaves-heavy-alone",
            List.of(base.get(0), "samples/baseline/web-deployment-v2.yaml"),
            base,
            ExitCode.PASS,
            format.label()
          });
      cases.add(
          new Object[] {"adds-heavy", base, List.of(base.get(1)), ExitCode.FAIL, format.label()});
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "baseline {0} as {4}")
  @MethodSource("baselines")
  void baselineReportMatchesItsGoldenFile(
      String name, List<String> change, List<String> baseline, int exit, String format)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("analyze"));
    args.addAll(change);
    baseline.forEach(b -> args.addAll(List.of("--baseline", b)));
    args.addAll(List.of("--format", format));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.stderr()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(exit);
    assertGolden(
        run.stdout(),
        GOLDEN.resolve(
            "baseline-" + name + ".production." + Format.parse(format).orElseThrow().extension()));
  }

  private static void assertGolden(String actual, Path golden) throws IOException {
    GoldenFile.assertMatches(actual, golden, "golden.update");
  }
}
