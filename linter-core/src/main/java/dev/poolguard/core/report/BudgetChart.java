package dev.poolguard.core.report;

import dev.poolguard.core.capacity.DatabaseBudget;
import dev.poolguard.core.capacity.FleetBudget;
import dev.poolguard.core.report.ReportFacts.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG bar chart of one database's connection budget: a stacked bar per moment (steady
 * state, full scale, rollout) with a segment per service, the budget as a dashed line, and the part
 * of a bar above the budget filled in the overflow colour and labelled.
 */
final class BudgetChart {

  private static final int WIDTH = 820;
  private static final int HEIGHT = 400;
  private static final int LEFT = 64;
  private static final int RIGHT = 240;
  private static final int TOP = 36;
  private static final int BOTTOM = 48;
  private static final int BAR = 96;

  private BudgetChart() {}

  static void svg(
      StringBuilder s, DatabaseBudget b, String id, List<String> colours, String overflow) {
    FleetBudget.Result r = b.result();
    long budget = r.budget();
    long highest = Math.max(budget, r.rollout());
    long step = niceStep(Math.max(highest, 1));
    long yMax = ((long) Math.ceil(highest * 1.12 / step)) * step;
    yMax = Math.max(yMax, step);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    Scale y = new Scale(TOP, plotH, yMax);

    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\n");
    s.append("<title id=\"")
        .append(id)
        .append("-title\">Connection budget of database ")
        .append(Xml.escape(b.database()))
        .append("</title>\n");
    s.append("<desc id=\"").append(id).append("-desc\">").append(Xml.escape(describe(b)));
    s.append("</desc>\n");
    s.append("<rect x=\"0\" y=\"0\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" fill=\"#ffffff\"/>\n");

    // Grid and axis.
    for (long v = 0; v <= yMax; v += step) {
      int gy = y.at(v);
      s.append("<line x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(LEFT + plotW)
          .append("\" y1=\"")
          .append(gy)
          .append("\" y2=\"")
          .append(gy)
          .append("\" stroke=\"")
          .append(v == 0 ? "#59636e" : "#e4e8ec")
          .append("\"/>\n");
      s.append("<text x=\"")
          .append(LEFT - 8)
          .append("\" y=\"")
          .append(gy + 4)
          .append("\" text-anchor=\"end\" fill=\"#59636e\">")
          .append(v)
          .append("</text>\n");
    }
    s.append("<text x=\"14\" y=\"")
        .append(TOP + plotH / 2)
        .append("\" transform=\"rotate(-90 14 ")
        .append(TOP + plotH / 2)
        .append(")\" text-anchor=\"middle\" fill=\"#59636e\">connections</text>\n");

    Phase[] phases = Phase.values();
    int slot = plotW / phases.length;
    for (int p = 0; p < phases.length; p++) {
      Phase phase = phases[p];
      int x = LEFT + slot * p + (slot - BAR) / 2;
      long base = 0;
      for (int i = 0; i < r.services().size(); i++) {
        FleetBudget.Contribution c = r.services().get(i);
        String colour = colours.get(i % colours.size());
        long own = phase == Phase.STEADY ? c.steady() : c.fullScale();
        base = segment(s, y, x, base, own, colour, "1", c.service() + " " + own);
      }
      if (phase == Phase.ROLLOUT) {
        for (int i = 0; i < r.services().size(); i++) {
          FleetBudget.Contribution c = r.services().get(i);
          if (c.rolling() && c.rolloutSurge() > 0) {
            String colour = colours.get(i % colours.size());
            long before = base;
            base =
                segment(
                    s,
                    y,
                    x,
                    base,
                    c.rolloutSurge(),
                    colour,
                    "0.45",
                    c.service() + " surge pods " + c.rolloutSurge());
            int top = y.at(base);
            int h = y.at(before) - top;
            if (h >= 16) {
              s.append("<text x=\"")
                  .append(x + BAR / 2)
                  .append("\" y=\"")
                  .append(top + h / 2 + 4)
                  .append("\" text-anchor=\"middle\" fill=\"#1f2328\">surge +")
                  .append(c.rolloutSurge())
                  .append("</text>\n");
            }
          }
        }
      }
      long total = phase.total(b);
      int labelY = y.at(total) - 8;
      int lineY = y.at(Math.max(budget, 0));
      if (labelY > lineY - 14 && labelY < lineY + 20) {
        // Keep the total clear of the dashed budget line.
        labelY = lineY - 8;
      }
      if (total > budget) {
        int oy = y.at(total);
        int oh = y.at(budget) - oy;
        s.append("<rect class=\"overflow\" x=\"")
            .append(x - 6)
            .append("\" y=\"")
            .append(oy)
            .append("\" width=\"")
            .append(BAR + 12)
            .append("\" height=\"")
            .append(Math.max(oh, 3))
            .append("\" fill=\"")
            .append(overflow)
            .append("\"><title>")
            .append(total - budget)
            .append(" connections over the budget</title></rect>\n");
        s.append("<text x=\"")
            .append(x + BAR / 2)
            .append("\" y=\"")
            .append(labelY - 16)
            .append("\" text-anchor=\"middle\" font-weight=\"700\" fill=\"")
            .append(overflow)
            .append("\">OVER BUDGET +")
            .append(total - budget)
            .append("</text>\n");
      }
      s.append("<text x=\"")
          .append(x + BAR / 2)
          .append("\" y=\"")
          .append(labelY)
          .append("\" text-anchor=\"middle\" font-weight=\"600\" fill=\"#1f2328\">")
          .append(total)
          .append("</text>\n");
      s.append("<text x=\"")
          .append(x + BAR / 2)
          .append("\" y=\"")
          .append(TOP + plotH + 22)
          .append("\" text-anchor=\"middle\" fill=\"#1f2328\">")
          .append(phase.label)
          .append("</text>\n");
    }

    // The budget line over the bars, so it stays visible through the overflow.
    int by = y.at(Math.max(budget, 0));
    s.append("<line class=\"budget\" x1=\"")
        .append(LEFT)
        .append("\" x2=\"")
        .append(LEFT + plotW)
        .append("\" y1=\"")
        .append(by)
        .append("\" y2=\"")
        .append(by)
        .append("\" stroke=\"#1f2328\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>\n");
    s.append("<text x=\"")
        .append(LEFT + plotW + 8)
        .append("\" y=\"")
        .append(by + 4)
        .append("\" font-weight=\"600\" fill=\"#1f2328\">budget ")
        .append(budget)
        .append("</text>\n");

    // The legend sits in the half of the plot away from the budget label.
    int entries = r.services().size() + (r.rolloutSurge() > 0 ? 1 : 0) + (r.exceeded() ? 1 : 0);
    int legendTop = by < TOP + plotH / 2 ? TOP + plotH - entries * 20 + 10 : TOP + 10;
    legend(s, r, colours, overflow, LEFT + plotW + 8, legendTop);
    s.append("</svg>\n");
  }

  private static void legend(
      StringBuilder s,
      FleetBudget.Result r,
      List<String> colours,
      String overflow,
      int x,
      int startY) {
    List<String[]> entries = new ArrayList<>();
    for (int i = 0; i < r.services().size(); i++) {
      entries.add(
          new String[] {colours.get(i % colours.size()), "1", r.services().get(i).service()});
    }
    if (r.rolloutSurge() > 0) {
      // The paler shade of the (first) rolling service, as its surge segment is drawn.
      int rolling = 0;
      while (!r.services().get(rolling).rolling()) {
        rolling++;
      }
      entries.add(
          new String[] {colours.get(rolling % colours.size()), "0.45", "surge pods (rollout)"});
    }
    if (r.exceeded()) {
      entries.add(new String[] {overflow, "1", "over budget"});
    }
    int yy = startY;
    for (String[] e : entries) {
      s.append("<rect x=\"")
          .append(x)
          .append("\" y=\"")
          .append(yy - 10)
          .append("\" width=\"12\" height=\"12\" fill=\"")
          .append(e[0])
          .append("\" fill-opacity=\"")
          .append(e[1])
          .append("\"/>\n");
      s.append("<text x=\"")
          .append(x + 18)
          .append("\" y=\"")
          .append(yy)
          .append("\" fill=\"#1f2328\">")
          .append(Xml.escape(clip(e[2], 26)))
          .append("</text>\n");
      yy += 20;
    }
  }

  private static long segment(
      StringBuilder s,
      Scale y,
      int x,
      long base,
      long value,
      String colour,
      String opacity,
      String label) {
    if (value <= 0) {
      return base;
    }
    int top = y.at(base + value);
    int bottom = y.at(base);
    s.append("<rect x=\"")
        .append(x)
        .append("\" y=\"")
        .append(top)
        .append("\" width=\"")
        .append(BAR)
        .append("\" height=\"")
        .append(Math.max(bottom - top, 1))
        .append("\" fill=\"")
        .append(colour)
        .append("\" fill-opacity=\"")
        .append(opacity)
        .append("\" stroke=\"#ffffff\"><title>")
        .append(Xml.escape(label))
        .append("</title></rect>\n");
    return base + value;
  }

  /** The chart in words, for screen readers and for the {@code <desc>}. */
  static String describe(DatabaseBudget b) {
    FleetBudget.Result r = b.result();
    StringBuilder s = new StringBuilder();
    s.append("Budget ")
        .append(r.budget())
        .append(" connections (")
        .append(b.limitText())
        .append("). ");
    for (Phase p : Phase.values()) {
      long total = p.total(b);
      s.append(capitalise(p.label)).append(": ").append(total);
      if (total > r.budget()) {
        s.append(", exceeds the budget by ").append(total - r.budget());
      } else {
        s.append(", ").append(ReportFacts.level(b.level(total)));
      }
      s.append(". ");
    }
    return s.toString().trim();
  }

  private static String capitalise(String text) {
    return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** A 1, 2 or 5 × 10ⁿ step giving about five grid lines. */
  static long niceStep(long max) {
    double raw = max / 5.0;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double n = raw / magnitude;
    double nice = n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10;
    return Math.max(1, (long) (nice * magnitude));
  }

  private record Scale(int top, int height, long max) {
    int at(long value) {
      return top + (int) Math.round(height * (1 - (double) value / max));
    }
  }
}
