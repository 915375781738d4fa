package dev.poolguard.core.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolguard.core.rule.RuleInfo;
import dev.poolguard.core.rule.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleDocsRenderTest {

  private static final RuleInfo PLAIN =
      RuleInfo.of(
          "min-idle-exceeds-max",
          "Minimum idle exceeds the pool maximum",
          Severity.WARNING,
          Set.of(RuleInfo.Need.CONFIG),
          "HikariCP sets minimumIdle to maximumPoolSize when it is larger.",
          "Lower minimum-idle.",
          "spring:\n  datasource:\n    hikari:\n      minimum-idle: 20\n");

  private static final RuleInfo WITH_OPTIONS =
      new RuleInfo(
          "pool-utilisation-high",
          "Pool | utilisation *above* the limit",
          Severity.WARNING,
          Set.of(RuleInfo.Need.CAPACITY_MODEL, RuleInfo.Need.CONFIG),
          "Keys under spring.datasource.hikari.* and <pool> with _underscores_ and a `tick`."
              + " SPRING_DATASOURCE_HIKARI stays readable; &amp; is not an entity.\n"
              + "# not a heading\n1. not a list",
          "Raise the pool.",
          "a: ```\n",
          List.of(
              new RuleInfo.Option("maxUtilisation", 0.8, "Highest acceptable utilisation."),
              new RuleInfo.Option("minPods", 2.0, "Pods | at least.")));

  @Test
  void pageHasTheSectionsInOrder() {
    String page = RuleDocs.page(PLAIN);
    assertThat(page)
        .startsWith(RulePage.NOTICE + "# min-idle-exceeds-max\n\nMinimum idle exceeds")
        .containsSubsequence(
            "| Default severity | Needs | Options |",
            "| warning | config | none |",
            "## Why\n\nHikariCP sets minimumIdle",
            "## How to fix\n\nLower minimum-idle.\n",
            "## Example\n\n```yaml\nspring:\n",
            "      minimum-idle: 20\n```\n",
            "## Configuration\n",
            "```yaml\nrules:\n  min-idle-exceeds-max: { severity: warning }\n```\n",
            "```yaml\n# poolguard:ignore min-idle-exceeds-max -- reason\n```\n")
        .endsWith("```\n")
        .doesNotContain("\r", "\n\n\n", "Threshold");
  }

  @Test
  void optionsAppearWithTheirDefaults() {
    String page = RuleDocs.page(WITH_OPTIONS);
    assertThat(page)
        .contains(
            "| warning | config, capacity model | maxUtilisation (default 0.8), minPods (default 2) |",
            "pool-utilisation-high: { severity: warning, maxUtilisation: 0.8, minPods: 2 }",
            "| `maxUtilisation` | 0.8 | Highest acceptable utilisation. |",
            "| `minPods` | 2 | Pods \\| at least. |");
    assertThat(RuleDocs.explain(WITH_OPTIONS))
        .contains(
            "  Options           maxUtilisation (default 0.8), minPods (default 2)\n",
            "    maxUtilisation (default 0.8): Highest acceptable utilisation.\n");
  }

  @Test
  void proseIsEscapedSoItRendersAsWritten() {
    String page = RuleDocs.page(WITH_OPTIONS);
    assertThat(page)
        .contains(
            "\n\nPool | utilisation \\*above\\* the limit\n\n",
            "spring.datasource.hikari.\\* and \\<pool> with \\_underscores\\_ and a \\`tick\\`.",
            "SPRING_DATASOURCE_HIKARI stays readable; \\&amp; is not",
            "\n\\# not a heading\n1\\. not a list\n");
  }

  @Test
  void anExampleWithBackticksGetsALongerFence() {
    assertThat(RuleDocs.page(WITH_OPTIONS)).contains("````yaml\na: ```\n````\n");
  }

  @Test
  void explainIsPlainTextWrappedAtEightyColumns() {
    String text = RuleDocs.explain(WITH_OPTIONS);
    assertThat(text)
        .startsWith("pool-utilisation-high: Pool | utilisation *above* the limit\n\n")
        .contains(
            "\nWhy\n  Keys under spring.datasource.hikari.* and <pool>", "\n  # not a heading\n")
        .contains("\nExample\n    a: ```\n")
        .contains(
            "      pool-utilisation-high: { severity: warning, maxUtilisation: 0.8, minPods: 2 }")
        .contains("    # poolguard:ignore pool-utilisation-high -- reason\n")
        .doesNotContain("`error`")
        .endsWith("\n");
    assertThat(text.lines().filter(l -> !l.contains("{ severity")))
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
  }

  @Test
  void indexAndReadmeTablesLinkEveryPage() {
    List<RuleInfo> rules = List.of(PLAIN, WITH_OPTIONS);
    assertThat(RuleDocs.index(rules))
        .contains(
            "| Rule | Default | What it finds |\n|---|---|---|\n"
                + "| [min-idle-exceeds-max](rules/min-idle-exceeds-max.md) | warning |"
                + " Minimum idle exceeds the pool maximum |\n"
                + "| [pool-utilisation-high](rules/pool-utilisation-high.md) | warning |"
                + " Pool \\| utilisation \\*above\\* the limit |\n")
        .endsWith("|\n");
    String readme = "# x\n\n<!-- rules:start -->\nRULES_TABLE\n<!-- rules:end -->\n\nmore\n";
    assertThat(RuleDocs.readme(readme, List.of(PLAIN)))
        .isEqualTo(
            "# x\n\n<!-- rules:start -->\n| Rule | Default | What it finds |\n|---|---|---|\n"
                + "| [min-idle-exceeds-max](docs/rules/min-idle-exceeds-max.md) | warning |"
                + " Minimum idle exceeds the pool maximum |\n"
                + "<!-- rules:end -->\n\nmore\n");
  }

  @Test
  void readmeWithoutMarkersIsRefused() {
    assertThatThrownBy(
            () -> RuleDocs.readme("<!-- rules:end -->\n<!-- rules:start -->\n", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in that order");
  }

  @Test
  void listAlignsColumns() {
    assertThat(RuleDocs.list(List.of(PLAIN, WITH_OPTIONS)))
        .isEqualTo(
            """
            min-idle-exceeds-max   warning  Minimum idle exceeds the pool maximum
            pool-utilisation-high  warning  Pool | utilisation *above* the limit
            """);
  }

  @Test
  void numbersAreLocaleIndependent() {
    assertThat(Wording.number(0.8)).isEqualTo("0.8");
    assertThat(Wording.number(200)).isEqualTo("200");
    assertThat(Wording.number(1e-7)).isEqualTo("0.0000001");
    assertThat(Wording.number(-2.5)).isEqualTo("-2.5");
  }
}
