package dev.poolguard.rules.capacity;

import dev.poolguard.core.capacity.PoolerBudget;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.pooler.Pooler;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The pooler's server pools, with the services that connect directly, overflow the database. */
public final class PoolerServerConnectionsExceeded implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("pooler-server-connections-exceeded")
          .title("PgBouncer can open more server connections than the database accepts")
          .severity(Severity.ERROR)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.CAPACITY_MODEL)
          .rationale(
              "Each PgBouncer process or pod keeps one server pool per database and user: up to"
                  + " pool_size (the [databases] entry's, else default_pool_size, PgBouncer's"
                  + " default 20) plus reserve_pool_size connections, capped by max_db_connections"
                  + " and max_user_connections when they are set. Pools are per instance, so a"
                  + " pooler of N pods opens N times as many. Together with the services that"
                  + " connect directly (pooler.direct) they must stay within the database's"
                  + " max_connections minus the reserved slots, or the database refuses 'too many"
                  + " clients' to the pooler under load. Services behind the pooler count here, not"
                  + " in database-connections-exceeded. poolguard counts one pool per [databases]"
                  + " entry (one user), a lower bound when several users connect.")
          .remediation(
              "Lower default_pool_size or pool_size, reserve_pool_size or the pooler's instances,"
                  + " set max_db_connections to the database's share per instance, or raise"
                  + " max_connections.")
          .example(
              "# pooler.yaml: a CloudNativePG Pooler; the database accepts 100 connections\n"
                  + "apiVersion: postgresql.cnpg.io/v1\n"
                  + "kind: Pooler\n"
                  + "metadata:\n"
                  + "  name: orders-pooler-rw\n"
                  + "spec:\n"
                  + "  cluster:\n"
                  + "    name: orders-db\n"
                  + "  instances: 3\n"
                  + "  pgbouncer:\n"
                  + "    poolMode: transaction\n"
                  + "    parameters:\n"
                  + "      default_pool_size: \"40\"\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    for (PoolerBudget budget : context.capacity().poolers()) {
      if (budget.server().isEmpty() || !budget.server().get().exceeded()) {
        continue;
      }
      PoolerBudget.Server s = budget.server().get();
      Pooler pooler = budget.pooler();
      Pooler.Setting instances = pooler.setting(Pooler.INSTANCES).orElseThrow();
      Pooler.Database largest =
          pooler.databases().stream()
              .max(Comparator.comparingInt(pooler::serverConnections))
              .orElseThrow();
      String message =
          PoolerText.label(budget)
              + ": "
              + budget.instances()
              + (budget.instances() == 1 ? " instance" : " instances")
              + " × "
              + s.perInstance()
              + " server connections ("
              + entries(pooler)
              + ") = "
              + s.pooled()
              + (s.direct() > 0
                  ? " + "
                      + s.direct()
                      + " opened directly by "
                      + String.join(", ", s.directServices())
                      + " = "
                      + s.total()
                  : "")
              + ", but the database accepts "
              + (s.limit().budget() > 0 ? String.valueOf(s.limit().budget()) : "no connection")
              + " ("
              + s.limitText()
              + "; instances "
              + instances.describe()
              + ")";
      List<Related> related = new ArrayList<>();
      related.add(
          new Related(s.limitPosition(), "database " + budget.database() + " " + s.limitText()));
      related.add(new Related(instances.position(), "pooler instances " + instances.value()));
      out.add(
          Violation.at(position(pooler, largest, s.limitPosition()), message)
              .withSubject("pooler/" + budget.database())
              .withRelated(related)
              .withRemediation(
                  "Keep instances × server pools within "
                      + Math.max(0, s.limit().budget() - s.direct())
                      + " connections: lower default_pool_size, pool_size, reserve_pool_size or"
                      + " the instances, set max_db_connections, or raise max_connections."));
    }
    return out;
  }

  /** "main: pool 20 + reserve 5" for each entry. */
  private static String entries(Pooler pooler) {
    List<String> parts = new ArrayList<>();
    for (Pooler.Database db : pooler.databases()) {
      int pool = db.poolSize().orElse(pooler.number("default_pool_size"));
      int reserve = db.reservePool().orElse(pooler.number("reserve_pool_size"));
      int cap = db.maxDbConnections().orElse(pooler.number("max_db_connections"));
      parts.add(
          (db.name().equals("*") ? "fallback *" : db.name())
              + ": pool "
              + pool
              + (reserve > 0 ? " + reserve " + reserve : "")
              + (cap > 0 && cap < (long) pool + reserve
                  ? ", capped at max_db_connections " + cap
                  : ""));
    }
    int userCap = pooler.number("max_user_connections");
    return String.join("; ", parts) + (userCap > 0 ? "; max_user_connections " + userCap : "");
  }

  /**
   * Where the largest pool's size is written: its entry's {@code pool_size}, else {@code
   * default_pool_size}, else the instance count, else the database's limit.
   */
  private static SourcePosition position(
      Pooler pooler, Pooler.Database largest, SourcePosition limit) {
    if (largest.poolSize().isPresent()) {
      return largest.position();
    }
    for (String key : List.of("default_pool_size", Pooler.INSTANCES)) {
      Pooler.Setting s = pooler.setting(key).orElseThrow();
      if (s.by().isEmpty()) {
        return s.position();
      }
    }
    return limit;
  }
}
