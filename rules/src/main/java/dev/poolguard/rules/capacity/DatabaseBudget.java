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

  /** The fleet state a message describes: today's replicas, or every pod the HPA may start. */
  enum State {
    STEADY,
    FULL_SCALE
  }

  /** How many services a message names before "and N more"; the reports list them all. */
  static final int NAMED_CONTRIBUTORS = 5;

  /** Whether the member's service runs as more than one workload in this budget. */
  private boolean severalWorkloads(dev.poolguard.core.capacity.DatabaseBudget.Member member) {
    return members().stream()
            .filter(m -> m.service().name().equals(member.service().name()))
            .filter(m -> m.dataSource().name().equals(member.dataSource().name()))
            .count()
        > 1;
  }

  /**
   * "orders-api 10 pods × 40, billing 4 pods × 30" in {@code state}; beyond {@value
   * #NAMED_CONTRIBUTORS} pools, the largest ones and "and N more".
   */
  String fleetText(State state) {
    List<dev.poolguard.core.capacity.DatabaseBudget.Member> named = new ArrayList<>(members());
    if (named.size() > NAMED_CONTRIBUTORS) {
      named.sort(
          Comparator.comparingLong(
                  (dev.poolguard.core.capacity.DatabaseBudget.Member m) ->
                      -(long) pods(m, state) * m.pool())
              .thenComparing(m -> m.service().name())
              .thenComparing(m -> m.dataSource().name()));
      named = named.subList(0, NAMED_CONTRIBUTORS);
    }
    StringBuilder out = new StringBuilder();
    for (var m : named) {
      if (out.length() > 0) {
        out.append(", ");
      }
      int pods = pods(m, state);
      out.append(m.service().name());
      List<String> qualifiers = new ArrayList<>();
      if (severalWorkloads(m)) {
        m.service().deployment().ifPresent(d -> qualifiers.add(d.workload().describe()));
      }
      if (!m.dataSource().name().equals("default")) {
        qualifiers.add(m.dataSource().name());
      }
      if (!qualifiers.isEmpty()) {
        out.append(" (").append(String.join(", ", qualifiers)).append(')');
      }
      out.append(' ').append(pods).append(pods == 1 ? " pod × " : " pods × ").append(m.pool());
    }
    int more = members().size() - named.size();
    if (more > 0) {
      long rest =
          members().stream().mapToLong(m -> (long) pods(m, state) * m.pool()).sum()
              - named.stream().mapToLong(m -> (long) pods(m, state) * m.pool()).sum();
      out.append(" and ")
          .append(more)
          .append(" more pools with ")
          .append(rest)
          .append(" connections (every one in the JSON, Markdown and HTML reports)");
    }
    return out.toString();
  }

  private static int pods(dev.poolguard.core.capacity.DatabaseBudget.Member m, State state) {
    return state == State.STEADY ? m.replicas() : Math.max(m.replicas(), m.maxReplicas());
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
