package dev.poolguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.engine.LintRequest;
import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.model.postgres.PostgresConf;
import dev.poolguard.core.result.LintResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run reads each database's {@code postgresql.conf} once, before the rules: every capacity rule
 * and the reports' budget chart read the one analysis the engine built.
 */
class CapacityOnceTest {

  static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @Test
  void postgresqlConfIsParsedOncePerRun() {
    Linter linter = new Linter(RuleSet.load(getClass().getClassLoader()));
    long before = PostgresConf.parses();
    LintResult result =
        linter.lint(
            LintRequest.of(EXAMPLES.getParent(), List.of(Path.of("examples/rollout-overflow"))));
    assertThat(PostgresConf.parses() - before).isEqualTo(1);
    // The file was used: the budget rule judged the database and the chart has its budget.
    assertThat(result.findings())
        .anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("database-connections-exceeded"));
    assertThat(result.budgets()).hasSize(1);
  }
}
