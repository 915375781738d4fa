package dev.poolguard.rules.integrity;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.LoadProblem;
import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/** The same key twice in one YAML mapping. */
public final class DuplicateKey implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("duplicate-key")
          .title("Key appears twice in one YAML mapping")
          .severity(Severity.ERROR)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "Spring Boot loads YAML with duplicate keys refused, so the application does not start."
                  + " Other YAML readers silently keep the last value, which hides which setting the"
                  + " author meant. Every duplicate is reported, not only the first.")
          .remediation(
              "Keep one of the entries and delete the other; merge their children if both are"
                  + " mappings.")
          .example(
              "spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 40\n      maximum-pool-size: 10\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    for (ConfigFile file : context.files()) {
      for (LoadProblem problem : file.problems()) {
        if (problem.kind() == LoadProblem.Kind.DUPLICATE_KEY) {
          out.add(
              Violation.at(problem.position(), problem.message() + "; Spring Boot refuses to start")
                  .withSubject(file.displayPath() + ":" + problem.position().line()));
        }
      }
    }
    return out;
  }
}
