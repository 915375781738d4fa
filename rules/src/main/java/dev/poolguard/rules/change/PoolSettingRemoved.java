package dev.poolguard.rules.change;

import dev.poolguard.core.baseline.Change;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/** A pool setting present in the baseline is gone, so the library default applies. */
public final class PoolSettingRemoved implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("pool-setting-removed")
          .title("Pool setting removed: the library default applies")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.BASELINE)
          .rationale(
              "Deleting a pool setting does not restore 'no limit' or 'the old value': the library"
                  + " default applies, and HikariCP's defaults (a pool of 10, a 30 s connection timeout,"
                  + " 30 min lifetime) rarely match what the service was tuned to. A removal in a"
                  + " refactoring, a profile file that is no longer read or an override dropped from a"
                  + " manifest all look like this.")
          .remediation(
              "Restore the setting where it belongs, or confirm the default named in the message is"
                  + " intended.")
          .example("# baseline: connection-timeout: 2000\nspring:\n  datasource:\n    hikari: {}\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    if (context.baseline().isEmpty()) {
      return out;
    }
    for (Changes.SettingChange c : Changes.of(context, Change.Kind.REMOVED, anyKey(context))) {
      if (!c.current().isDefault()) {
        continue;
      }
      out.add(
          c.violation(
              c.property()
                  + " is no longer set (was "
                  + c.oldDescribed()
                  + "): the default "
                  + c.current().text()
                  + " applies"));
    }
    return out;
  }

  private static List<String> anyKey(LintContext context) {
    return context.baseline().orElseThrow().changes().stream().map(Change::key).distinct().toList();
  }
}
