package io.kubeload.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/** Inline SVG line charts and plain chart numbers: drawing only, the figures come from the verdict. */
final class Charts {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 260;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 62;
  private static final int LEGEND_ROW = 14;
  private static final int BOTTOM = 44;

  /**
   * An axis: its label with its unit, logarithmic or linear, and how its ticks are written. A linear
   * axis starts at 0; a logarithmic one starts at the power of ten below its smallest value, and its
   * first tick, at the origin, says so.
   */
  record Axis(String label, boolean log, DoubleFunction<String> tick) {}

  /** A line through points (x, y), drawn in a colour, dashed for limits. */
  record Series(String name, String colour, boolean dashed, List<double[]> points) {

    Series {
      points = List.copyOf(points);
    }
  }

  /** A labelled vertical line, e.g. a cluster size. */
  record Marker(String label, double x) {}

  /** A point drawn as a red dot, e.g. where a budget breaks. */
  record Alarm(double x, double y) {}

  private Charts() {}

  /** The (x, y) pairs of a series, from any record. */
  static <T> List<double[]> points(List<T> items, ToDoubleFunction<T> x, ToDoubleFunction<T> y) {
    return items.stream()
        .map(item -> new double[] {x.applyAsDouble(item), y.applyAsDouble(item)})
        .toList();
  }

  /** Four significant digits, plain notation: numbers for Mermaid and SVG coordinates. */
  static String plain(double value) {
    if (value == 0 || !Double.isFinite(value)) {
      return "0";
    }
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  /**
   * A chart of the series, with logarithmic axes where asked (a load that grows from 20 to 10,000
   * nodes only reads on a log scale); non-positive values sit on a log axis's floor.
   */
  static String svg(
      String title,
      Axis xAxis,
      Axis yAxis,
      List<Series> series,
      List<Marker> markers,
      List<Alarm> alarms) {
    double[] xs = range(series, 0, xAxis.log());
    double[] ys = range(series, 1, yAxis.log());
    DoubleUnaryOperator fx = scale(xs, xAxis.log(), LEFT, WIDTH - RIGHT);
    DoubleUnaryOperator fy = scale(ys, yAxis.log(), HEIGHT - BOTTOM, TOP);
    StringBuilder out = new StringBuilder();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"")
        .append(Markup.xml(title))
        .append("\">\n");
    out.append("<text x=\"")
        .append(LEFT)
        .append("\" y=\"14\" class=\"title\">")
        .append(Markup.xml(title))
        .append("</text>\n");
    axis(out, xs, xAxis, fx, true);
    axis(out, ys, yAxis, fy, false);
    out.append("<text x=\"")
        .append((LEFT + WIDTH - RIGHT) / 2)
        .append("\" y=\"")
        .append(HEIGHT - 6)
        .append("\" class=\"label\">")
        .append(Markup.xml(xAxis.label()))
        .append("</text>\n");
    out.append("<text x=\"12\" y=\"")
        .append(TOP + 4)
        .append("\" class=\"label\" transform=\"rotate(-90 12 ")
        .append(TOP + 4)
        .append(")\" text-anchor=\"end\">")
        .append(Markup.xml(yAxis.label()))
        .append("</text>\n");
    for (Marker m : markers) {
      if (m.x() < xs[0] || m.x() > xs[1]) {
        continue;
      }
      String x = plain(fx.applyAsDouble(m.x()));
      out.append("<line class=\"marker\" x1=\"")
          .append(x)
          .append("\" x2=\"")
          .append(x)
          .append("\" y1=\"")
          .append(TOP)
          .append("\" y2=\"")
          .append(HEIGHT - BOTTOM)
          .append("\"/><text class=\"marker-label\" x=\"")
          .append(x)
          .append("\" y=\"")
          .append(TOP - 4)
          .append("\">")
          .append(Markup.xml(m.label()))
          .append("</text>\n");
    }
    int legendX = LEFT;
    int legendY = 30;
    for (Series s : series) {
      out.append("<polyline fill=\"none\" stroke=\"")
          .append(s.colour())
          .append("\" stroke-width=\"2\"")
          .append(s.dashed() ? " stroke-dasharray=\"6 4\"" : "")
          .append(" points=\"");
      for (double[] p : s.points()) {
        out.append(plain(fx.applyAsDouble(p[0])))
            .append(',')
            .append(plain(fy.applyAsDouble(p[1])))
            .append(' ');
      }
      out.setLength(out.length() - (s.points().isEmpty() ? 0 : 1));
      out.append("\"><title>").append(Markup.xml(s.name())).append("</title></polyline>\n");
      int legendWidth = 24 + 6 * s.name().length();
      if (legendX > LEFT && legendX + legendWidth > WIDTH - RIGHT) {
        legendX = LEFT;
        legendY += LEGEND_ROW;
      }
      out.append("<rect x=\"")
          .append(legendX)
          .append("\" y=\"")
          .append(legendY - 6)
          .append("\" width=\"12\" height=\"4\" fill=\"")
          .append(s.colour())
          .append("\"/><text class=\"legend\" x=\"")
          .append(legendX + 16)
          .append("\" y=\"")
          .append(legendY)
          .append("\">")
          .append(Markup.xml(s.name()))
          .append("</text>\n");
      legendX += legendWidth;
    }
    for (Alarm a : alarms) {
      out.append("<circle class=\"alarm\" r=\"3.5\" cx=\"")
          .append(plain(fx.applyAsDouble(a.x())))
          .append("\" cy=\"")
          .append(plain(fy.applyAsDouble(a.y())))
          .append("\"/>\n");
    }
    return out.append("</svg>\n").toString();
  }

