package io.kubeload.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.gate.LoadCurve;
import io.kubeload.gate.Verdict;
import io.kubeload.manifest.ObjectRef;
import io.kubeload.model.Units;
import io.kubeload.testing.TestManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The markdown and HTML reports: what a reviewer reads first, the charts' figures, and escaping. */
class MarkupReportsTest {

  private static Verdict telemetry() throws Exception {
    return Samples.judge(
        Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml")),
        TestManifests.production());
  }

  static List<Samples.Judged> samples() {
    return Samples.verdicts().toList();
  }

  @Test
  void textFromManifestsNeverBecomesMarkup() {
    assertThat(Markup.xml("<script>alert('x') & \"y\"</script>\u0007"))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    assertThat(Markup.markdown("a|b\n*c* _d_ `e` [f](g) <h> \\*"))
        .isEqualTo("a\\|b<br>\\*c\\* \\_d\\_ \\`e\\` \\[f](g) &lt;h&gt; \\\\\\*");
  }

  @Test
  void noFormatCarriesSecretContents() throws Exception {
    String secret = "c2VjcmV0LXZhbHVlLTQyCg";
    String yaml =
        Files.readString(Path.of("samples/manifests/telemetry-daemonset.yaml"))
            + """
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: agent-config, namespace: telemetry}
        stringData:
          config.yaml: "token: %s"
        data:
          password: %s
        """
                .formatted(secret, secret);
    Verdict verdict = Samples.judge(yaml, TestManifests.production());
    for (Format format : Format.values()) {
      assertThat(Reports.render(verdict, format)).as(format.label()).doesNotContain(secret);
    }
  }

  @Test
  void theMarkdownCommentOpensWithTheVerdictLine() throws Exception {
    String markdown = Reports.render(telemetry(), Format.MARKDOWN);
    assertThat(markdown.lines().findFirst().orElseThrow())
        .isEqualTo(
            "### ❌ kubeload: FAIL at production (5,000 nodes, 30 pods/node, Kubernetes 1.37, 1 API server)");
    assertThat(markdown)
        .contains(
            "| `DaemonSet/telemetry/node-telemetry` | 5,000 |",
            "<details><summary><b>error</b> <code>startup-storm</code>");
  }

  @Test
  void theMermaidChartOfAWorkloadFailingOnEgressPlotsEgressAgainstItsBudgetOverEvenCategories()
      throws Exception {
    Verdict verdict = telemetry();
    LoadCurve curve =
        verdict.loadCurve(new ObjectRef("DaemonSet", "telemetry", "node-telemetry")).orElseThrow();
    String markdown = Reports.render(verdict, Format.MARKDOWN);
    Matcher chart =
        Pattern.compile(
                """
        ```mermaid
        xychart-beta
          title "DaemonSet/telemetry/node-telemetry: watch egress per API server"
          x-axis "nodes" \\[(.*)]
          y-axis "MB/s per API server"
          line \\[(.*)]
          line \\[(.*)]
        ```

        (.*)
        """)
            .matcher(markdown);
    assertThat(chart.find()).as(markdown).isTrue();
    assertThat(chart.group(4))
        .startsWith(
            "Lines, in order: watch egress per API server, budget 1 GB/s (watch-egress). At 5,000 nodes: ");
    List<Integer> categories =
        Pattern.compile("\"([0-9,]+)\"")
            .matcher(chart.group(1))
            .results()
            .map(m -> Integer.parseInt(m.group(1).replace(",", "")))
            .toList();
    assertThat(categories).hasSize(chart.group(1).split(", ").length);
    for (int i = 1; i < categories.size(); i++) {
      assertThat(categories.get(i))
          .as("categories double at each step")
          .isEqualTo(2 * categories.get(i - 1));
    }
    List<String> egress = List.of(chart.group(2).split(", "));
    List<String> budget = List.of(chart.group(3).split(", "));
    for (int i = 0; i < categories.size(); i++) {
      LoadCurve.Point p = curve.at(categories.get(i)).orElseThrow();
      assertThat(Double.parseDouble(egress.get(i)))
          .isCloseTo(
              p.watchBytesPerSecond() / 1e6, org.assertj.core.data.Percentage.withPercentage(0.1));
      assertThat(budget.get(i)).isEqualTo("1000");
    }
    assertThat(markdown)
        .contains("this profile's 5,000 nodes lie between the 2,560 and 5,120 steps");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theHtmlPageIsSelfContained(Samples.Judged sample) {
    String html = Reports.render(sample.verdict(), Format.HTML);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .endsWith("</html>\n")
        .doesNotContain(
            "src=\"http",
            "href=\"http",
            "url(http",
            "@import",
            "<link",
            "fetch(",
            "XMLHttpRequest");
    var loads = sample.verdict().projection().workloads();
    for (int i = 0; i < loads.size(); i++) {
      assertThat(html)
          .contains(
              "<a href=\"#" + HtmlReport.anchor(i, loads.get(i).ref().toString()) + "\">",
              "<h2 id=\"" + HtmlReport.anchor(i, loads.get(i).ref().toString()) + "\">");
    }
  }

  @Test
  void theHtmlPageChartsLoadAndTheStormAndCarriesTheExplainChain() throws Exception {
    Verdict verdict = telemetry();
    String html = Reports.render(verdict, Format.HTML);
    assertThat(html)
        .contains(
            "watch egress per API server against node count",
            ">watch egress per API server</text>",
            ">bytes/s per API server (log scale)</text>",
            ">nodes (log scale)</text>",
            ">1 GB/s</text>",
            "Simulated start-up: seats busy in workload-low",
            "429s per second ("
                + Units.number(
                    verdict
                        .simulations()
                        .rolloutOf(new ObjectRef("DaemonSet", "telemetry", "node-telemetry"))
                        .orElseThrow()
                        .rejected()),
            ">staging</text>",
            ">production</text>",
            "class=\"alarm\"");
    assertThat(html)
        .containsPattern(
            """
        <text class="legend" x="\\d+" y="\\d+">watch egress per API server</text>
        <polyline [^>]*stroke-dasharray[^>]*><title>budget: 1 GB/s \\(watch-egress\\)</title></polyline>
        <rect [^>]*/><text class="legend" x="\\d+" y="\\d+">budget: 1 GB/s \\(watch-egress\\)</text>""");
    String explain = ExplainReport.render(verdict, verdict.projection().workloads().get(0));
    assertThat(html).contains(Markup.xml(explain));
  }
}
