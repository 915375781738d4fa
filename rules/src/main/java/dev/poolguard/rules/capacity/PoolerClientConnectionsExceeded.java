package dev.poolguard.rules.capacity;

import dev.poolguard.core.capacity.DatabaseBudget;
import dev.poolguard.core.capacity.FleetBudget;
import dev.poolguard.core.capacity.PoolerBudget;
import dev.poolguard.core.model.pooler.Pooler;
import dev.poolguard.core.model.postgres.PostgresConf;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The services' pools can open more client connections than the pooler accepts. */
public final class PoolerClientConnectionsExceeded implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("pooler-client-connections-exceeded")
          .title("Services can open more connections than their PgBouncer accepts")
          .severity(Severity.ERROR)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.CAPACITY_MODEL)
          .rationale(
              "A PgBouncer accepts at most max_client_conn client connections per process or pod"
                  + " (PgBouncer's default 100; the Zalando operator sets 10000); one more is"
                  + " refused with 'no more connections allowed (max_client_conn)'. Every pod of"
                  + " every service behind it opens its whole pool there (HikariCP's minimumIdle"
                  + " defaults to the maximum), so at full scale, with a rollout's surge pods, the"
                  + " services hold Σ pods × pool maximum client connections against instances ×"
                  + " max_client_conn. A pooler configuration PgBouncer would not load (a syntax"
                  + " error, a value it rejects, a missing include, too deep includes) is reported"
                  + " here too, at its file and line, and gives no budget.")
          .remediation(
              "Raise max_client_conn (and the file descriptor limit with it) or the pooler's"
                  + " instances, or lower the services' pool maximums: behind a transaction-mode"
                  + " pooler small client pools are enough.")
          .example(
              "# pgbouncer.ini; orders-api: 10 pods × maximum-pool-size 20 through it\n"
                  + "[pgbouncer]\n"
                  + "pool_mode = transaction\n"
                  + "max_client_conn = 100\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    context.model().poolers().forEach((db, pooler) -> problems(db, pooler, out));
    for (PoolerBudget budget : context.capacity().poolers()) {
      FleetBudget.Result r = budget.clients();
      if (budget.members().isEmpty() || !r.exceeded()) {
        continue;
      }
      Pooler pooler = budget.pooler();
      Pooler.Setting max = pooler.setting("max_client_conn").orElseThrow();
      Pooler.Setting instances = pooler.setting(Pooler.INSTANCES).orElseThrow();
      DatabaseBudget.Member culprit =
          budget.members().stream()
              .max(
                  Comparator.comparingLong(
                      m -> (long) Math.max(m.replicas(), m.maxReplicas()) * m.pool()))
              .orElseThrow();
      boolean steady = r.steady() > r.budget();
      String when =
          steady
              ? "at today's replicas (steady state) "
              : r.fullScaleExceeded()
                  ? "at full scale (HPA maximum) "
                  : "during a rolling update of " + r.rollingService().orElse("a service") + " ";
      long total = steady ? r.steady() : r.fullScaleExceeded() ? r.fullScale() : r.rollout();
      String message =
          PoolerText.label(budget)
              + ": "
              + when
              + "the services behind it can open "
              + total
              + " client connections ("
              + PoolerText.fleet(budget.members())
              + "), about "
              + (total + budget.instances() - 1) / budget.instances()
              + " per instance, but it accepts "
              + budget.instances()
              + (budget.instances() == 1 ? " instance" : " instances")
              + " × max_client_conn "
              + budget.maxClientConn()
              + " = "
              + r.budget()
              + " (max_client_conn "
              + max.describe()
              + "; instances "
              + instances.describe()
              + ")";
      List<Related> related = new ArrayList<>();
      related.add(new Related(max.position(), "max_client_conn " + max.value()));
      related.add(new Related(instances.position(), "pooler instances " + instances.value()));
      for (var m : budget.members()) {
        m.inputs().forEach(i -> related.add(new Related(i.position(), i.label())));
      }
      out.add(
          Violation.at(culprit.poolMax().value().origin().position(), message)
              .withService(culprit.service().name(), culprit.service().profileLabel())
              .withSubject("pooler/" + budget.database())
              .withRelated(related)
              .withRemediation(
                  "Keep the client pools within "
                      + r.budget()
                      + " connections: raise max_client_conn or the pooler's instances, or lower"
                      + " the services' pool maximums or HPA maximums."));
    }
    return out;
  }

  private static void problems(String database, Pooler pooler, List<Violation> out) {
    for (PostgresConf.Problem p : pooler.problems()) {
      out.add(
          Violation.at(
                  p.position(),
                  "database "
                      + database
                      + ": PgBouncer refuses to load this pooler configuration: "
                      + p.message())
              .withSubject("pooler/" + database)
              .withRemediation(
                  "Fix the pooler configuration so that PgBouncer loads it; poolguard checks no"
                      + " budget of this pooler until then."));
    }
  }
}
