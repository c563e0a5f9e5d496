package io.kubeload.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeload.model.Units;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG charts' axes and legend: honest origins and every line named inside the picture. */
class ChartsTest {

  private static final Charts.Axis LINEAR = new Charts.Axis("seconds", false, Units::number);

  @Test
  void aLinearAxisStartsAtZeroEvenWhenTheDataDoNot() {
    String svg =
        Charts.svg(
            "t",
            LINEAR,
            LINEAR,
            List.of(
                new Charts.Series(
                    "s",
                    "#000",
                    false,
                    List.of(new double[] {500, 900}, new double[] {600, 1000}))),
            List.of(),
            List.of());
    // the x axis's first tick sits at the plot's left edge (64), the y axis's at its bottom edge
    // (216), both labelled 0
    assertThat(svg)
        .contains(
            "<text class=\"tick\" x=\"64\" y=\"230\" text-anchor=\"middle\">0</text>",
            "y=\"216\" text-anchor=\"end\" dominant-baseline=\"middle\">0</text>");
  }

  @Test
  void aLogAxisLabelsItsOriginAndTheLegendWrapsInsideTheChart() {
    Charts.Axis log = new Charts.Axis("nodes (log scale)", true, Units::number);
    List<Charts.Series> series =
        List.of(
            new Charts.Series(
                "a long series name that takes room",
                "#000",
                false,
                List.of(new double[] {20, 3}, new double[] {640, 70})),
            new Charts.Series(
                "another long series name, also wide",
                "#111",
                false,
                List.of(new double[] {20, 4}, new double[] {640, 80})),
            new Charts.Series(
                "budget: 100 (seat-demand)",
                "#222",
                true,
                List.of(new double[] {20, 100}, new double[] {640, 100})));
    String svg = Charts.svg("t", log, log, series, List.of(), List.of());
    assertThat(svg)
        .contains("<text class=\"tick\" x=\"64\" y=\"230\" text-anchor=\"middle\">10</text>");
    Matcher legend =
        Pattern.compile("<text class=\"legend\" x=\"(\\d+)\" y=\"(\\d+)\">([^<]*)</text>")
            .matcher(svg);
    int rows = 0;
    int lastY = 0;
    for (Charts.Series s : series) {
      assertThat(legend.find()).isTrue();
      assertThat(legend.group(3)).isEqualTo(s.name());
      assertThat(Integer.parseInt(legend.group(1)) + 6 * s.name().length())
          .isLessThanOrEqualTo(640);
      int y = Integer.parseInt(legend.group(2));
      rows += y != lastY ? 1 : 0;
      lastY = y;
    }
    assertThat(rows).isEqualTo(2);
  }
}
