package dev.poolguard.rules.suppression;

import dev.poolguard.core.project.Waiver;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.SuppressionAudit;
import dev.poolguard.core.rule.SuppressionRule;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/** A waiver that matches no finding: the problem is gone, or the narrowing is wrong. */
public final class WaiverUnused implements SuppressionRule {

  static final RuleInfo INFO =
      RuleInfo.builder("waiver-unused")
          .title("Waiver matches no finding")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.SUPPRESSIONS)
          .rationale(
              "A waiver that matches nothing is either stale (the problem was fixed, so the exception"
                  + " can go) or wrong (its path or service narrows it away from the finding it was"
                  + " meant for, which then still fails the build). Either way it misleads the next"
                  + " reader of poolguard.yaml. An expired waiver is reported as waiver-expired"
                  + " instead.")
          .remediation(
              "Delete the waiver, or correct its rule, path (relative to poolguard.yaml) or service so"
                  + " that it matches the finding it is meant for.")
          .example(
              "# poolguard.yaml\nwaivers:\n  - rule: pool-max-reduced\n    service: orders-api\n"
                  + "    reason: \"traffic moved to orders-v2, CHG-1234\"\n    expires: 2026-12-15\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> audit(SuppressionAudit audit) {
    List<Violation> out = new ArrayList<>();
    for (SuppressionAudit.WaiverUse use : audit.waivers()) {
      if (use.expired() || use.matched() > 0) {
        continue;
      }
      Waiver w = use.waiver();
      out.add(
          Violation.at(
                  w.position(),
                  "waiver of " + Waivers.describe(w) + " matches no finding; remove or correct it")
              .withSubject(w.rule()));
    }
    return out;
  }
}
