package dev.poolguard.rules.pool;

import dev.poolguard.core.capacity.IdleLimits;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.hikari.HikariBehaviour;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import dev.poolguard.rules.support.Hikari;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A pool keeps connections longer than the database (or the path to it) lets them live idle. */
public final class PoolLifetimeExceedsServerTimeout implements Rule {

  /** HikariCP's advice: retire connections several seconds before any limit on the path. */
  static final long MARGIN_MILLIS = 5_000;

  static final RuleInfo INFO =
      RuleInfo.builder("pool-lifetime-exceeds-server-timeout")
          .title("Pool keeps connections longer than the server's idle timeout")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.CAPACITY_MODEL)
          .rationale(
              "MySQL closes a connection that has been idle for wait_timeout seconds (default 28800,"
                  + " 8 hours); a proxy, NAT or load balancer on the path may cut connections sooner"
                  + " (connectionIdleLimitSeconds in poolguard.yaml). HikariCP retires a connection"
                  + " only after maxLifetime (default 30 min; 0 never), so with maxLifetime at or above"
                  + " the limit a connection that sat idle in the pool is already closed by the server"
                  + " when a request takes it, and that request fails (HikariCP: set maxLifetime"
                  + " several seconds shorter than any database or infrastructure imposed connection"
                  + " time limit). A keepaliveTime below the server's wait_timeout keeps idle"
                  + " connections active, so MySQL's wait_timeout alone is then not reported.")
          .remediation(
              "Set max-lifetime a few seconds below the limit the message names (at least 30000 ms),"
                  + " or raise wait_timeout, or set keepalive-time below it.")
          .example(
              "# compose.yaml\n"
                  + "services:\n"
                  + "  db:\n"
                  + "    image: mysql:8.4\n"
                  + "    command: --wait-timeout=60\n"
                  + "  orders:\n"
                  + "    image: orders:3\n"
                  + "    environment:\n"
                  + "      SPRING_DATASOURCE_URL: jdbc:mysql://db:3306/orders\n"
                  + "      SPRING_DATASOURCE_HIKARI_MAXLIFETIME: \"1800000\"\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    for (Hikari.View view : Hikari.views(context)) {
      Optional<IdleLimits.IdleLimit> limit =
          context.capacity().idleLimit(view.pool().service(), view.pool().dataSource());
      Optional<PoolSetting> setting = view.pool().setting(HikariBehaviour.MAX_LIFETIME);
      if (limit.isEmpty() || setting.isEmpty()) {
        continue;
      }
      long limitMillis = limit.get().seconds() * 1000;
      long lifetime = view.outcome().effective(HikariBehaviour.MAX_LIFETIME);
      long keepalive = view.outcome().effective(HikariBehaviour.KEEPALIVE_TIME);
      boolean idleOnly = limit.get().setting().equals("wait_timeout");
      if ((lifetime > 0 && lifetime < limitMillis)
          || (idleOnly && keepalive > 0 && keepalive < limitMillis)) {
        continue;
      }
      String kept =
          lifetime == 0
              ? "max-lifetime 0 never retires connections"
              : "max-lifetime "
                  + lifetime
                  + " ms"
                  + (setting.get().value().isSet() ? "" : " (HikariCP's default)")
                  + " keeps connections at least as long as";
      String limitText =
          limit.get().setting()
              + " "
              + limit.get().seconds()
              + " s of database "
              + limit.get().database();
      long suggestion = Math.max(30_000, limitMillis - MARGIN_MILLIS);
      String message =
          kept
              + (lifetime == 0 ? ", past " : " ")
              + limitText
              + ": a connection left idle that long is closed by the server and the next request"
              + " that takes it fails; set max-lifetime to at most "
              + suggestion
              + " ms"
              + (idleOnly ? " (or keepalive-time below " + limitMillis + " ms)" : "");
      Related server = new Related(limit.get().position(), limitText);
      var workload = view.pool().service().deployment().map(d -> d.workload());
      if (!setting.get().value().isSet()
          && workload.isPresent()
          && view.pool().service().configFiles().isEmpty()) {
        // A default on a service known only from its container: point at the container's service.
        out.add(
            Violation.at(workload.get().position(), message)
                .withService(view.pool().service().name(), view.pool().service().profileLabel())
                .withSubject(view.pool().dataSource().name() + "/" + HikariBehaviour.MAX_LIFETIME)
                .withRelated(List.of(server)));
      } else {
        out.add(view.pool().at(setting.get(), message).withRelated(List.of(server)));
      }
    }
    return out;
  }
}
