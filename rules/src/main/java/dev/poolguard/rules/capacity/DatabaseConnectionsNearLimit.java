package dev.poolguard.rules.capacity;

import dev.poolguard.core.capacity.FleetBudget;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/** The fleet can use almost all of the database's connections. */
public final class DatabaseConnectionsNearLimit implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("database-connections-near-limit")
          .title("Fleet can use almost all of the database's connections")
          .severity(Severity.WARNING)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.CAPACITY_MODEL)
          .rationale(
              "When the connections the fleet can open during a rollout at full scale come within the"
                  + " nearLimit share of the database's budget, there is no room left for a new"
                  + " service, a batch job, a migration or an operator's session, and the next pool or"
                  + " autoscaler change crosses the limit. The budget counts every pod's whole pool"
                  + " (HikariCP opens minimumIdle connections at start, and it defaults to the maximum).")
          .remediation(
              "Leave headroom: lower pool or HPA maximums, add a connection pooler, or raise"
                  + " max_connections.")
          .example(
              "# poolguard.yaml: databases: { orders-db: { maxConnections: 95 } }\n"
                  + "# orders-api: 9 pods rolling with maxSurge 0, maximum-pool-size 10\n")
          .option(
              "nearLimit",
              FleetBudget.DEFAULT_NEAR_LIMIT,
              "share of the budget above which the rule warns")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    for (DatabaseBudget budget : DatabaseBudget.all(context)) {
      FleetBudget.Result r = budget.result();
      if (r.exceeded() || !r.nearLimit()) {
        continue;
      }
      out.add(
          budget.violation(
              "database "
                  + budget.database()
                  + ": the fleet can open "
                  + r.rollout()
                  + " of "
                  + r.budget()
                  + " available connections ("
                  + PoolLoad.percent(r.usedFraction())
                  + ", "
                  + budget.fleetText(DatabaseBudget.State.FULL_SCALE)
                  + (r.rolloutSurge() > 0 ? ", + " + r.rolloutSurge() + " during a rollout" : "")
                  + "; "
                  + budget.limitText()
                  + ")",
              "Leave headroom below " + r.budget() + " connections."));
    }
    return out;
  }
}
