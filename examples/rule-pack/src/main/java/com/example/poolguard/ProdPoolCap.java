package com.example.poolguard;

import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A house policy: pools of services running the prod profile stay at or below a cap. */
public final class ProdPoolCap implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("prod-pool-cap")
          .title("Production pool larger than the house cap")
          .severity(Severity.ERROR)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "Our databases are shared by many services; a production pool above the cap starves"
                  + " the others at peak. The cap is the platform team's decision, not HikariCP's.")
          .remediation(
              "Lower maximum-pool-size to the cap, or agree a waiver with the platform team.")
          .example(
              "spring:\n  config:\n    activate:\n      on-profile: prod\n"
                  + "  datasource:\n    hikari:\n      maximum-pool-size: 80\n")
          .option("maxPoolSize", 50, "largest pool allowed in prod")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    long cap = (long) context.option(INFO, "maxPoolSize");
    List<Violation> out = new ArrayList<>();
    for (Service service : context.model().services()) {
      if (!service.profiles().contains("prod")) {
        continue;
      }
      for (DataSource ds : service.dataSources()) {
        Optional<PoolSetting> max = ds.setting("maximum-pool-size");
        if (max.isEmpty() || max.get().value().asLong().orElse(0) <= cap) {
          continue;
        }
        PoolSetting setting = max.get();
        out.add(
            Violation.at(
                    setting.value().origin().position(),
                    setting.property()
                        + " "
                        + setting.value().text()
                        + " exceeds the prod cap of "
                        + cap)
                .withService(service.name(), service.profileLabel())
                .withSubject(ds.name() + "/maximum-pool-size"));
      }
    }
    return out;
  }
}
