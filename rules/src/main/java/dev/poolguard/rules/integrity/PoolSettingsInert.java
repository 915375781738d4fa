package dev.poolguard.rules.integrity;

import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.rules.support.Settings;
import java.util.List;

/** Pool settings that are written but cannot apply. */
public final class PoolSettingsInert implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("pool-settings-inert")
          .title("Pool settings are set but cannot apply")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "spring.datasource.hikari.* is bound only onto a HikariCP pool that Spring Boot's"
                  + " DataSourceAutoConfiguration creates. When spring.datasource.type names another"
                  + " pool, or the auto-configuration is excluded, the settings are silently ignored:"
                  + " reviewers read a pool size that the service does not run with.")
          .remediation(
              "Remove the settings, or make them apply: drop the other spring.datasource.type, or"
                  + " configure the DataSource bean the application defines itself.")
          .example(
              "spring:\n  datasource:\n    type: org.apache.tomcat.jdbc.pool.DataSource\n    hikari:\n"
                  + "      maximum-pool-size: 40\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new java.util.ArrayList<>(datasourceInert(context));
    for (Diagnostic d : context.model().diagnostics()) {
      if (d.kind() == Diagnostic.Kind.SETTINGS_NOT_READ) {
        out.add(
            Violation.at(d.position(), "pool settings cannot apply: " + d.message())
                .withService(d.service(), d.profile())
                .withSubject("mount/" + d.subject()));
      }
    }
    return out;
  }

  private static List<Violation> datasourceInert(LintContext context) {
    return Settings.each(
        context,
        PoolKind.HIKARI,
        (pool, out) -> {
          pool.dataSource()
              .inert()
              .filter(inert -> !inert.switchedOff())
              .ifPresent(
                  inert -> {
                    List<PoolSetting> set =
                        pool.dataSource().settings().stream()
                            .filter(s -> s.value().isSet())
                            .toList();
                    if (set.isEmpty()) {
                      return;
                    }
                    List<Related> related =
                        set.stream()
                            .map(
                                s ->
                                    new Related(
                                        s.value().origin().position(), "inert setting " + s.key()))
                            .toList();
                    out.add(
                        Violation.at(
                                inert.position(),
                                set.size()
                                    + " "
                                    + pool.dataSource().prefix()
                                    + ".* setting"
                                    + (set.size() == 1 ? "" : "s")
                                    + " cannot apply: "
                                    + inert.reason())
                            .withService(pool.service().name(), pool.service().profileLabel())
                            .withSubject(pool.dataSource().name() + "/inert")
                            .withRelated(related));
                  });
        });
  }
}
