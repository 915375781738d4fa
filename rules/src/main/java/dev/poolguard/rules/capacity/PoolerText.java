package dev.poolguard.rules.capacity;

import dev.poolguard.core.capacity.DatabaseBudget;
import dev.poolguard.core.capacity.PoolerBudget;
import java.util.List;

/** How the pooler rules name a pooler and the services behind it. */
final class PoolerText {

  /** How many pools a message names before "and N more". */
  private static final int NAMED = 5;

  private PoolerText() {}

  /** "PgBouncer pgbouncer/pgbouncer.ini in front of database main". */
  static String label(PoolerBudget budget) {
    return budget.pooler().kind().label()
        + " "
        + budget.pooler().name()
        + " in front of database "
        + budget.database();
  }

  /** "orders-api 10 pods × 20, billing 2 pods × 10" at full scale. */
  static String fleet(List<DatabaseBudget.Member> members) {
    StringBuilder out = new StringBuilder();
    int named = 0;
    for (var m : members) {
      if (named == NAMED) {
        out.append(" and ").append(members.size() - NAMED).append(" more");
        break;
      }
      if (out.length() > 0) {
        out.append(", ");
      }
      int pods = Math.max(m.replicas(), m.maxReplicas());
      out.append(m.service().name());
      if (!m.dataSource().name().equals("default")) {
        out.append(" (").append(m.dataSource().name()).append(')');
      }
      out.append(' ').append(pods).append(pods == 1 ? " pod × " : " pods × ").append(m.pool());
      named++;
    }
    return out.toString();
  }
}
