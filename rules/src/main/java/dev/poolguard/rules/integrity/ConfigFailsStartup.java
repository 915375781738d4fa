package dev.poolguard.rules.integrity;

import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/** Config that the framework refuses while it starts: the application never runs. */
public final class ConfigFailsStartup implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("config-fails-startup")
          .title("Config that stops the application at startup")
          .severity(Severity.ERROR)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "Spring Boot 2.4 and later check every config document while they load it, before"
                  + " any bean exists. A document selected the Spring Boot 2.3 way, with"
                  + " spring.profiles: prod, stops startup with"
                  + " InvalidConfigDataPropertyException, as does spring.profiles.active, .default"
                  + " or .include in a profile-specific file (application-prod.yml)."
                  + " spring.profiles.include in a document activated by"
                  + " spring.config.activate.on-profile (or an inactive on-cloud-platform) stops it"
                  + " with InactiveConfigDataAccessException. The pool is never built, so no pool"
                  + " setting of the service applies (checked against Spring Boot 3.5.7 and 4.0.7"
                  + " by the differential oracle).")
          .remediation(
              "Write spring.config.activate.on-profile: prod instead of spring.profiles: prod, and"
                  + " set the active, default and included profiles in application.yml without an"
                  + " activation condition (or in the environment).")
          .example(
              "spring:\n  profiles: prod\n  datasource:\n    hikari:\n      maximum-pool-size: 20\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    for (Diagnostic d : context.model().diagnostics()) {
      if (d.kind() == Diagnostic.Kind.STARTUP_FAILS) {
        out.add(
            Violation.at(d.position(), d.message())
                .withService(d.service(), d.profile())
                .withSubject("startup/" + d.subject()));
      }
    }
    return out;
  }
}
