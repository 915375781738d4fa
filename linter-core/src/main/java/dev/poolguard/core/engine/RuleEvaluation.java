package dev.poolguard.core.engine;

import dev.poolguard.core.LintException;
import dev.poolguard.core.baseline.BaselineView;
import dev.poolguard.core.capacity.CapacityAnalysis;
import dev.poolguard.core.capacity.FleetBudget;
import dev.poolguard.core.capacity.ServerConfigs;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.RuleConfig;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.SuppressionRule;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of a run applied to one prepared tree (the one linted, or with {@code --new-only} the
 * baseline's): violations stamped with rule id and severity, inline ignores and waivers applied,
 * then the suppressions themselves judged.
 */
final class RuleEvaluation {

  private RuleEvaluation() {}

  /** The outcome: every finding in report order, and the capacity figures the rules used. */
  record Outcome(List<Finding> findings, CapacityAnalysis capacity) {}

  static Outcome run(
      RuleSet ruleSet, LintRequest request, Linter.Run run, Optional<BaselineView> baseline) {
    PoolguardConfig config = run.config();
    Map<String, Map<String, Double>> thresholds = new HashMap<>();
    config.rules().forEach((id, rc) -> thresholds.put(id, rc.thresholds()));
    CapacityAnalysis capacity = capacity(run, thresholds, baseline);
    LintContext context =
        new LintContext(run.files(), run.model(), thresholds, config, baseline, capacity);
    List<Finding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Rule rule : ruleSet.rules()) {
      List<Violation> violations;
      try {
        violations = enabled(rule, config) ? rule.check(context) : List.of();
      } catch (LintException e) {
        throw e;
      } catch (RuntimeException e) {
        throw ruleFailure(rule, e, run.model().redaction());
      }
      collect(rule, config, withTemplates(violations, run.workspace()), seen, findings);
    }
    findings = audited(ruleSet, request, run, findings, seen);
    findings.sort(Finding.ORDER);
    return new Outcome(findings, capacity);
  }

  /**
   * Findings at a values line a chart render mapped name the template line that read the value too.
   */
  private static List<Violation> withTemplates(List<Violation> violations, Workspace workspace) {
    if (workspace == null) {
      return violations;
    }
    return violations.stream()
        .map(
            v -> {
              List<Related> more =
                  workspace.templatesOf(v.position()).stream()
                      .filter(t -> v.related().stream().noneMatch(r -> r.position().equals(t)))
                      .map(t -> new Related(t, "Helm template"))
                      .toList();
              return more.isEmpty() ? v : v.withRelated(more);
            })
        .toList();
  }

  /**
   * The capacity figures of a run: its database files read once, its pools and budgets worked out
   * once, for every rule and report.
   */
  private static CapacityAnalysis capacity(
      Linter.Run run,
      Map<String, Map<String, Double>> thresholds,
      Optional<BaselineView> baseline) {
    double nearLimit =
        thresholds
            .getOrDefault("database-connections-near-limit", Map.of())
            .getOrDefault("nearLimit", FleetBudget.DEFAULT_NEAR_LIMIT);
    PoolguardConfig withFound =
        dev.poolguard.core.capacity.FoundDatabases.with(
            run.config(), run.model(), run.workspace()::refusal, run.workspace().display()::of);
    return CapacityAnalysis.of(
        run.model(),
        withFound,
        ServerConfigs.load(withFound, run.workspace()::refusal, run.workspace().display()::of),
        nearLimit,
        baseline.map(BaselineView::model));
  }

  /**
   * Applies inline ignores and waivers to {@code findings}, then lets the suppression rules judge
   * the suppressions themselves (SPEC 6).
   */
  private static List<Finding> audited(
      RuleSet ruleSet,
      LintRequest request,
      Linter.Run run,
      List<Finding> findings,
      Set<String> seen) {
    Set<String> ids = new TreeSet<>();
    Set<String> auditIds = new TreeSet<>();
    for (Rule rule : ruleSet.rules()) {
      ids.add(rule.info().id());
      if (rule instanceof SuppressionRule) {
        auditIds.add(rule.info().id());
      }
    }
    ConfigChecks.checkWaivers(run.config(), ids, auditIds);
    Suppressor.Outcome outcome =
        new Suppressor(run.config(), request.workingDirectory(), request.suppression())
            .apply(
                findings,
                run.files(),
                path -> path.equals("<stdin>") ? request.stdin() : run.workspace().text(path),
                ids,
                auditIds);
    List<Finding> all = new ArrayList<>(outcome.findings());
    for (Rule rule : ruleSet.rules()) {
      if (rule instanceof SuppressionRule audit && enabled(rule, run.config())) {
        try {
          collect(rule, run.config(), audit.audit(outcome.audit()), seen, all);
        } catch (RuntimeException e) {
          throw ruleFailure(rule, e, run.model().redaction());
        }
      }
    }
    return all;
  }

  /**
   * A rule that failed, as one line: an exception's message can quote the value it choked on
   * ({@code For input string: "..."}), so the message and the cause shown with --debug are masked.
   */
  private static LintException ruleFailure(Rule rule, RuntimeException e, Redaction redaction) {
    RuntimeException masked = new RuntimeException(redaction.scrub(e.toString()));
    masked.setStackTrace(e.getStackTrace());
    return new LintException(
        "internal error in rule " + rule.info().id() + ": " + masked.getMessage(), masked);
  }

  private static boolean enabled(Rule rule, PoolguardConfig config) {
    return severity(rule.info(), config.rules().get(rule.info().id())).isPresent();
  }

  private static void collect(
      Rule rule,
      PoolguardConfig config,
      List<Violation> violations,
      Set<String> seen,
      List<Finding> findings) {
    RuleInfo info = rule.info();
    Optional<Severity> severity = severity(info, config.rules().get(info.id()));
    if (severity.isEmpty()) {
      return;
    }
    for (Violation v : violations) {
      // What-if profile variants repeat findings that do not depend on the profile.
      if (seen.add(info.id() + "\u0000" + v.position() + "\u0000" + v.message())) {
        findings.add(Finding.of(info, chosen(info, config, severity.get(), v), v));
      }
    }
  }

  /** A violation's own severity beats the default, but not one set under {@code rules:}. */
  private static Severity chosen(
      RuleInfo info, PoolguardConfig config, Severity configured, Violation v) {
    RuleConfig rc = config.rules().get(info.id());
    boolean explicit = rc != null && rc.severity().isPresent();
    return explicit ? configured : v.severity().orElse(configured);
  }

  private static Optional<Severity> severity(RuleInfo info, RuleConfig configured) {
    if (configured == null || configured.severity().isEmpty()) {
      return Optional.of(info.defaultSeverity());
    }
    String s = configured.severity().get().toLowerCase(Locale.ROOT);
    return s.equals("off") ? Optional.empty() : Optional.of(Severity.parse(s));
  }
}
