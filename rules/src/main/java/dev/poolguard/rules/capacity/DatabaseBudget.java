package dev.poolguard.rules.capacity;

import dev.poolguard.core.capacity.FleetBudget;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A database's connection budget (computed by {@link dev.poolguard.core.capacity.DatabaseBudget},
 * which the reports chart too) with the wording and positions its rules report.
 */
record DatabaseBudget(dev.poolguard.core.capacity.DatabaseBudget budget) {

  /** Budgets of every database in poolguard.yaml that has a limit and at least one member. */
  static List<DatabaseBudget> all(LintContext context) {
    return context.capacity().databases().stream().map(DatabaseBudget::new).toList();
  }

  String database() {
    return budget.database();
  }

  String limitText() {
    return budget.limitText();
  }

  FleetBudget.Result result() {
    return budget.result();
  }

  private List<dev.poolguard.core.capacity.DatabaseBudget.Member> members() {
    return budget.members();
  }

  /** "orders-api 10 pods × 40, billing 4 × 30" at full scale. */
  String fleetText() {
    StringBuilder out = new StringBuilder();
    for (var m : members()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      int pods = Math.max(m.replicas(), m.maxReplicas());
      out.append(m.service().name());
      if (!m.dataSource().name().equals("default")) {
        out.append(" (").append(m.dataSource().name()).append(')');
      }
      out.append(' ').append(pods).append(pods == 1 ? " pod × " : " pods × ").append(m.pool());
    }
    return out.toString();
  }

  /** The member whose change most likely caused a verdict: the rolling one, else the largest. */
  dev.poolguard.core.capacity.DatabaseBudget.Member culprit() {
    Optional<String> rolling = result().rollingService();
    return members().stream()
        .filter(m -> rolling.isPresent() && rolling.get().equals(m.service().name()))
        .findFirst()
        .orElseGet(
            () ->
                members().stream()
                    .max(
                        Comparator.comparingLong(
                            m -> (long) Math.max(m.replicas(), m.maxReplicas()) * m.pool()))
                    .orElseThrow());
  }

  Violation violation(String message, String remediation) {
    var culprit = culprit();
    List<Related> related = new ArrayList<>();
    related.add(new Related(budget.limitPosition(), "database " + database() + " " + limitText()));
    for (var m : members()) {
      for (var input : m.inputs()) {
        if (!(m == culprit
            && input.position().equals(culprit.poolMax().value().origin().position()))) {
          related.add(new Related(input.position(), input.label()));
        }
      }
    }
    return Violation.at(culprit.poolMax().value().origin().position(), message)
        .withService(culprit.service().name(), culprit.service().profileLabel())
        .withSubject("database/" + database())
        .withRelated(related)
        .withRemediation(remediation);
  }
}
