package dev.poolguard.rules.suppression;

import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.SuppressionAudit;
import dev.poolguard.core.rule.SuppressionRule;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.core.text.Suggestions;
import java.util.ArrayList;
import java.util.List;

/** An inline ignore that suppresses nothing: stale, misplaced or misspelt. */
public final class UnusedSuppression implements SuppressionRule {

  static final RuleInfo INFO =
      RuleInfo.builder("unused-suppression")
          .title("Inline ignore suppresses nothing")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.SUPPRESSIONS)
          .rationale(
              "An ignore that matches no finding is stale (the problem was fixed), misplaced (it is"
                  + " not on the finding's line or the line above it) or misspelt (an unknown rule"
                  + " id). Left in place, a stale ignore silently hides the problem when it comes"
                  + " back. Each rule id an ignore names is judged on its own.")
          .remediation(
              "Remove the ignore, or the rule id that matches nothing; when the finding moved, put the"
                  + " ignore at the end of the finding's line or alone on the line above it.")
          .example(
              "spring:\n  datasource:\n    hikari:\n"
                  + "      # poolguard:ignore pool-max-reduced -- CHG-1234, traffic moved away\n"
                  + "      maximum-pool-size: 40\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> audit(SuppressionAudit audit) {
    List<Violation> out = new ArrayList<>();
    for (SuppressionAudit.Ignore ignore : audit.ignores()) {
      if (ignore.ruleIds().isEmpty()) {
        out.add(
            Violation.at(
                ignore.position(),
                "poolguard:ignore names no rule id and suppresses nothing: write"
                    + " '# poolguard:ignore RULE-ID -- reason'"));
        continue;
      }
      for (String id : ignore.ruleIds()) {
        if (ignore.used().contains(id)) {
          continue;
        }
        String why;
        if (!audit.ruleIds().contains(id)) {
          why = "unknown rule id '" + id + "'" + Suggestions.didYouMean(id, audit.ruleIds());
        } else if (audit.auditRuleIds().contains(id)) {
          why = id + " judges suppressions and cannot be suppressed";
        } else {
          why = "no " + id + " finding on line " + ignore.line();
        }
        out.add(
            Violation.at(
                    ignore.position(), "poolguard:ignore " + id + " suppresses nothing: " + why)
                .withSubject(id));
      }
    }
    return out;
  }
}
