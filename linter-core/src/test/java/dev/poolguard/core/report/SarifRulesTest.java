package dev.poolguard.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SarifRulesTest {

  @ParameterizedTest
  @CsvSource({
    "pool-below-peak-demand, PoolBelowPeakDemand",
    "jdbc-url, JdbcUrl",
    "max-2x-replicas, Max2xReplicas",
    "single, Single",
  })
  void namesArePascalCase(String id, String name) {
    assertThat(SarifRules.pascalCase(id)).isEqualTo(name);
  }

  @Test
  void exampleFenceOutlastsBackticksInsideIt() {
    RuleInfo rule =
        RuleInfo.of(
            "r", "Title", Severity.NOTE, Set.of(), "Why.", "Fix.", "a: \"```\"\nb: \"````\"\n\n");

    assertThat(SarifRules.helpMarkdown(rule)).endsWith("\n\n`````\na: \"```\"\nb: \"````\"\n`````");
    assertThat(SarifRules.tags(rule)).isEmpty();
  }

  @Test
  void helpWithoutRemediationOrExampleIsTheRationale() {
    RuleInfo rule = RuleInfo.of("r", "Title", Severity.NOTE, Set.of(), "Why.", " ", "");

    assertThat(SarifRules.helpText(rule)).isEqualTo("Why.");
    assertThat(SarifRules.helpMarkdown(rule)).isEqualTo("Why.");
  }
}
