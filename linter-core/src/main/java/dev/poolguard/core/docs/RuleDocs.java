package dev.poolguard.core.docs;

import dev.poolguard.core.rule.RuleInfo;
import java.util.List;

/**
 * Renders rule metadata as documentation: each rule's Markdown page, the rule index, the README's
 * rule table and the {@code explain} text. Output is deterministic, with {@code \n} line ends and a
 * trailing newline.
 */
public final class RuleDocs {

  /** The index of all rules, relative to the repository root. */
  public static final String INDEX_PATH = "docs/RULES.md";

  /** The line before the README's generated rule table. */
  public static final String README_START = "<!-- rules:start -->";

  /** The line after the README's generated rule table. */
  public static final String README_END = "<!-- rules:end -->";

  /** The folder of the rule pages, relative to the repository root, with a trailing slash. */
  public static final String PAGES_FOLDER = "docs/rules/";

  // PAGES_FOLDER as a link from the folder of INDEX_PATH.
  private static final String INDEX_TO_PAGES = "rules/";

  private RuleDocs() {}

  /** A rule's page, relative to the repository root. */
  public static String pagePath(String id) {
    return PAGES_FOLDER + id + ".md";
  }

  /** The rule's Markdown page. */
  public static String page(RuleInfo rule) {
    return RulePage.render(rule);
  }

  /** The index page: every rule linked to its page, with its default severity and title. */
  public static String index(List<RuleInfo> rules) {
    return RulePage.NOTICE
        + "# Rules\n\n"
        + "Every rule poolguard runs, with its default severity. `poolguard explain RULE-ID`"
        + " prints the same page in the terminal; `rules:` in `poolguard.yaml` changes severities"
        + " and thresholds.\n\n"
        + indexTable(rules);
  }

  /** The rule table, its links relative to the folder that holds {@link #INDEX_PATH}. */
  public static String indexTable(List<RuleInfo> rules) {
    return table(rules, INDEX_TO_PAGES);
  }

  /**
   * {@code readme} with the lines between {@link #README_START} and {@link #README_END} replaced by
   * the rule table, its links relative to the repository root.
   *
   * @throws IllegalArgumentException when the markers are missing or out of order
   */
  public static String readme(String readme, List<RuleInfo> rules) {
    int start = lineStart(readme, README_START, 0);
    int end = start < 0 ? -1 : lineStart(readme, README_END, start);
    if (end < 0) {
      throw new IllegalArgumentException(
          "README.md needs the lines " + README_START + " and " + README_END + ", in that order");
    }
    int tableStart = start + README_START.length() + 1;
    return readme.substring(0, tableStart) + table(rules, PAGES_FOLDER) + readme.substring(end);
  }

  // Where a line that is exactly `line` starts, at or after `from`; -1 if none.
  private static int lineStart(String text, String line, int from) {
    for (int i = text.indexOf(line, from); i >= 0; i = text.indexOf(line, i + 1)) {
      boolean startsLine = i == 0 || text.charAt(i - 1) == '\n';
      int after = i + line.length();
      if (startsLine && (after == text.length() || text.charAt(after) == '\n')) {
        return i;
      }
    }
    return -1;
  }

  /** Plain text for {@code poolguard explain}. */
  public static String explain(RuleInfo rule) {
    return ExplainText.explain(rule);
  }

  /** Plain text for {@code poolguard rules}: id, default severity and title, aligned. */
  public static String list(List<RuleInfo> rules) {
    return ExplainText.list(rules);
  }

  private static String table(List<RuleInfo> rules, String linkPrefix) {
    StringBuilder s = new StringBuilder("| Rule | Default | What it finds |\n|---|---|---|\n");
    for (RuleInfo rule : rules) {
      s.append("| [")
          .append(rule.id())
          .append("](")
          .append(linkPrefix)
          .append(rule.id())
          .append(".md) | ")
          .append(rule.defaultSeverity().id())
          .append(" | ")
          .append(Markdown.cell(rule.title()))
          .append(" |\n");
    }
    return s.toString();
  }
}
