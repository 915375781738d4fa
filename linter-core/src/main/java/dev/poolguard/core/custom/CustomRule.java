package dev.poolguard.core.custom;

import dev.poolguard.core.LintException;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.project.CustomRuleConfig;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Related;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule from {@code customRules:}: reports every service and datasource whose variables make its
 * condition true, at the origins of the values the condition read.
 */
final class CustomRule implements Rule {

  private final CustomRuleConfig config;
  private final RuleInfo info;
  private final Condition condition;

  CustomRule(CustomRuleConfig config, Condition condition) {
    this.config = config;
    this.condition = condition;
    this.info =
        RuleInfo.builder(config.id())
            .title(title(config))
            .severity(dev.poolguard.core.rule.Severity.parse(config.severity()))
            .needs(RuleInfo.Need.CONFIG)
            .rationale(
                config.description().orElse("A custom rule of poolguard.yaml.")
                    + " Condition: "
                    + config.condition())
            .remediation(
                config
                    .remediation()
                    .orElse("Change the configuration so that the condition no longer holds."))
            .example("condition: " + config.condition())
            .build();
  }

  @Override
  public RuleInfo info() {
    return info;
  }

  /** Wall-clock time one rule may spend over all the datasources of a run. */
  static final long MAX_RULE_MILLIS = 10_000;

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    long deadline = System.nanoTime() + MAX_RULE_MILLIS * 1_000_000L;
    for (Service service : context.model().services()) {
      for (DataSource ds : service.dataSources()) {
        if (System.nanoTime() - deadline > 0) {
          // Each evaluation is bounded; many datasources each near the bound are bounded here.
          out.add(
              overBudget(
                  service,
                  ds,
                  "took longer than " + MAX_RULE_MILLIS + " ms over the services before it"));
          return out;
        }
        Variables vars = new Variables(service, ds, context.project());
        boolean fires;
        try {
          fires = condition.test(vars.forEvaluation());
        } catch (Condition.Failure e) {
          if (e.missingValue()) {
            // A value that is unknown here (a placeholder, a secret) cannot make the rule fire.
            continue;
          }
          if (e.overBudget()) {
            // A condition that cannot finish is reported, not run again for every datasource.
            out.add(overBudget(service, ds, e.getMessage()));
            return out;
          }
          throw new LintException(
              config.conditionPosition()
                  + ": customRules: "
                  + config.id()
                  + ": the condition cannot be evaluated for service "
                  + service.name()
                  + " (datasource "
                  + ds.name()
                  + "): "
                  + oneLine(e.getMessage()),
              e);
        }
        if (fires) {
          out.add(violation(service, ds, vars));
        }
      }
    }
    return out;
  }

  private Violation violation(Service service, DataSource ds, Variables vars) {
    List<String> read = vars.read();
    String primary =
        read.stream()
            .filter(r -> r.startsWith(Variables.POOL + "."))
            .findFirst()
            .orElse(read.isEmpty() ? null : read.get(0));
    SourcePosition at = primary == null ? ds.anchor() : vars.origin(primary);
    List<Related> related = new ArrayList<>();
    for (String r : read) {
      if (!r.equals(primary)) {
        int dot = r.indexOf('.');
        related.add(
            new Related(
                vars.origin(r), r + " = " + vars.text(r.substring(0, dot), r.substring(dot + 1))));
      }
    }
    Violation v =
        Violation.at(at, MessageTemplate.render(config.message(), vars))
            .withService(service.name(), service.profileLabel())
            .withSubject(ds.name())
            .withRelated(related);
    return config.remediation().map(v::withRemediation).orElse(v);
  }

  private Violation overBudget(Service service, DataSource ds, String why) {
    return Violation.at(
            config.conditionPosition(),
            "customRules: "
                + config.id()
                + ": the condition was stopped for service "
                + service.name()
                + " (datasource "
                + ds.name()
                + "): it "
                + why
                + " (the limit of every custom rule, see docs/SECURITY.md); simplify it")
        .withService(service.name(), service.profileLabel())
        .withSubject(ds.name())
        .withRemediation(
            "Write the condition without nested comprehensions over long lists; a custom rule"
                + " only needs to read the values of one service and one pool.");
  }

  private static String title(CustomRuleConfig config) {
    String text = config.description().orElse(config.message()).strip();
    int end = text.indexOf('\n');
    text = end < 0 ? text : text.substring(0, end);
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
