package dev.poolguard.core.docs;

import dev.poolguard.core.rule.RuleInfo;
import java.util.List;
import java.util.regex.Pattern;

/** Plain text for the terminal: one rule's explanation, and the list of rules. */
final class ExplainText {

  // Fixed rather than the terminal's width, so the output is the same everywhere.
  private static final int WIDTH = 80;
  private static final String INDENT = "  ";
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private ExplainText() {}

  static String explain(RuleInfo rule) {
    StringBuilder s = new StringBuilder();
    s.append(rule.id()).append(": ").append(rule.title()).append("\n\n");
    s.append(INDENT).append("Default severity  ").append(rule.defaultSeverity().id()).append('\n');
    s.append(INDENT).append("Needs             ").append(Wording.needs(rule)).append('\n');
    s.append(INDENT).append("Options           ").append(Wording.optionsSummary(rule)).append('\n');
    section(s, "Why", wrap(rule.rationale(), INDENT));
    section(s, "How to fix", wrap(rule.remediation(), INDENT));
    if (!rule.example().isBlank()) {
      section(s, "Example", indent(rule.example(), INDENT + INDENT));
    }
    section(s, "Configuration", configuration(rule));
    return s.toString();
  }

  /** One line per rule: id, default severity and title in aligned columns. */
  static String list(List<RuleInfo> rules) {
    int idWidth = rules.stream().mapToInt(r -> r.id().length()).max().orElse(0);
    int severityWidth =
        rules.stream().mapToInt(r -> r.defaultSeverity().id().length()).max().orElse(0);
    StringBuilder s = new StringBuilder();
    for (RuleInfo rule : rules) {
      s.append(pad(rule.id(), idWidth + 2))
          .append(pad(rule.defaultSeverity().id(), severityWidth + 2))
          .append(rule.title())
          .append('\n');
    }
    return s.toString();
  }

  private static String configuration(RuleInfo rule) {
    StringBuilder s = new StringBuilder(wrap(Wording.plain(Wording.configure(rule)), INDENT));
    s.append(indent(Wording.configYaml(rule), INDENT + INDENT));
    if (!rule.options().isEmpty()) {
      s.append(INDENT).append(Wording.THRESHOLDS).append('\n');
      for (RuleInfo.Option option : rule.options()) {
        String line =
            option.key()
                + " (default "
                + Wording.number(option.defaultValue())
                + "): "
                + option.description();
        s.append(wrap(line, INDENT + INDENT));
      }
    }
    if (!Wording.suppressible(rule)) {
      s.append(wrap(Wording.plain(Wording.NOT_SUPPRESSIBLE), INDENT));
      return s.toString();
    }
    s.append(wrap(Wording.plain(Wording.IGNORE), INDENT));
    s.append(indent(Wording.ignoreComment(rule), INDENT + INDENT));
    return s.toString();
  }

  private static void section(StringBuilder s, String heading, String body) {
    if (!body.isBlank()) {
      s.append('\n').append(heading).append('\n').append(body);
    }
  }

  /** Each line of {@code text} word-wrapped to {@link #WIDTH}, indented, ending in a newline. */
  static String wrap(String text, String indent) {
    StringBuilder s = new StringBuilder();
    for (String paragraph : Wording.stripTrailingNewlines(text).split("\n", -1)) {
      StringBuilder line = new StringBuilder(indent);
      for (String word : WHITE_SPACE.split(paragraph.strip(), -1)) {
        if (word.isEmpty()) {
          continue;
        }
        if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
          s.append(line).append('\n');
          line.setLength(0);
          line.append(indent);
        } else if (line.length() > indent.length()) {
          line.append(' ');
        }
        line.append(word);
      }
      s.append(line.toString().stripTrailing()).append('\n');
    }
    return s.toString();
  }

  private static String indent(String text, String indent) {
    StringBuilder s = new StringBuilder();
    for (String line : Wording.stripTrailingNewlines(text).split("\n", -1)) {
      s.append(line.isEmpty() ? "" : indent + line).append('\n');
    }
    return s.toString();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
