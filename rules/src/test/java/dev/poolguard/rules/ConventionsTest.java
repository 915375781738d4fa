package dev.poolguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.SuppressionRule;
import dev.poolguard.core.testing.FixtureRunner;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Conventions every rule keeps, enforced here rather than in review. */
class ConventionsTest {

  private final List<Rule> rules =
      ServiceLoader.load(Rule.class, getClass().getClassLoader()).stream()
          .map(ServiceLoader.Provider::get)
          .toList();

  @Test
  void ruleIdsAreUnique() {
    Set<String> ids = new HashSet<>();
    for (Rule rule : rules) {
      assertThat(ids.add(rule.info().id())).as("duplicate id %s", rule.info().id()).isTrue();
    }
    assertThat(RuleSet.of(rules).rules()).hasSameSizeAs(rules);
  }

  @Test
  void metadataIsComplete() {
    for (Rule rule : rules) {
      RuleInfo info = rule.info();
      String id = info.id();
      assertThat(Modifier.isFinal(rule.getClass().getModifiers())).as("%s is final", id).isTrue();
      assertThat(info.title()).as("%s title", id).isNotBlank().doesNotEndWith(".");
      assertThat(Character.isUpperCase(info.title().charAt(0)))
          .as("%s title is sentence case", id)
          .isTrue();
      assertThat(info.rationale()).as("%s rationale", id).hasSizeGreaterThan(60).endsWith(".");
      assertThat(info.remediation()).as("%s remediation", id).hasSizeGreaterThan(20).endsWith(".");
      assertThat(info.example()).as("%s example", id).isNotBlank();
      assertThat(info.needs()).as("%s needs", id).isNotEmpty();
    }
  }

  @Test
  void exactlyTheSuppressionRulesNeedTheSuppressions() {
    for (Rule rule : rules) {
      // The docs say "cannot be suppressed" from the metadata; the engine goes by the type.
      assertThat(rule.info().needs().contains(RuleInfo.Need.SUPPRESSIONS))
          .as("%s needs SUPPRESSIONS exactly when it is a SuppressionRule", rule.info().id())
          .isEqualTo(rule instanceof SuppressionRule);
    }
  }

  @Test
  void everyRuleHasAFailingAndAPassingFixture() throws IOException {
    for (Rule rule : rules) {
      String id = rule.info().id();
      Path dir = FixturesTest.FIXTURES.resolve(id);
      assertThat(dir).as("fixtures for %s", id).isDirectory();
      boolean failing = false;
      boolean passing = false;
      for (Path fixture : FixturesTest.fixtureDirs()) {
        if (!fixture.startsWith(dir)) {
          continue;
        }
        boolean expectsRule =
            FixtureRunner.expectations(fixture).stream().anyMatch(e -> e.ruleId().equals(id));
        failing |= expectsRule;
        passing |= !expectsRule;
      }
      assertThat(failing).as("%s has a fixture that expects it", id).isTrue();
      assertThat(passing).as("%s has a fixture in its folder that does not expect it", id).isTrue();
    }
    assertThat(
            Files.list(FixturesTest.FIXTURES)
                .filter(Files::isDirectory)
                .map(p -> p.getFileName().toString()))
        .as("every fixture folder names a rule")
        .allMatch(name -> rules.stream().anyMatch(r -> r.info().id().equals(name)));
  }
}
