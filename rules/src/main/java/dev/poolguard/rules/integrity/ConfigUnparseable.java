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

/** A config file that is not valid YAML, properties or JSON. */
public final class ConfigUnparseable implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("config-unparseable")
          .title("Config file cannot be parsed")
          .severity(Severity.ERROR)
          .needs(RuleInfo.Need.CONFIG)
          .rationale(
              "A config file that does not parse stops the application at startup, and nothing in it"
                  + " can be checked. poolguard also reports files it cannot read and files beyond its"
                  + " resource limits (size, nesting depth, aliases) here.")
          .remediation(
              "Fix the syntax error at the reported position; run the file through a YAML or"
                  + " properties parser to confirm.")
          .example("spring:\n  datasource:\n    hikari:\n      maximum-pool-size: [10\n")
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
        if (problem.kind() == LoadProblem.Kind.UNPARSEABLE) {
          out.add(
              Violation.at(
                      problem.position(),
                      file.displayPath() + " cannot be parsed: " + problem.message())
                  .withSubject(file.displayPath()));
        }
      }
    }
    return out;
  }
}
