package dev.poolguard.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleInfoBuilderTest {

  @Test
  @SuppressWarnings("deprecation") // the positional constructor is what the builder must match
  void buildsTheSameMetadataAsThePositionalConstructor() {
    RuleInfo built =
        RuleInfo.builder("pool-too-big")
            .title("Pool too big")
            .severity(Severity.WARNING)
            .needs(RuleInfo.Need.CONFIG, RuleInfo.Need.CAPACITY_MODEL)
            .rationale("Why.")
            .remediation("What to do.")
            .example("spring: {}\n")
            .option("max", 50, "largest pool")
            .option("min", 1, "smallest pool")
            .build();
    assertThat(built)
        .isEqualTo(
            new RuleInfo(
                "pool-too-big",
                "Pool too big",
                Severity.WARNING,
                Set.of(RuleInfo.Need.CONFIG, RuleInfo.Need.CAPACITY_MODEL),
                "Why.",
                "What to do.",
                "spring: {}\n",
                List.of(
                    new RuleInfo.Option("max", 50, "largest pool"),
                    new RuleInfo.Option("min", 1, "smallest pool"))));
  }

  @Test
  void namesAMissingFieldAndChecksTheId() {
    assertThatThrownBy(() -> RuleInfo.builder("r").needs(RuleInfo.Need.CONFIG).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("title");
    assertThatThrownBy(() -> RuleInfo.builder("r").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("needs");
    assertThatThrownBy(
            () ->
                RuleInfo.builder("Not_Kebab")
                    .title("t")
                    .severity(Severity.NOTE)
                    .needs(RuleInfo.Need.CONFIG)
                    .rationale("r")
                    .remediation("r")
                    .example("e")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kebab-case");
  }
}
