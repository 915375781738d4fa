package dev.poolguard.rules.integrity;

import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.hikari.HikariProperties;
import dev.poolguard.core.model.quarkus.AgroalProperties;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.core.text.Suggestions;
import dev.poolguard.rules.support.Settings;
import java.util.ArrayList;
import java.util.List;

/** A key under the pool prefix that the pool does not have: a typo that silently does nothing. */
public final class UnknownPoolProperty implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("unknown-pool-property")
          .title("Unknown key under the pool prefix")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "Spring binds spring.datasource.hikari.* onto HikariCP's JavaBean setters and ignores"
                  + " keys that match no setter, so a misspelt key (maximum-pool-sise) leaves the"
                  + " library default in force without any error at startup. Quarkus binds"
                  + " quarkus.datasource.jdbc.* by exact kebab-case name only, so max-sise or maxSize"
                  + " binds to nothing and Agroal's default stays in force too.")
          .remediation(
              "Correct the key to the property named in the message; see HikariCP's configuration"
                  + " reference or the Quarkus datasource guide for the full list.")
          .example("spring:\n  datasource:\n    hikari:\n      maximum-pool-sise: 40\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out =
        new ArrayList<>(Settings.each(context, PoolKind.HIKARI, UnknownPoolProperty::hikari));
    out.addAll(Settings.each(context, PoolKind.AGROAL, UnknownPoolProperty::agroal));
    return out;
  }

  private static void hikari(Settings.Pool pool, List<Violation> out) {
    for (PoolSetting s : pool.dataSource().settings()) {
      if (!s.known()) {
        List<String> close = HikariProperties.closest(s.key(), 1);
        String hint = close.isEmpty() ? "" : Suggestions.phrase(close.get(0));
        out.add(
            pool.at(
                s,
                "unknown HikariCP property '"
                    + s.key()
                    + "' under "
                    + pool.dataSource().prefix()
                    + hint
                    + ": "
                    + (pool.service().framework() == Framework.MICRONAUT ? "Micronaut" : "Spring")
                    + " ignores it and the default applies"));
      }
    }
  }

  /** Quarkus binds only the exact kebab-case names of its datasource config (no relaxed forms). */
  private static void agroal(Settings.Pool pool, List<Violation> out) {
    for (PoolSetting s : pool.dataSource().settings()) {
      if (!s.known()) {
        List<String> close = AgroalProperties.closest(s.key(), 1);
        String hint = close.isEmpty() ? "" : Suggestions.phrase(pool.property(close.get(0)));
        out.add(
            pool.at(
                s,
                "unknown Agroal property '"
                    + s.property()
                    + "'"
                    + hint
                    + ": Quarkus does not bind it and the default applies"));
      }
    }
  }
}
