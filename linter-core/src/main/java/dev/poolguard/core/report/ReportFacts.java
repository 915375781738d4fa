package dev.poolguard.core.report;

import dev.poolguard.core.baseline.Change;
import dev.poolguard.core.capacity.DatabaseBudget;
import dev.poolguard.core.capacity.FleetBudget;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.LintResult;
import dev.poolguard.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What the human-facing reports (Markdown, HTML) group and label the same way. */
final class ReportFacts {

  /** Heading for findings that belong to no service (a shared file, poolguard.yaml). */
  static final String NO_SERVICE = "(no service)";

  private ReportFacts() {}

  /** Findings by service name (sorted; findings without one last), each list in report order. */
  static Map<String, List<Finding>> byService(List<Finding> findings) {
    Map<String, List<Finding>> out = new TreeMap<>(ReportFacts::serviceOrder);
    for (Finding f : findings) {
      out.computeIfAbsent(f.service().orElse(NO_SERVICE), k -> new ArrayList<>()).add(f);
    }
    return out;
  }

  /** Service names sorted, the heading for no service last. */
  static int serviceOrder(String a, String b) {
    boolean an = a.equals(NO_SERVICE);
    boolean bn = b.equals(NO_SERVICE);
    return an == bn ? a.compareTo(b) : an ? 1 : -1;
  }

  /**
   * Capacity findings about the changed setting: findings of the rules that judge the capacity
   * analysis ({@link RuleInfo.Need#CAPACITY_MODEL} in their metadata) with the same service and the
   * setting as the finding's subject ({@code datasource/key}), or, for a pool maximum, a budget
   * finding on its service.
   */
  static List<Finding> capacityVerdicts(LintResult result, Change c) {
    if (c.key().isEmpty()) {
      return List.of();
    }
    String subject = c.dataSource() + "/" + c.key();
    boolean poolMax = c.key().equals("maximum-pool-size") || c.key().equals("max-size");
    Set<String> capacityRules =
        result.rules().stream()
            .filter(r -> r.needs().contains(RuleInfo.Need.CAPACITY_MODEL))
            .map(RuleInfo::id)
            .collect(Collectors.toSet());
    return result.findings().stream()
        .filter(f -> capacityRules.contains(f.ruleId()))
        .filter(f -> f.service().map(c.service()::equals).orElse(false))
        .filter(
            f -> f.subject().equals(subject) || (poolMax && f.subject().startsWith("database/")))
        .toList();
  }

  /** "within", "near limit", "exceeded". */
  static String level(FleetBudget.Level level) {
    return level.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The fleet's three moments, in chart order. */
  enum Phase {
    STEADY("steady state"),
    FULL_SCALE("full scale"),
    ROLLOUT("rollout");

    final String label;

    Phase(String label) {
      this.label = label;
    }

    long total(DatabaseBudget b) {
      return switch (this) {
        case STEADY -> b.result().steady();
        case FULL_SCALE -> b.result().fullScale();
        case ROLLOUT -> b.result().rollout();
      };
    }

    /** One service's connections at this moment (its surge only when it counts). */
    long of(FleetBudget.Contribution c) {
      return switch (this) {
        case STEADY -> c.steady();
        case FULL_SCALE -> c.fullScale();
        case ROLLOUT -> c.fullScale() + (c.rolling() ? c.rolloutSurge() : 0);
      };
    }
  }
}