  private static double[] range(List<Series> series, int coordinate, boolean log) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double[] p : s.points()) {
        if (log && p[coordinate] <= 0) {
          continue;
        }
        low = Math.min(low, p[coordinate]);
        high = Math.max(high, p[coordinate]);
      }
    }
    if (low > high) {
      return new double[] {log ? 1 : 0, log ? 10 : 1};
    }
    if (log) {
      // From the power of ten below the data (the origin's tick), to a little past the data: a
      // decade
      // rounded up would leave a fifth of the plot empty past 10,240 nodes.
      return new double[] {
        Math.pow(10, Math.floor(Math.log10(low))),
        Math.max(high * 1.25, 10 * Math.pow(10, Math.floor(Math.log10(low))))
      };
    }
    return new double[] {0, high <= 0 ? 1 : high * 1.05};
  }

  private static DoubleUnaryOperator scale(double[] range, boolean log, double from, double to) {
    if (log) {
      double a = Math.log10(range[0]);
      double b = Math.log10(range[1]);
      return v -> from + (Math.log10(Math.max(v, range[0])) - a) / (b - a) * (to - from);
    }
    return v -> from + (v - range[0]) / (range[1] - range[0]) * (to - from);
  }

  private static void axis(
      StringBuilder out, double[] range, Axis axis, DoubleUnaryOperator f, boolean horizontal) {
    String x0 = String.valueOf(LEFT);
    String y0 = String.valueOf(HEIGHT - BOTTOM);
    out.append(
        horizontal
            ? "<line class=\"axis\" x1=\""
                + x0
                + "\" x2=\""
                + (WIDTH - RIGHT)
                + "\" y1=\""
                + y0
                + "\" y2=\""
                + y0
                + "\"/>\n"
            : "<line class=\"axis\" x1=\""
                + x0
                + "\" x2=\""
                + x0
                + "\" y1=\""
                + TOP
                + "\" y2=\""
                + y0
                + "\"/>\n");
    for (double tick : ticks(range, axis.log())) {
      String at = plain(f.applyAsDouble(tick));
      String text = Markup.xml(axis.tick().apply(tick));
      out.append(
          horizontal
              ? "<text class=\"tick\" x=\""
                  + at
                  + "\" y=\""
                  + (HEIGHT - BOTTOM + 14)
                  + "\" text-anchor=\"middle\">"
                  + text
                  + "</text>\n"
              : "<line class=\"grid\" x1=\""
                  + x0
                  + "\" x2=\""
                  + (WIDTH - RIGHT)
                  + "\" y1=\""
                  + at
                  + "\" y2=\""
                  + at
                  + "\"/>"
                  + "<text class=\"tick\" x=\""
                  + (LEFT - 4)
                  + "\" y=\""
                  + at
                  + "\" text-anchor=\"end\" dominant-baseline=\"middle\">"
                  + text
                  + "</text>\n");
    }
  }

  private static List<Double> ticks(double[] range, boolean log) {
    List<Double> ticks = new ArrayList<>();
    if (log) {
      for (double t = range[0]; t <= range[1] * 1.0001; t *= 10) {
        ticks.add(t);
      }
      return ticks;
    }
    double step = Math.pow(10, Math.floor(Math.log10((range[1] - range[0]) / 4)));
    while ((range[1] - range[0]) / step > 6) {
      step *= 2;
    }
    for (double t = Math.ceil(range[0] / step) * step; t <= range[1]; t += step) {
      ticks.add(t);
    }
    return ticks;
  }
}
