package dev.poolguard.rules.capacity;

import dev.poolguard.core.rule.LintContext;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/** A database's postgresql.conf (or a file it includes) that PostgreSQL would not start with. */
public final class DatabaseConfigInvalid implements Rule {

  static final RuleInfo INFO =
      RuleInfo.builder("database-config-invalid")
          .title("Database server config that PostgreSQL would not start with")
          .severity(Severity.ERROR)
          .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.CAPACITY_MODEL)
          .rationale(
              "poolguard reads a database's connection limit from the postgresql.conf that"
                  + " poolguard.yaml names (databases: <name>: config:), with the files it includes"
                  + " and the postgresql.auto.conf beside it, the way PostgreSQL reads them at start."
                  + " A syntax error, a missing include, includes nested deeper than 10, a file that"
                  + " cannot be read, or a max_connections, superuser_reserved_connections or"
                  + " reserved_connections value that PostgreSQL's parse_int rejects (abc, 10x, a unit)"
                  + " or that is out of range keeps the server from starting ('configuration file"
                  + " contains errors'). poolguard then has no limit to judge the fleet against and"
                  + " says so here instead of guessing one.")
          .remediation(
              "Fix the line the finding names: an integer such as 200 (PostgreSQL also reads 0310"
                  + " as octal and 0xc8 as hex), an include that exists (or include_if_exists), a"
                  + " path inside the repository. Check with postgres -C max_connections -D <dir>.")
          .example("max_connections = 10x\n")
          .build();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Violation> check(LintContext context) {
    List<Violation> out = new ArrayList<>();
    for (var problem : context.capacity().configProblems()) {
      out.add(
          Violation.at(
                  problem.position(),
                  "database "
                      + problem.database()
                      + ": PostgreSQL would not start with its configuration: "
                      + problem.message())
              .withSubject("database/" + problem.database())
              .withRemediation(
                  "Correct the setting or include; the database's connection budget is not judged"
                      + " until PostgreSQL can read its configuration."));
    }
    return out;
  }
}
