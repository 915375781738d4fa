package dev.poolguard.core.capacity;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small SVG line plots: measured points as dots, the model as a line of the same colour, against
 * utilisation ρ. Timeouts on a log scale (1e-4 to 1), P(wait) on a linear one.
 */
final class SvgPlot {

  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
  private static final int W = 640;
  private static final int H = 400;
  private static final int LEFT = 70;
  private static final int RIGHT = 180;
  private static final int TOP = 50;
  private static final int BOTTOM = 50;
  private static final double X_MIN = 0.4;
  private static final double X_MAX = 1.6;

  private SvgPlot() {}

  static String timeouts(String caption, Map<String, List<Row>> series) {
    return plot(
        "Timeouts (dots: real pool, lines: Erlang C)",
        caption,
        "share of requests timing out",
        series,
        true,
        (row, rho) -> point(row, rho, true),
        Row::rho,
        r -> r.m().timeoutRate());
  }

  static String waits(String caption, Map<String, List<Row>> series) {
    return plot(
        "P(wait > 1 ms) (dots: real pool, lines: Erlang C)",
        caption,
        "share of requests waiting",
        series,
        false,
        (row, rho) -> point(row, rho, false),
        Row::rho,
        r -> r.m().pWait());
  }

  private interface Model {
    double at(Row any, double rho);
  }

  private interface Value {
    double of(Row row);
  }

  private static double point(Row row, double rho, boolean timeouts) {
    int c = row.e().poolSize();
    double a = rho * c;
    double t =
        timeouts ? row.e().connectionTimeoutMillis() / 1000.0 : PoolLoadHarness.WAITED_SECONDS;
    return QueueingModel.ERLANG_C.probabilityWaitBeyond(c, a, row.m().meanHoldSeconds(), t);
  }

  private static String plot(
      String title,
      String caption,
      String yLabel,
      Map<String, List<Row>> series,
      boolean log,
      Model model,
      Value x,
      Value y) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                + "<text x=\"10\" y=\"18\" font-size=\"13\">%s</text>%n"
                + "<text x=\"10\" y=\"34\">%s</text>%n",
            W,
            H,
            escape(title),
            escape(caption)));
    axes(svg, yLabel, log);
    int colour = 0;
    for (Map.Entry<String, List<Row>> s : series.entrySet()) {
      String stroke = COLOURS[colour++ % COLOURS.length];
      Row any = s.getValue().get(0);
      StringBuilder path = new StringBuilder();
      for (int i = 0; i <= 240; i++) {
        double rho = X_MIN + (X_MAX - X_MIN) * i / 240;
        path.append(i == 0 ? "M" : " L")
            .append(String.format(Locale.ROOT, "%.1f,%.1f", px(rho), py(model.at(any, rho), log)));
      }
      svg.append(
          String.format(
              "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n", path, stroke));
      for (Row r : s.getValue()) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n",
                px(x.of(r)),
                py(y.of(r), log),
                stroke));
      }
      int ly = TOP + 20 * colour;
      svg.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%d\" cy=\"%d\" r=\"3.5\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
              W - RIGHT + 20,
              ly - 4,
              stroke,
              W - RIGHT + 30,
              ly,
              escape(s.getKey())));
    }
    return svg.append("</svg>\n").toString();
  }

  private static void axes(StringBuilder svg, String yLabel, boolean log) {
    int x0 = LEFT;
    int x1 = W - RIGHT;
    int y0 = H - BOTTOM;
    svg.append(
        String.format(
            "<path d=\"M%d,%d L%d,%d L%d,%d\" fill=\"none\" stroke=\"black\"/>%n",
            x0, TOP, x0, y0, x1, y0));
    for (double rho = 0.4; rho <= 1.6001; rho += 0.2) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f</text>%n",
              px(rho),
              y0 + 18,
              rho));
    }
    svg.append(
        String.format(
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">utilisation ρ = a / c</text>%n",
            (x0 + x1) / 2, H - 10));
    double[] ticks =
        log ? new double[] {1e-4, 1e-3, 1e-2, 1e-1, 1} : new double[] {0, 0.25, 0.5, 0.75, 1};
    for (double t : ticks) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>"
                  + "<path d=\"M%d,%.1f L%d,%.1f\" stroke=\"#ddd\"/>%n",
              x0 - 6,
              py(t, log) + 4,
              log ? String.format(Locale.ROOT, "%.0e", t) : String.format(Locale.ROOT, "%.2f", t),
              x0,
              py(t, log),
              x1,
              py(t, log)));
    }
    svg.append(
        String.format(
            "<text transform=\"translate(16,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
            (TOP + y0) / 2, yLabel));
  }

  private static double px(double rho) {
    return LEFT + (W - LEFT - RIGHT) * (rho - X_MIN) / (X_MAX - X_MIN);
  }

  private static double py(double value, boolean log) {
    double share;
    if (log) {
      double v = Math.max(value, 1e-4);
      share = (Math.log10(v) + 4) / 4;
    } else {
      share = value;
    }
    return H - BOTTOM - (H - BOTTOM - TOP) * Math.max(0, Math.min(1, share));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
