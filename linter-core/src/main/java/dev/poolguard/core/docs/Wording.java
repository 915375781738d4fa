package dev.poolguard.core.docs;

import dev.poolguard.core.rule.RuleInfo;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sentences and values that the Markdown pages and the {@code explain} text share. Sentences
 * mark code with backticks; the text renderer drops them.
 */
final class Wording {

  private static final String SEVERITY =
      "Change the severity (`error`, `warning`, `note`, or `off` to switch the rule off)";

  static final String IGNORE =
      "To accept one finding, put an inline ignore with the reason at the end of the YAML line,"
          + " or alone on the line above it (in `.properties` files only on the line above):";

  static final String NOT_SUPPRESSIBLE =
      "Findings of this rule report on the suppressions themselves: they cannot be ignored inline"
          + " or waived.";

  static final String THRESHOLDS = "Thresholds:";

  private Wording() {}

  /** The sentence that introduces {@link #configYaml}. */
  static String configure(RuleInfo rule) {
    return rule.options().isEmpty()
        ? SEVERITY + " under `rules:` in `poolguard.yaml`; this is the default:"
        : SEVERITY
            + " and the thresholds under `rules:` in `poolguard.yaml`; these are the defaults:";
  }

  /** The rule's entry under {@code rules:} in poolguard.yaml, with every default spelt out. */
  static String configYaml(RuleInfo rule) {
    StringBuilder s = new StringBuilder("rules:\n  ").append(rule.id()).append(": { severity: ");
    s.append(rule.defaultSeverity().id());
    for (RuleInfo.Option option : rule.options()) {
      s.append(", ").append(option.key()).append(": ").append(number(option.defaultValue()));
    }
    return s.append(" }\n").toString();
  }

  /** False for the rules that judge suppressions: nothing suppresses their findings. */
  static boolean suppressible(RuleInfo rule) {
    return !rule.needs().contains(RuleInfo.Need.SUPPRESSIONS);
  }

  static String ignoreComment(RuleInfo rule) {
    return "# poolguard:ignore " + rule.id() + " -- reason\n";
  }

  /** {@code config, capacity model}: the needs in declaration order. */
  static String needs(RuleInfo rule) {
    return rule.needs().stream()
        .sorted()
        .map(n -> n.name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .collect(Collectors.joining(", "));
  }

  /** {@code none}, or each option's key with its default. */
  static String optionsSummary(RuleInfo rule) {
    if (rule.options().isEmpty()) {
      return "none";
    }
    return rule.options().stream()
        .map(o -> o.key() + " (default " + number(o.defaultValue()) + ")")
        .collect(Collectors.joining(", "));
  }

  /** {@code 0.8}, {@code 200}: the shortest exact decimal, independent of the locale. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  static String plain(String sentence) {
    return sentence.replace("`", "");
  }

  static String stripTrailingNewlines(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }
}
