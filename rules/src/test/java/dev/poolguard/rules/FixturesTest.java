package dev.poolguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.engine.Linter;
import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.testing.FixtureRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under {@code src/test/resources/fixtures/<rule-id>/<case>/} with every rule
 * and fails on any missing or unexpected finding.
 */
class FixturesTest {

  static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  static List<Path> fixtureDirs() throws IOException {
    try (Stream<Path> rules = Files.list(FIXTURES)) {
      return rules.filter(Files::isDirectory).sorted().flatMap(FixturesTest::cases).toList();
    }
  }

  private static Stream<Path> cases(Path ruleDir) {
    try (Stream<Path> cases = Files.list(ruleDir)) {
      return cases.filter(Files::isDirectory).sorted().toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFixtureMatchesItsMarkers() throws IOException {
    Linter linter = new Linter(RuleSet.load(getClass().getClassLoader()));
    return fixtureDirs().stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    FIXTURES.relativize(dir).toString(),
                    () -> {
                      FixtureRunner.Outcome outcome =
                          FixtureRunner.run(dir.toAbsolutePath(), linter);
                      assertThat(outcome.matches()).as(outcome.describe()).isTrue();
                    }));
  }
}
