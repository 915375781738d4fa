package dev.poolguard.core.custom;

import dev.poolguard.core.LintException;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.project.CustomRuleConfig;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.text.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code customRules:} of a {@code poolguard.yaml} into rules. Conditions are CEL
 * expressions over {@code service} and {@code pool} (see docs/CUSTOM-RULES.md); CEL itself is
 * loaded only when there is at least one.
 */
public final class CustomRules {

  private CustomRules() {}

  /**
   * The custom rules of {@code config}, compiled.
   *
   * @throws LintException for an id declared twice, an expression that does not parse or
   *     type-check, or a field or placeholder that does not exist, naming its line
   */
  public static List<Rule> of(PoolguardConfig config) {
    if (config.customRules().isEmpty()) {
      return List.of();
    }
    List<Rule> rules = new ArrayList<>();
    Map<String, SourcePosition> seen = new HashMap<>();
    for (CustomRuleConfig rule : config.customRules()) {
      SourcePosition first = seen.putIfAbsent(rule.id(), rule.positionOf("id"));
      if (first != null) {
        throw new LintException(
            rule.positionOf("id")
                + ": customRules: id '"
                + rule.id()
                + "' is declared twice (first at line "
                + first.line()
                + ")");
      }
      rules.add(new CustomRule(rule, compile(rule)));
    }
    return rules;
  }

  private static Condition compile(CustomRuleConfig rule) {
    CelConditions.Compiled compiled = CelConditions.compile(rule.condition());
    String where = "customRules: " + rule.id() + ": condition";
    if (!compiled.problems().isEmpty()) {
      CelConditions.Problem p = compiled.problems().get(0);
      throw new LintException(
          at(rule, p.line())
              + ": "
              + where
              + (rule.condition().contains("\n") ? " line " + p.line() + "," : "")
              + " column "
              + p.column()
              + ": "
              + CustomRule.oneLine(p.message()));
    }
    for (CelConditions.Selection s : compiled.selections()) {
      check(rule, where, s.variable(), s.field(), s.line());
    }
    for (String[] placeholder : MessageTemplate.placeholders(rule.message())) {
      check(rule, "customRules: " + rule.id() + ": message", placeholder[0], placeholder[1], 0);
    }
    return compiled.condition();
  }

  private static void check(
      CustomRuleConfig rule, String where, String variable, String field, int line) {
    Set<String> fields =
        switch (variable) {
          case Variables.SERVICE -> Variables.SERVICE_FIELDS;
          case Variables.POOL -> Variables.POOL_FIELDS;
          default -> null;
        };
    if (fields != null && !fields.contains(field)) {
      SourcePosition at = line == 0 ? rule.positionOf("message") : at(rule, line);
      throw new LintException(
          at
              + ": "
              + where
              + ": "
              + variable
              + " has no field '"
              + field
              + "'"
              + Suggestions.didYouMean(field, fields));
    }
  }

  /** The line in poolguard.yaml of a line of the expression (a block scalar spans several). */
  private static SourcePosition at(CustomRuleConfig rule, int expressionLine) {
    SourcePosition start = rule.conditionPosition();
    if (expressionLine <= 1) {
      return start;
    }
    return new SourcePosition(start.path(), start.line() + expressionLine - 1, 1);
  }
}
