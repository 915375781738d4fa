package dev.poolguard.core.report;

import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.baseline.Change;
import dev.poolguard.core.capacity.DatabaseBudget;
import dev.poolguard.core.capacity.FleetBudget;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.report.ReportFacts.Phase;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.text.Escapes;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A report for a pull-request comment or a release review: the verdict line first, findings by
 * service, the baseline → current settings with their capacity verdicts, the connection budgets,
 * and what was waived. Details sit in collapsed {@code <details>} blocks. It stays below GitHub's
 * 65,536-character comment limit: what does not fit is cut with a visible note.
 */
final class MarkdownReporter implements Reporter {

  /** GitHub rejects longer comments. */
  static final int COMMENT_LIMIT = 65_536;

  /** Room kept for the truncation note and a comment wrapper a CI step may add. */
  static final int RESERVE = 2_048;

  public MarkdownReporter() {}

  @Override
  public String format() {
    return "markdown";
  }

  @Override
  public String fileName() {
    return "poolguard.md";
  }

  @Override
  public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
    out.write(render(result, options, COMMENT_LIMIT - RESERVE));
    out.flush();
  }

  /** The report, cut to at most {@code limit} characters plus the truncation note. */
  static String render(LintResult result, ReportOptions options, int limit) {
    List<String> blocks = blocks(result, options);
    StringBuilder s = new StringBuilder();
    int shown = 0;
    for (String block : blocks) {
      if (s.length() + block.length() > limit) {
        break;
      }
      s.append(block);
      shown++;
    }
    if (shown < blocks.size()) {
      int left = blocks.size() - shown;
      s.append("\n> **Truncated:** ")
          .append(left)
          .append(left == 1 ? " more part" : " more parts")
          .append(" did not fit in a pull-request comment. The JSON, SARIF and HTML reports")
          .append(" (`--format json,sarif,html`) hold everything.\n");
    }
    return s.toString();
  }

  private static List<String> blocks(LintResult result, ReportOptions options) {
    List<String> b = new ArrayList<>();
    Verdict verdict = Verdict.of(result);
    b.add(
        "## "
            + icon(verdict)
            + " poolguard: "
            + verdict.title()
            + " — "
            + text(TextReporter.summary(result))
            + "\n\n");
    b.add(
        "Linted "
            + code(result.judged().describe())
            + ". "
            + result
                .judged()
                .describeBaseline()
                .map(v -> "Compared with baseline " + code(v) + ". ")
                .orElse("")
            + "poolguard "
            + text(options.toolVersion())
            + "\n");
    findings(result, b);
    result.baseline().ifPresent(v -> changes(result, v, b));
    budgets(result, b);
    waived(result, b);
    return b;
  }

  private static void findings(LintResult result, List<String> b) {
    if (result.active().isEmpty()) {
      b.add("\nNo findings.\n");
      return;
    }
    b.add("\n### Findings\n");
    for (Map.Entry<String, List<Finding>> e : ReportFacts.byService(result.active()).entrySet()) {
      b.add("\n#### " + text(e.getKey()) + "\n\n");
      for (Finding f : e.getValue()) {
        b.add(finding(f));
      }
    }
  }

  private static String finding(Finding f) {
    StringBuilder s = new StringBuilder();
    s.append("- ")
        .append(icon(f.severity()))
        .append(" **")
        .append(f.severity().id())
        .append("** ")
        .append(code(f.ruleId()))
        .append(" at ")
        .append(code(f.position().toString()))
        .append(f.profile().map(p -> " (profiles: " + text(p) + ")").orElse(""))
        .append(": ")
        .append(text(f.message()))
        .append('\n');
    if (!f.remediation().isBlank() || !f.related().isEmpty()) {
      s.append("  <details><summary>How to fix");
      if (!f.related().isEmpty()) {
        s.append(" and related inputs");
      }
      s.append("</summary>\n\n");
      if (!f.remediation().isBlank()) {
        s.append("  ").append(text(f.remediation())).append("\n\n");
      }
      for (Related r : f.related()) {
        s.append("  - ")
            .append(text(r.label()))
            .append(": ")
            .append(code(r.position().toString()))
            .append('\n');
      }
      s.append(f.related().isEmpty() ? "  </details>\n" : "\n  </details>\n");
    }
    return s.toString();
  }

  private static void changes(LintResult result, BaselineView view, List<String> b) {
    b.add("\n### Effective settings: " + code(view.label()) + " → current\n\n");
    if (view.changes().isEmpty()) {
      b.add("No effective setting changed.\n");
      return;
    }
    b.add(
        "| service | datasource | setting | baseline | current | capacity verdict |\n"
            + "|---|---|---|---|---|---|\n");
    for (Change c : view.changes()) {
      b.add(
          "| "
              + cell(c.service())
              + " | "
              + cell(c.dataSource())
              + " | "
              + cell(c.key().isEmpty() ? c.kind().name().toLowerCase(Locale.ROOT) : c.key())
              + " | "
              + cell(DiffReport.side(c, c.baseline()))
              + " | "
              + cell(DiffReport.side(c, c.current()))
              + " | "
              + cell(verdict(result, c))
              + " |\n");
    }
    List<String> values = RollbackTarget.values(view);
    if (!values.isEmpty()) {
      b.add("\n#### Rollback target: " + code(view.label()) + "\n\n");
      List<String> commands = RollbackTarget.commands(view);
      if (!commands.isEmpty()) {
        b.add("Restore the files that now set the changed values:\n\n```sh\n");
        commands.forEach(command -> b.add(command + "\n"));
        b.add("```\n\n");
      }
      b.add("The last known-good values:\n\n");
      values.forEach(v -> b.add("- " + cell(v) + "\n"));
    }
  }

  /** The capacity findings about a change, e.g. "❌ pool-below-peak-demand", else "—". */
  private static String verdict(LintResult result, Change c) {
    List<Finding> verdicts = ReportFacts.capacityVerdicts(result, c);
    if (verdicts.isEmpty()) {
      return "—";
    }
    return verdicts.stream()
        .map(
            f ->
                (f.suppressed() ? "waived " : icon(f.severity()) + " ")
                    + f.ruleId()
                    + " ("
                    + f.severity().id()
                    + ")")
        .distinct()
        .collect(Collectors.joining(", "));
  }

  private static void budgets(LintResult result, List<String> b) {
    if (result.budgets().isEmpty()) {
      return;
    }
    b.add("\n### Connection budgets\n\n");
    b.add(
        "| database | budget | steady state | full scale | rollout | verdict |\n"
            + "|---|---|---|---|---|---|\n");
    for (DatabaseBudget d : result.budgets()) {
      StringBuilder row = new StringBuilder("| ").append(cell(d.database())).append(" | ");
      row.append(d.result().budget()).append(" (").append(cell(d.limitText())).append(") |");
      for (Phase p : Phase.values()) {
        long total = p.total(d);
        FleetBudget.Level level = d.level(total);
        row.append(' ').append(total);
        if (level != FleetBudget.Level.WITHIN) {
          row.append(' ').append(level == FleetBudget.Level.EXCEEDED ? "❌" : "⚠️");
        }
        row.append(" |");
      }
      row.append(' ').append(ReportFacts.level(d.result().level())).append(" |\n");
      b.add(row.toString());
    }
    for (DatabaseBudget d : result.budgets()) {
      StringBuilder s = new StringBuilder();
      s.append("\n<details><summary>")
          .append(text(d.database()))
          .append(": connections per service</summary>\n\n");
      s.append("| service | pool max | pods (HPA max) | steady | full scale | rollout surge |\n");
      s.append("|---|---|---|---|---|---|\n");
      for (int i = 0; i < d.members().size(); i++) {
        DatabaseBudget.Member m = d.members().get(i);
        FleetBudget.Contribution c = d.result().services().get(i);
        s.append("| ")
            .append(cell(m.service().name()))
            .append(" | ")
            .append(m.pool())
            .append(" | ")
            .append(m.replicas())
            .append(" (")
            .append(m.maxReplicas())
            .append(") | ")
            .append(c.steady())
            .append(" | ")
            .append(c.fullScale())
            .append(" | ")
            .append(c.rolling() ? "+" + c.rolloutSurge() : "—")
            .append(" |\n");
      }
      s.append("\n</details>\n");
      b.add(s.toString());
    }
  }

  private static void waived(LintResult result, List<String> b) {
    List<Finding> waived = result.findings().stream().filter(Finding::suppressed).toList();
    if (waived.isEmpty()) {
      return;
    }
    b.add("\n### Waived\n\n");
    for (Finding f : waived) {
      Finding.Suppression s = f.suppression().orElseThrow();
      b.add(
          "- "
              + code(f.ruleId())
              + " at "
              + code(f.position().toString())
              + ": "
              + text(f.message())
              + " — "
              + s.kind().label()
              + " at "
              + code(s.position().toString())
              + (s.justification().isBlank() ? "" : ": " + text(s.justification()))
              + "\n");
    }
  }

  private static String icon(Verdict v) {
    return switch (v) {
      case PASS -> "✅";
      case WARN -> "⚠️";
      case FAIL -> "❌";
    };
  }

  private static String icon(Severity s) {
    return switch (s) {
      case ERROR -> "❌";
      case WARNING -> "⚠️";
      case NOTE -> "ℹ️";
    };
  }

  /**
   * Text from configuration as inert Markdown: HTML and Markdown syntax escaped, line breaks
   * flattened, URL passwords masked.
   */
  static String text(String raw) {
    return escape(Redaction.redactText(raw));
  }

  /** As {@link #text}, without masking: for the escaped forms of known secrets. */
  static String escape(String raw) {
    return Escapes.markdown(raw);
  }

  private static String cell(String raw) {
    return text(raw);
  }

  /** An inline code span that no backtick inside can close. */
  static String code(String raw) {
    String t = Terminal.oneLine(Redaction.redactText(raw)).replace('|', '¦');
    int longest = 0;
    int run = 0;
    for (int i = 0; i < t.length(); i++) {
      run = t.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = t.startsWith("`") || t.endsWith("`") ? " " : "";
    return fence + pad + t + pad + fence;
  }
}
