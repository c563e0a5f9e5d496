package io.kubeload.cluster.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeload.yaml.InputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  void readsSamplesWithLabelsEscapesSpecialValuesAndTimestamps() {
    List<Sample> samples =
        PrometheusText.parse(
            "m.txt",
            """
        # HELP http_requests_total The total number of HTTP requests.
        # TYPE http_requests_total counter
        http_requests_total{method="post",code="200"} 1027 1395066363000
        http_requests_total{method="post", code="400" , } 3
        # a free comment
        msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
        metric_without_labels 12.47
        nan_value NaN
        inf_values{sign="+"} +Inf\r
        inf_values{sign="-"} -Inf
        """);
    assertThat(samples).hasSize(7);
    assertThat(samples.get(0))
        .isEqualTo(
            new Sample("http_requests_total", Map.of("method", "post", "code", "200"), 1027, 3));
    assertThat(samples.get(1).labels()).containsEntry("code", "400");
    assertThat(samples.get(2).labels())
        .containsEntry("path", "C:\\DIR\\FILE.TXT")
        .containsEntry("error", "Cannot find file:\n\"FILE.TXT\"");
    assertThat(samples.get(2).value()).isEqualTo(1.458255915e9);
    assertThat(samples.get(3).labels()).isEmpty();
    assertThat(samples.get(4).value()).isNaN();
    assertThat(samples.get(5).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(samples.get(6).value()).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void malformedLinesAreOneLineErrorsNamingFileAndLine() {
    assertThatThrownBy(() -> PrometheusText.parse("m.txt", "ok 1\nbad{le=\"1\" 2\n"))
        .isInstanceOf(InputException.class)
        .hasMessage("m.txt:2: not Prometheus text format: expected , or } after label le");
    assertThatThrownBy(() -> PrometheusText.parse("m.txt", "x{a=b} 1\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("m.txt:1:")
        .hasMessageContaining("double quotes");
    assertThatThrownBy(() -> PrometheusText.parse("m.txt", "x 1.2.3\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not a number: '1.2.3'");
    assertThatThrownBy(() -> PrometheusText.parse("m.txt", "# TYPE x counters\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("malformed # TYPE line");
    assertThatThrownBy(() -> PrometheusText.parse("m.txt", "x{a=\"1\",a=\"2\"} 1\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("label a given twice");
    assertThatThrownBy(() -> PrometheusText.parse("m.txt", "apiVersion: v1\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("m.txt:1:");
  }
}
