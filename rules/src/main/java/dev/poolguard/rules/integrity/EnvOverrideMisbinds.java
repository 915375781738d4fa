package dev.poolguard.rules.integrity;

import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.PoolKind;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.hikari.HikariProperties;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An environment variable meant as a pool setting that binds to nothing, or breaks binding. */
public final class EnvOverrideMisbinds implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("env-override-misbinds")
          .title("Environment variable does not set the pool setting it names")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "Spring binds SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE (upper case, dots as"
                  + " underscores, dashes removed) and, for compatibility, the legacy form with each dash"
                  + " as an underscore. A variable that matches no HikariCP property is silently"
                  + " ignored, so the manifest's override never reaches the pool. For keys starting"
                  + " with connection- the legacy form is read as the nested property connection.*,"
                  + " which the binder reaches by calling getConnection(): the pool starts before its"
                  + " settings are bound, the variable's value never reaches it, and startup fails"
                  + " when a setting HikariCP seals at start is bound afterwards or the database is"
                  + " unreachable (spring-boot issue 51363; checked against Spring Boot 3.5.7's"
                  + " Binder). Quarkus maps QUARKUS_DATASOURCE_JDBC_MAX_SIZE (and the named form"
                  + " QUARKUS_DATASOURCE_USERS_JDBC_MAX_SIZE) back to the Agroal key; a variable"
                  + " after _JDBC_ that names no Agroal key is ignored the same way.")
          .remediation(
              "Use the documented form the message names: the canonical property in upper case with"
                  + " dots as underscores and dashes removed.")
          .example(
              "env:\n  - name: SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT\n    value: \"2000\"\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    for (Diagnostic d : context.model().diagnostics()) {
      if (d.kind() != Diagnostic.Kind.ENV_BINDS_NOTHING
          && d.kind() != Diagnostic.Kind.ENV_LEGACY_HAZARD) {
        continue;
      }
      String hint = d.suggestion().map(s -> " (did you mean " + s + "?)").orElse("");
      String sealed =
          d.kind() == Diagnostic.Kind.ENV_LEGACY_HAZARD
              ? sealedAfterStart(context, d)
                  .map(
                      p ->
                          "; here startup fails: "
                              + p.key()
                              + " ("
                              + p.value().origin().position()
                              + ") is bound into the started pool")
                  .orElse("")
              : "";
      out.add(
          Violation.at(d.position(), d.message() + sealed + hint)
              .withService(d.service(), d.profile())
              .withSubject("env/" + d.subject()));
    }
    return out;
  }

  /**
   * The first setting the service configures (not a default) that HikariCP seals once the pool has
   * started: binding it after the legacy variable started the pool fails startup.
   */
  private static Optional<PoolSetting> sealedAfterStart(LintContext context, Diagnostic d) {
    return context.model().services().stream()
        .filter(s -> s.name().equals(d.service()) && s.profileLabel().equals(d.profile()))
        .flatMap(s -> s.dataSources().stream())
        .filter(ds -> ds.pool() == PoolKind.HIKARI && ds.name().equals("default"))
        .flatMap(ds -> ds.settings().stream())
        .filter(p -> p.known() && !p.value().origin().isDefault())
        .filter(p -> !HikariProperties.changeableAfterStart(p.key()))
        .min(Comparator.comparing(PoolSetting::key));
  }
}
