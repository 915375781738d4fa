package dev.poolguard.rules.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.rule.Finding;
import dev.poolguard.core.rule.Severity;
import dev.poolguard.core.testing.FixtureRunner;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixtures show which findings occur; this shows their severity: a cut by half or more without
 * a capacity model is an error, a smaller one a warning, and the threshold moves the line.
 */
class PoolMaxReducedSeverityTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/pool-max-reduced");

  @ParameterizedTest
  @CsvSource({
    "fail-40-to-10, ERROR",
    "fail-40-to-36-warning, WARNING",
    "fail-threshold-raised, WARNING",
    "fail-setting-removed-to-default, ERROR"
  })
  void severityFollowsTheSizeOfTheCut(String fixture, Severity expected) {
    Linter linter = new Linter(RuleSet.load(getClass().getClassLoader()));
    FixtureRunner.Outcome outcome =
        FixtureRunner.run(FIXTURES.resolve(fixture).toAbsolutePath(), linter);

    assertThat(outcome.result().active())
        .filteredOn(f -> f.ruleId().equals("pool-max-reduced"))
        .extracting(Finding::severity)
        .containsExactly(expected);
  }
}
