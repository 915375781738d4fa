package dev.poolguard.rules.suppression;

import dev.poolguard.core.project.Waiver;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.SuppressionAudit;
import dev.poolguard.core.rule.SuppressionRule;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/** A waiver past its expiry date: it no longer suppresses, and says so loudly. */
public final class WaiverExpired implements SuppressionRule {

  static final RuleInfo INFO =
      RuleInfo.builder("waiver-expired")
          .title("Waiver is past its expiry date")
          .severity(Severity.ERROR)
          .needs(RuleInfo.Need.SUPPRESSIONS)
          .rationale(
              "A waiver accepts a finding for a limited time, on the strength of a promise (a raised"
                  + " database limit, a planned migration). After its expiry day (UTC) the promise is"
                  + " due: the waiver stops suppressing, the waived findings count again, and this"
                  + " error names the waiver so that someone decides again. The day is --today, else"
                  + " SOURCE_DATE_EPOCH, else today's UTC date.")
          .remediation(
              "Fix what the waiver accepted and delete the waiver, or, when the exception still holds,"
                  + " renew it with a new expiry date and an updated reason.")
          .example(
              "# poolguard.yaml\nwaivers:\n  - rule: database-connections-exceeded\n"
                  + "    reason: \"DBA raises max_connections, CHG-1234\"\n    expires: 2024-12-15\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> audit(SuppressionAudit audit) {
    List<Violation> out = new ArrayList<>();
    for (SuppressionAudit.WaiverUse use : audit.waivers()) {
      if (!use.expired()) {
        continue;
      }
      Waiver w = use.waiver();
      out.add(
          Violation.at(
                  w.position(),
                  "waiver of "
                      + Waivers.describe(w)
                      + " expired on "
                      + w.expires()
                      + " (today is "
                      + audit.today()
                      + ") and no longer suppresses "
                      + Waivers.findings(use.matched())
                      + "; it said: "
                      + w.reason())
              .withRelated(List.of(new Related(w.positionOf("expires"), "expiry date")))
              .withSubject(w.rule()));
    }
    return out;
  }
}
