package dev.poolguard.core.config;

import static dev.poolguard.core.config.Trees.assertUnparseable;
import static dev.poolguard.core.config.Trees.node;
import static dev.poolguard.core.config.Trees.single;
import static dev.poolguard.core.config.Trees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Hostile YAML ends as a problem, never as a StackOverflowError or an exhausted heap. */
class YamlLimitsTest {

  private static final String DEPTH_200 = "nesting deeper than 200 levels (limits.maxYamlDepth)";

  /** A block mapping nested {@code levels} deep, one space of indentation per level. */
  private static String blockMap(int levels) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < levels; i++) {
      text.append(" ".repeat(i)).append("k:\n");
    }
    return text.append(" ".repeat(levels)).append("v\n").toString();
  }

  @Test
  void hundredThousandOpenBracketsAreAProblem() {
    assertUnparseable(yaml("[".repeat(100_000)), DEPTH_200, "1:201");
  }

  @Test
  void hundredThousandNestedFlowMappingsAreAProblem() {
    assertUnparseable(yaml("{a: ".repeat(100_000)), DEPTH_200, "1:801");
  }

  @Test
  void hundredThousandNestedBlockSequencesAreAProblem() {
    assertUnparseable(yaml("- ".repeat(100_000) + "x\n"), DEPTH_200, "1:401");
  }

  @Test
  void deepBlockMappingIsAProblemAtTheFirstLevelTooDeep() {
    assertUnparseable(yaml(blockMap(2000)), DEPTH_200, "201:201");
  }

  @Test
  void theLimitItselfIsAllowed() {
    assertThat(yaml(blockMap(200)).problems()).isEmpty();
    assertThat(yaml("[".repeat(200) + "]".repeat(200)).problems()).isEmpty();
    assertUnparseable(yaml("[".repeat(201) + "]".repeat(201)), DEPTH_200, "1:201");
  }

  @Test
  void aConfiguredLimitIsUsedAndCappedWhereTheStackWouldSuffer() {
    assertUnparseable(
        yaml("[".repeat(11), new Limits(1 << 20, 10, 10, 100)),
        "nesting deeper than 10 levels (limits.maxYamlDepth)",
        "1:11");
    assertUnparseable(
        yaml("[".repeat(100_000), new Limits(1 << 20, 10, 1_000_000, 100)),
        "nesting deeper than 1000 levels (limits.maxYamlDepth is capped at 1000)",
        "1:1001");
  }

  /** Deep documents are composed on a thread with a known stack, not on the caller's. */
  @Test
  void deepButAllowedDocumentsLoadOnASmallCallerStack() throws InterruptedException {
    Limits deep = new Limits(1 << 22, 10, 1_000_000, 100);
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                outcome.set(yaml(blockMap(1000), deep));
              } catch (Throwable t) {
                outcome.set(t);
              }
            },
            "small-stack",
            128 * 1024);
    small.start();
    small.join();
    assertThat(outcome.get()).isInstanceOf(ConfigFile.class);
    ConfigFile file = (ConfigFile) outcome.get();
    assertThat(file.problems()).isEmpty();
    assertThat(file.documents()).hasSize(1);
  }

  @Test
  void moreAliasesThanTheLimitIsAProblemAtTheFirstExtraAlias() {
    String hundred = "a: &a 1\nl: [" + "*a, ".repeat(99) + "*a]\n";
    assertThat(yaml(hundred).problems()).isEmpty();
    String more = "a: &a 1\nl: [" + "*a, ".repeat(100) + "*a]\n";
    assertUnparseable(
        yaml(more), "more than 100 aliases in one document (limits.maxAliases)", "2:405");
  }

  @Test
  void aliasesAreCountedPerDocument() {
    String doc = "a: &a 1\nl: [" + "*a, ".repeat(59) + "*a]\n";
    ConfigFile file = yaml(doc + "---\n" + doc);
    assertThat(file.problems()).isEmpty();
    assertThat(file.documents()).hasSize(2);
  }

  @Test
  void billionLaughsIsAProblemNotAnExhaustedHeap() {
    StringBuilder text =
        new StringBuilder("lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      text.append("lol").append(i).append(": &lol").append(i).append(" [");
      text.append(("*lol" + (i - 1) + ", ").repeat(9)).append("*lol").append(i - 1).append("]\n");
    }
    ConfigFile file = yaml(text.toString());
    // Reported at the top-level entry that crosses the budget: lol5 (about 10^6 nodes).
    assertUnparseable(file, "aliases expand this file to more than 1000000 nodes", "6:1");
  }

  @Test
  void mergeChainsDoNotExpandExponentially() {
    // Each level merges the previous one ten times: merged keys collapse, so this is small.
    StringBuilder text = new StringBuilder("m0: &m0 {a: 1, b: 2}\n");
    for (int i = 1; i <= 9; i++) {
      text.append("m").append(i).append(": &m").append(i).append(" {<<: [");
      text.append(("*m" + (i - 1) + ", ").repeat(9)).append("*m").append(i - 1).append("]}\n");
    }
    MapNode doc = single(yaml(text.toString()));
    assertThat(Trees.keys(node(doc, "m9"))).containsExactly("a", "b");
  }

  @Test
  void recursiveAliasesAreAProblemAtTheAlias() {
    assertUnparseable(
        yaml("&a [*a]"), "recursive alias *a refers to a collection that contains it", "1:5");
    assertUnparseable(yaml("a: &a\n  b: *a\n"), "recursive alias *a", "2:6");
    assertUnparseable(yaml("a: &a\n  <<: *a\n"), "recursive alias *a", "2:7");
    assertUnparseable(yaml("a: &a\n  - [1, [*a]]\n"), "recursive alias *a", "2:10");
  }

  @Test
  void aRedefinedAnchorIsNotRecursive() {
    MapNode doc = single(yaml("a: &a\n  - &a 1\n  - *a\n"));
    assertThat(Trees.value(doc, "a", "1")).isEqualTo("1");
  }

  @Test
  void aliasesThatNestTooDeepOnceExpandedAreAProblem() {
    Limits five = new Limits(1 << 20, 10, 5, 100);
    assertThat(yaml("a: &a [[[1]]]\nb: [*a]\n", five).problems()).isEmpty();
    assertUnparseable(
        yaml("a: &a [[[1]]]\nb: [[*a]]\n", five),
        "nesting deeper than 5 levels (limits.maxYamlDepth) once alias *a is expanded",
        "2:6");
  }

  @Test
  void theCodePointLimitFollowsMaxFileBytes() {
    ConfigFile file = yaml("a: " + "x".repeat(200) + "\n", new Limits(100, 10, 200, 100));
    assertThat(file.parsed()).isFalse();
    assertThat(file.problems().get(0).message()).contains("100");
  }
}
