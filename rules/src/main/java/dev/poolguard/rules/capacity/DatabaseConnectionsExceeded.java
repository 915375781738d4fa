package dev.poolguard.rules.capacity;

import dev.poolguard.core.capacity.FleetBudget;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/** The fleet can open more connections than the database accepts. */
public final class DatabaseConnectionsExceeded implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("database-connections-exceeded")
          .title("Fleet can open more connections than the database accepts")
          .severity(Severity.ERROR)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.CAPACITY_MODEL)
          .rationale(
              "Every pod of every service opens its whole pool: HikariCP's minimumIdle defaults to"
                  + " the maximum, so a new pod takes its full budget at start. At full scale (the HPA"
                  + " maximum) the fleet holds Σ pods × pool maximum connections, and during a rolling"
                  + " update the surge pods add theirs on top (a service without a manifest surges"
                  + " as a Deployment with Kubernetes' default maxSurge of 25 %). When that exceeds"
                  + " max_connections minus"
                  + " the reserved slots, new connections fail with 'too many clients' exactly when the"
                  + " fleet is busiest. With concurrentRollouts: one the largest single surge counts;"
                  + " with all, every service's surge. A postgresql.conf PostgreSQL would not start"
                  + " with (a syntax error, a missing include, a max_connections or reservation value"
                  + " its parse_int rejects or out of range, reservations reaching max_connections) is"
                  + " reported here too, at the offending file and line, and gives no budget.")
          .remediation(
              "Lower the pool maximum or the HPA maximum of the services the message names, lower"
                  + " maxSurge, put a connection pooler (PgBouncer) in front, or raise max_connections.")
          .example(
              "# poolguard.yaml: databases: { orders-db: { maxConnections: 100 } }\n"
                  + "# orders-api: HPA maxReplicas 10, maximum-pool-size 20\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    for (var refusal : context.capacity().refusals()) {
      out.add(
          Violation.at(refusal.position(), refusal.message())
              .withSubject("database/" + refusal.database())
              .withRemediation(
                  "Raise max_connections above the reserved slots, or lower"
                      + " superuser_reserved_connections or reserved_connections."));
    }
    for (DatabaseBudget budget : DatabaseBudget.all(context)) {
      FleetBudget.Result r = budget.result();
      if (!r.exceeded()) {
        continue;
      }
      String when;
      if (r.steady() > r.budget()) {
        when =
            "at today's replicas (steady state) the fleet opens "
                + r.steady()
                + " connections ("
                + budget.fleetText(DatabaseBudget.State.STEADY);
      } else if (r.fullScaleExceeded()) {
        when =
            "at full scale (HPA maximum) the fleet can open "
                + r.fullScale()
                + " connections ("
                + budget.fleetText(DatabaseBudget.State.FULL_SCALE);
      } else {
        when =
            "during a rolling update of "
                + r.rollingService().orElse("a service")
                + " the fleet can open "
                + r.rollout()
                + " connections ("
                + r.fullScale()
                + " at full scale + "
                + r.rolloutSurge()
                + " more while old and new pods overlap; "
                + budget.fleetText(DatabaseBudget.State.FULL_SCALE);
      }
      out.add(
          budget.violation(
              "database "
                  + budget.database()
                  + ": "
                  + when
                  + ") but accepts "
                  + (r.budget() > 0 ? String.valueOf(r.budget()) : "no connection")
                  + " ("
                  + budget.limitText()
                  + ")",
              "Keep the fleet within "
                  + Math.max(0, r.budget())
                  + " connections: lower pool maximums, HPA maximums or maxSurge, or raise max_connections."));
    }
    return out;
  }
}
