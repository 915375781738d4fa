package dev.poolguard.core.report;

import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.baseline.Change;
import dev.poolguard.core.capacity.FleetBudget;
import dev.poolguard.core.model.Value;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.result.LintResult.Excerpt;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One self-contained HTML file for release reviewers: verdict, findings by service with the
 * configuration lines they point at, the baseline → current settings, and per database an SVG chart
 * of its connection budget. No script, no external resource: it opens offline, in a mail attachment
 * or a CI artifact viewer, and prints.
 */
final class HtmlReporter implements Reporter {

  /** Fill of the part of a bar above the budget; the browser test looks for this colour. */
  static final String OVERFLOW_COLOUR = "#d7191c";

  /** Banner colour of a failing verdict; the browser test looks for this colour. */
  static final String FAIL_COLOUR = "#8e1b16";

  // Colour-blind-safe hues for the services' segments (none of them red).
  static final List<String> SERVICE_COLOURS =
      List.of("#2b6cb0", "#2c9c8f", "#7b5ea7", "#b7791f", "#4a5568", "#3182ce", "#805ad5");

  public HtmlReporter() {}

  @Override
  public String format() {
    return "html";
  }

  @Override
  public String fileName() {
    return "poolguard.html";
  }

  @Override
  public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
    StringBuilder s = new StringBuilder(32_768);
    Verdict verdict = Verdict.of(result);
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    s.append("<title>poolguard report: ").append(esc(verdict.title())).append("</title>\n");
    s.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    header(s, result, options, verdict);
    s.append("<main>\n");
    findings(s, result, options.docsUrl());
    result.baseline().ifPresent(v -> changes(s, result, v));
    HtmlBudgets.write(s, result);
    waived(s, result);
    s.append("</main>\n<footer><p>poolguard ")
        .append(esc(options.toolVersion()))
        .append(" · ")
        .append(result.filesRead())
        .append(result.filesRead() == 1 ? " file read" : " files read");
    for (String note : result.notes()) {
      s.append(" · ").append(esc(note));
    }
    s.append("</p></footer>\n</body>\n</html>\n");
    out.write(s.toString());
    out.flush();
  }

  private static void header(
      StringBuilder s, LintResult result, ReportOptions options, Verdict verdict) {
    s.append("<header class=\"verdict ").append(verdict.id()).append("\">\n");
    s.append("<h1>poolguard report</h1>\n");
    s.append("<p class=\"verdict-line\"><span class=\"badge\">")
        .append(esc(verdict.title().toUpperCase(Locale.ROOT)))
        .append("</span> <span id=\"verdict\">")
        .append(esc(TextReporter.summary(result)))
        .append("</span></p>\n");
    s.append("<p class=\"sub\">").append(esc(capitalised(verdict.meaning())));
    s.append(" · linted <code id=\"judged\">")
        .append(esc(result.judged().describe()))
        .append("</code>");
    result
        .judged()
        .describeBaseline()
        .ifPresent(b -> s.append(" · compared with baseline <code>" + esc(b) + "</code>"));
    s.append("</p>\n");
    s.append("<ul class=\"counts\">");
    counter(s, "error", result.count(Severity.ERROR), "error");
    counter(s, "warning", result.count(Severity.WARNING), "warning");
    counter(s, "note", result.count(Severity.NOTE), "note");
    counter(s, "waived", result.findings().size() - result.active().size(), "suppressed");
    s.append("</ul>\n</header>\n");
  }

  private static void counter(StringBuilder s, String cls, long n, String label) {
    s.append("<li class=\"")
        .append(cls)
        .append("\"><strong>")
        .append(n)
        .append("</strong> ")
        .append(n == 1 || label.equals("suppressed") ? label : label + "s")
        .append("</li>");
  }

  private static void findings(StringBuilder s, LintResult result, Optional<String> docsUrl) {
    s.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if (result.active().isEmpty()) {
      s.append("<p class=\"empty\">No findings.</p>\n</section>\n");
      return;
    }
    for (Map.Entry<String, List<Finding>> e : ReportFacts.byService(result.active()).entrySet()) {
      s.append("<h3>")
          .append(esc(e.getKey()))
          .append(" <span class=\"n\">")
          .append(e.getValue().size())
          .append(e.getValue().size() == 1 ? " finding" : " findings")
          .append("</span></h3>\n");
      for (Finding f : e.getValue()) {
        finding(s, result, f, docsUrl);
      }
    }
    s.append("</section>\n");
  }

  private static void finding(
      StringBuilder s, LintResult result, Finding f, Optional<String> docsUrl) {
    s.append("<article class=\"finding ").append(f.severity().id()).append("\">\n");
    String rule = "<code class=\"rule\">" + esc(f.ruleId()) + "</code>";
    s.append("<p class=\"head\"><span class=\"sev\">")
        .append(f.severity().id())
        .append("</span> ")
        .append(
            ArtifactUris.helpUri(docsUrl, f.ruleId())
                .map(uri -> "<a href=\"" + esc(uri) + "\">" + rule + "</a>")
                .orElse(rule))
        .append(' ')
        .append("<span class=\"loc\">")
        .append(esc(f.position().toString()))
        .append("</span>");
    f.profile()
        .ifPresent(
            p -> s.append(" <span class=\"profile\">profiles: ").append(esc(p)).append("</span>"));
    s.append("</p>\n");
    s.append("<p class=\"msg\">").append(esc(f.message())).append("</p>\n");
    result.excerptAt(f.position()).ifPresent(x -> excerpt(s, x));
    if (!f.remediation().isBlank()) {
      s.append("<p class=\"fix\"><strong>Fix:</strong> ")
          .append(esc(f.remediation()))
          .append("</p>\n");
    }
    if (!f.related().isEmpty()) {
      s.append("<ul class=\"related\" aria-label=\"related inputs\">");
      for (Related r : f.related()) {
        s.append("<li>")
            .append(esc(r.label()))
            .append(" <span class=\"loc\">")
            .append(esc(r.position().toString()))
            .append("</span></li>");
      }
      s.append("</ul>\n");
    }
    s.append("</article>\n");
  }

  private static void excerpt(StringBuilder s, Excerpt x) {
    s.append("<pre class=\"snippet\" aria-label=\"")
        .append(
            Xml.attr(
                x.path()
                    + " lines "
                    + x.firstLine()
                    + " to "
                    + (x.firstLine() + x.lines().size() - 1)))
        .append("\"><code>");
    for (int i = 0; i < x.lines().size(); i++) {
      int line = x.firstLine() + i;
      boolean focus = line == x.focusLine();
      s.append(focus ? "<mark class=\"line\">" : "<span class=\"line\">");
      s.append("<span class=\"ln\">").append(line).append("</span>").append(esc(x.lines().get(i)));
      // No newline between lines: each is a block already, and a newline would add a blank row.
      s.append(focus ? "</mark>" : "</span>");
    }
    s.append("</code></pre>\n");
  }

  private static void changes(StringBuilder s, LintResult result, BaselineView view) {
    s.append("<section id=\"changes\">\n<h2>Effective settings: <code>")
        .append(esc(view.label()))
        .append("</code> → current</h2>\n");
    if (view.changes().isEmpty()) {
      s.append("<p class=\"empty\">No effective setting changed.</p>\n</section>\n");
      return;
    }
    s.append(
        "<table>\n<thead><tr><th scope=\"col\">service</th><th scope=\"col\">datasource</th>"
            + "<th scope=\"col\">setting</th><th scope=\"col\">baseline</th>"
            + "<th scope=\"col\">current</th><th scope=\"col\">capacity verdict</th></tr></thead>\n"
            + "<tbody>\n");
    for (Change c : view.changes()) {
      s.append("<tr><th scope=\"row\">")
          .append(esc(c.service()))
          .append("</th><td>")
          .append(esc(c.dataSource()))
          .append("</td><td><code>")
          .append(esc(c.key().isEmpty() ? c.kind().name().toLowerCase(Locale.ROOT) : c.key()))
          .append("</code></td><td>")
          .append(side(c, c.baseline()))
          .append("</td><td>")
          .append(side(c, c.current()))
          .append("</td><td>");
      List<Finding> verdicts = ReportFacts.capacityVerdicts(result, c);
      if (verdicts.isEmpty()) {
        s.append("<span class=\"muted\">—</span>");
      }
      for (Finding f : verdicts) {
        s.append("<span class=\"pill ")
            .append(f.suppressed() ? "waived" : f.severity().id())
            .append("\">")
            .append(esc(f.ruleId()))
            .append("</span> ");
      }
      s.append("</td></tr>\n");
    }
    s.append("</tbody>\n</table>\n");
    rollback(s, view);
    s.append("</section>\n");
  }

  /** The baseline as the rollback target: the restore command and the known-good values. */
  private static void rollback(StringBuilder s, BaselineView view) {
    List<String> values = RollbackTarget.values(view);
    if (values.isEmpty()) {
      return;
    }
    s.append("<h3>Rollback target: <code>").append(esc(view.label())).append("</code></h3>\n");
    for (String command : RollbackTarget.commands(view)) {
      s.append("<p>Restore the files that now set the changed values:</p>\n<pre><code>")
          .append(esc(command))
          .append("</code></pre>\n");
    }
    s.append("<p>The last known-good values:</p>\n<ul>\n");
    values.forEach(v -> s.append("<li>").append(esc(v)).append("</li>\n"));
    s.append("</ul>\n");
  }

  /** A change's value in bold with its origin below it, small. */
  private static String side(Change c, Optional<Value> v) {
    if (v.isEmpty()) {
      return "<span class=\"muted\">" + esc(DiffReport.side(c, v)) + "</span>";
    }
    return "<strong>"
        + esc(DiffReport.shown(c, v.get()))
        + "</strong><br><span class=\"loc\">"
        + esc(v.get().origin().describe())
        + "</span>";
  }

  private static void waived(StringBuilder s, LintResult result) {
    List<Finding> waived = result.findings().stream().filter(Finding::suppressed).toList();
    if (waived.isEmpty()) {
      return;
    }
    s.append(
        "<section id=\"waived\">\n<h2>Waived</h2>\n<table>\n<thead><tr>"
            + "<th scope=\"col\">rule</th><th scope=\"col\">service</th><th scope=\"col\">finding</th>"
            + "<th scope=\"col\">suppressed by</th><th scope=\"col\">reason</th></tr></thead>\n"
            + "<tbody>\n");
    for (Finding f : waived) {
      Finding.Suppression sup = f.suppression().orElseThrow();
      s.append("<tr><th scope=\"row\"><code>")
          .append(esc(f.ruleId()))
          .append("</code></th><td>")
          .append(esc(f.service().orElse(ReportFacts.NO_SERVICE)))
          .append("</td><td>")
          .append(esc(f.message()))
          .append(" <span class=\"loc\">")
          .append(esc(f.position().toString()))
          .append("</span></td><td>")
          .append(sup.kind().label())
          .append(" <span class=\"loc\">")
          .append(esc(sup.position().toString()))
          .append("</span></td><td>")
          .append(esc(sup.justification()))
          .append("</td></tr>\n");
    }
    s.append("</tbody>\n</table>\n</section>\n");
  }

  static String levelClass(FleetBudget.Level level) {
    return switch (level) {
      case WITHIN -> "ok";
      case NEAR_LIMIT -> "warning";
      case EXCEEDED -> "error";
    };
  }

  static String capitalised(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  static String esc(String text) {
    return Xml.escape(text);
  }

  private static final String CSS =
      """
      :root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --soft: #f6f8fa;
        --error: #b42318; --warning: #9a6700; --note: #0b5cad; --ok: #1a7f37; }
      * { box-sizing: border-box; }
      body { margin: 0; color: var(--fg); background: var(--bg);
        font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
      header.verdict { padding: 28px 48px 20px; color: #fff; }
      header.fail { background: #8e1b16; }
      header.warn { background: #7a5200; }
      header.pass { background: #116329; }
      h1 { margin: 0 0 6px; font-size: 15px; font-weight: 600; letter-spacing: .04em;
        text-transform: uppercase; opacity: .85; }
      .verdict-line { margin: 0; font-size: 28px; font-weight: 650; }
      .badge { display: inline-block; padding: 2px 12px; margin-right: 8px; border-radius: 6px;
        background: #fff; color: var(--fg); font-size: 20px; vertical-align: 3px; }
      .fail .badge { color: #8e1b16; } .warn .badge { color: #7a5200; } .pass .badge { color: #116329; }
      .sub { margin: 6px 0 0; opacity: .9; }
      .sub code { background: rgba(255,255,255,.18); color: #fff; }
      .counts { list-style: none; display: flex; gap: 12px; padding: 0; margin: 16px 0 0; }
      .counts li { background: rgba(255,255,255,.14); border-radius: 6px; padding: 4px 12px; }
      main { max-width: 1180px; padding: 8px 48px 32px; }
      h2 { margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line);
        font-size: 22px; }
      h3 { margin: 24px 0 10px; font-size: 18px; }
      h3 .n { color: var(--muted); font-weight: 400; font-size: 14px; }
      code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
      code { background: var(--soft); padding: 1px 5px; border-radius: 4px; }
      .finding { border: 1px solid var(--line); border-left: 6px solid var(--note);
        border-radius: 6px; padding: 12px 16px; margin: 0 0 14px; break-inside: avoid; }
      .finding.error { border-left-color: var(--error); }
      .finding.warning { border-left-color: var(--warning); }
      .finding p { margin: 4px 0; }
      .head { color: var(--muted); }
      .sev { display: inline-block; min-width: 64px; text-align: center; border-radius: 4px;
        padding: 0 8px; color: #fff; font-weight: 600; font-size: 13px; background: var(--note); }
      .error .sev { background: var(--error); } .warning .sev { background: var(--warning); }
      .msg { font-size: 16px; font-weight: 500; }
      .loc { color: var(--muted); font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
      .snippet { background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
        padding: 8px 0; overflow-x: auto; margin: 10px 0; }
      .snippet code { background: none; padding: 0; }
      .snippet .line { display: block; padding: 0 12px 0 0; white-space: pre; }
      .snippet mark.line { background: #fff1c2; color: inherit; box-shadow: inset 4px 0 #d4a72c; }
      .ln { display: inline-block; width: 48px; padding-right: 12px; margin-right: 12px;
        text-align: right; color: var(--muted); border-right: 1px solid var(--line);
        user-select: none; }
      .fix { color: var(--fg); }
      .related { margin: 6px 0 0; padding-left: 20px; color: var(--muted); font-size: 14px; }
      table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
      caption { text-align: left; color: var(--muted); padding: 4px 0; }
      th, td { border: 1px solid var(--line); padding: 6px 10px; text-align: left;
        vertical-align: top; }
      thead th { background: var(--soft); }
      tfoot th, tfoot td { background: var(--soft); font-weight: 600; }
      td.error { color: var(--error); } td.warning { color: var(--warning); }
      .over { color: #d7191c; }
      .lvl { font-weight: 400; color: var(--muted); }
      .pill { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 13px;
        border: 1px solid currentColor; }
      .pill.error { color: var(--error); } .pill.warning { color: var(--warning); }
      .pill.note { color: var(--note); } .pill.ok { color: var(--ok); }
      .pill.waived { color: var(--muted); }
      .muted, .empty { color: var(--muted); }
      #changes td:nth-child(3), #changes th[scope=row], .pill { white-space: nowrap; }
      #changes .loc { font-size: 12px; overflow-wrap: anywhere; }
      .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px;
        margin-right: 8px; vertical-align: -1px; }
      figure { margin: 8px 0; }
      figure svg { display: block; max-width: 100%; height: auto; }
      figcaption { color: var(--muted); font-size: 14px; }
      footer { padding: 16px 48px 40px; color: var(--muted); font-size: 13px; }
      @media print {
        body { font-size: 11pt; }
        header.verdict { padding: 12px 0; color: #000; background: none !important;
          border-bottom: 3px solid #000; }
        .badge { border: 2px solid #000; }
        main, footer { padding: 0; max-width: none; }
        .finding, figure, table { break-inside: avoid; }
        h2, h3 { break-after: avoid; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      }
      """;
}
