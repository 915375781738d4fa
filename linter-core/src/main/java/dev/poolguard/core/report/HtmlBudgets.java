package dev.poolguard.core.report;

import dev.poolguard.core.capacity.DatabaseBudget;
import dev.poolguard.core.capacity.FleetBudget;
import dev.poolguard.core.report.ReportFacts.Phase;
import dev.poolguard.core.result.LintResult;

/** The HTML report's connection budgets: one table per database, a row per service. */
final class HtmlBudgets {

  private HtmlBudgets() {}

  /** The section with every database's budget table, when the run has budgets. */
  static void write(StringBuilder s, LintResult result) {
    if (result.budgets().isEmpty()) {
      return;
    }
    s.append("<section id=\"budgets\">\n<h2>Connection budgets</h2>\n");
    int index = 0;
    for (DatabaseBudget b : result.budgets()) {
      index++;
      budget(s, b, index);
    }
    s.append("</section>\n");
  }

  private static void budget(StringBuilder s, DatabaseBudget b, int index) {
    FleetBudget.Result r = b.result();
    s.append("<h3>Database ")
        .append(HtmlReporter.esc(b.database()))
        .append(" <span class=\"pill ")
        .append(HtmlReporter.levelClass(r.level()))
        .append("\">")
        .append(HtmlReporter.esc(ReportFacts.level(r.level())))
        .append("</span></h3>\n");
    s.append("<p>Budget <strong>")
        .append(r.budget())
        .append("</strong> connections (")
        .append(HtmlReporter.esc(b.limitText()))
        .append("); the fleet can open ")
        .append(r.steady())
        .append(" at steady state, ")
        .append(r.fullScale())
        .append(" at full scale and ")
        .append(r.rollout())
        .append(" during a rollout")
        .append(r.rollingService().map(x -> " of " + HtmlReporter.esc(x)).orElse(""))
        .append(".</p>\n");
    s.append("<figure>\n");
    BudgetChart.svg(
        s, b, "chart-" + index, HtmlReporter.SERVICE_COLOURS, HtmlReporter.OVERFLOW_COLOUR);
    s.append("<figcaption>Connections each service can open, against the budget of ")
        .append(r.budget())
        .append(". The table below holds the same numbers.</figcaption>\n");
    s.append("</figure>\n");
    s.append("<table class=\"budget\">\n<caption>")
        .append(HtmlReporter.esc(b.database()))
        .append(
            ": connections by service</caption>\n<thead><tr><th scope=\"col\">service</th>"
                + "<th scope=\"col\">pool max</th><th scope=\"col\">pods (HPA max)</th>"
                + "<th scope=\"col\">surge pods</th>");
    for (Phase p : Phase.values()) {
      s.append("<th scope=\"col\">").append(p.label).append("</th>");
    }
    s.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < b.members().size(); i++) {
      DatabaseBudget.Member m = b.members().get(i);
      FleetBudget.Contribution c = r.services().get(i);
      s.append("<tr><th scope=\"row\"><span class=\"swatch\" style=\"background:")
          .append(HtmlReporter.SERVICE_COLOURS.get(i % HtmlReporter.SERVICE_COLOURS.size()))
          .append("\"></span>")
          .append(HtmlReporter.esc(m.service().name()))
          .append("</th><td>")
          .append(m.pool())
          .append("</td><td>")
          .append(m.replicas())
          .append(" (")
          .append(m.maxReplicas())
          .append(")</td><td>")
          .append(m.surge())
          .append(c.rolling() ? " (counted)" : "")
          .append("</td>");
      for (Phase p : Phase.values()) {
        s.append("<td>").append(p.of(c)).append("</td>");
      }
      s.append("</tr>\n");
    }
    s.append("</tbody>\n<tfoot><tr><th scope=\"row\">fleet</th><td></td><td></td><td></td>");
    for (Phase p : Phase.values()) {
      long total = p.total(b);
      FleetBudget.Level level = b.level(total);
      s.append("<td class=\"")
          .append(HtmlReporter.levelClass(level))
          .append("\">")
          .append(total)
          .append(" <span class=\"lvl\">")
          .append(HtmlReporter.esc(ReportFacts.level(level)))
          .append("</span>");
      if (total > r.budget()) {
        s.append(" <strong class=\"over\">+").append(total - r.budget()).append(" over</strong>");
      }
      s.append("</td>");
    }
    s.append("</tr>\n<tr><th scope=\"row\">budget</th><td></td><td></td><td></td>");
    for (int i = 0; i < Phase.values().length; i++) {
      s.append("<td>").append(r.budget()).append("</td>");
    }
    s.append("</tr></tfoot>\n</table>\n");
  }
}
