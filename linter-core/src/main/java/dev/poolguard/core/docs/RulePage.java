package dev.poolguard.core.docs;

import dev.poolguard.core.rule.RuleInfo;

/** One rule's Markdown page. */
final class RulePage {

  static final String NOTICE =
      "<!-- Generated from the rule's RuleInfo: edit the rule class, then regenerate (see"
          + " RuleDocsTest). -->\n";

  private RulePage() {}

  static String render(RuleInfo rule) {
    StringBuilder s = new StringBuilder(NOTICE);
    s.append("# ").append(rule.id()).append("\n\n");
    s.append(Markdown.text(rule.title())).append("\n\n");
    s.append("| Default severity | Needs | Options |\n|---|---|---|\n");
    s.append("| ")
        .append(rule.defaultSeverity().id())
        .append(" | ")
        .append(Markdown.cell(Wording.needs(rule)))
        .append(" | ")
        .append(Markdown.cell(Wording.optionsSummary(rule)))
        .append(" |\n");
    section(s, "Why", Markdown.text(rule.rationale()));
    section(s, "How to fix", Markdown.text(rule.remediation()));
    if (!rule.example().isBlank()) {
      section(s, "Example", Markdown.fenced("yaml", rule.example()));
    }
    section(s, "Configuration", configuration(rule));
    return s.toString();
  }

  private static String configuration(RuleInfo rule) {
    StringBuilder s = new StringBuilder(Wording.configure(rule)).append("\n\n");
    s.append(Markdown.fenced("yaml", Wording.configYaml(rule)));
    if (!rule.options().isEmpty()) {
      s.append('\n').append(Wording.THRESHOLDS).append("\n\n");
      s.append("| Threshold | Default | Meaning |\n|---|---|---|\n");
      for (RuleInfo.Option option : rule.options()) {
        s.append("| `")
            .append(option.key())
            .append("` | ")
            .append(Wording.number(option.defaultValue()))
            .append(" | ")
            .append(Markdown.cell(option.description()))
            .append(" |\n");
      }
    }
    if (!Wording.suppressible(rule)) {
      s.append('\n').append(Wording.NOT_SUPPRESSIBLE).append('\n');
      return s.toString();
    }
    s.append('\n').append(Wording.IGNORE).append("\n\n");
    s.append(Markdown.fenced("yaml", Wording.ignoreComment(rule)));
    return s.toString();
  }

  // Skips a section whose text is blank rather than printing an empty heading.
  private static void section(StringBuilder s, String heading, String body) {
    if (body.isBlank()) {
      return;
    }
    s.append("\n## ").append(heading).append("\n\n").append(body);
    if (!body.endsWith("\n")) {
      s.append('\n');
    }
  }
}
