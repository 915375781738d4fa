package dev.poolguard.rules.suppression;

import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.SuppressionAudit;
import dev.poolguard.core.rule.SuppressionRule;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/** An inline ignore without {@code -- reason}: it suppresses, but nobody can tell why. */
public final class SuppressionWithoutReason implements SuppressionRule {

  static final RuleInfo INFO =
      RuleInfo.builder("suppression-without-reason")
          .title("Inline ignore gives no reason")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.SUPPRESSIONS)
          .rationale(
              "A suppression is a decision that a finding is acceptable; without the reason, the next"
                  + " reader cannot tell whether it still holds, and reports show an exception nobody"
                  + " can audit. The ignore still suppresses, so that adding it never breaks a build"
                  + " twice.")
          .remediation(
              "Write the reason after the rule ids: `# poolguard:ignore RULE-ID -- why this is"
                  + " acceptable`, ideally with a ticket or a date.")
          .example(
              "spring:\n  datasource:\n    hikari:\n"
                  + "      connection-timeout: 0  # poolguard:ignore connection-timeout-unbounded\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> audit(SuppressionAudit audit) {
    List<Violation> out = new ArrayList<>();
    for (SuppressionAudit.Ignore ignore : audit.ignores()) {
      if (ignore.reason().isEmpty()) {
        out.add(
            Violation.at(
                    ignore.position(),
                    "poolguard:ignore "
                        + String.join(", ", ignore.ruleIds())
                        + " gives no reason: add '-- why' after the rule ids")
                .withSubject(String.join(",", ignore.ruleIds())));
      }
    }
    return out;
  }
}
