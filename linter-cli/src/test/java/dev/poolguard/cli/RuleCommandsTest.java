package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.engine.RuleSet;
import dev.poolguard.core.rule.RuleInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** {@code poolguard explain} and {@code poolguard rules}, for every rule on the class path. */
class RuleCommandsTest {

  private static final List<RuleInfo> RULES =
      RuleSet.load(RuleCommandsTest.class.getClassLoader()).infos();

  @TempDir Path dir;

  @Test
  void rulesAreOnTheClassPath() {
    assertThat(RULES).isNotEmpty();
  }

  @TestFactory
  Stream<DynamicTest> explainShowsTheWholeMetadataOfEveryRule() {
    return RULES.stream()
        .map(
            rule ->
                DynamicTest.dynamicTest(
                    rule.id(),
                    () -> {
                      CliRun run = CliRun.inProcess(dir, "explain", rule.id());
                      assertThat(run.exitCode()).isZero();
                      assertThat(run.err()).isEmpty();
                      assertThat(run.out()).startsWith(rule.id() + ": " + rule.title() + "\n");
                      String words = words(run.out());
                      assertThat(words)
                          .contains(
                              words(rule.rationale()),
                              words(rule.remediation()),
                              "Default severity " + rule.defaultSeverity().id(),
                              rule.needs().contains(RuleInfo.Need.SUPPRESSIONS)
                                  ? "cannot be ignored inline or waived"
                                  : "# poolguard:ignore " + rule.id() + " -- reason");
                      rule.example()
                          .lines()
                          .filter(line -> !line.isBlank())
                          .forEach(line -> assertThat(run.out()).contains("    " + line + "\n"));
                      assertThat(run.out()).endsWith("\n").doesNotContain("\r");
                    }));
  }

  @Test
  void explainOfAnUnknownIdIsExitTwoWithASuggestion() {
    String id = RULES.get(0).id();
    CliRun run = CliRun.inProcess(dir, "explain", id + "z");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).hasLineCount(1).contains("'" + id + "z'", "did you mean '" + id + "'?");
  }

  @Test
  void explainOfAnUnknownIdPrintsNoStackTraceAtTheProcessBoundary() throws Exception {
    CliRun run = CliRun.process(dir, Map.of(), "explain", "no-such-rule");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).startsWith("poolguard: error: unknown rule id");
  }

  @Test
  void rulesListsEveryRuleInAlignedColumns() {
    CliRun run = CliRun.inProcess(dir, "rules");
    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSameSizeAs(RULES);
    int titleColumn = lines.get(0).indexOf(RULES.get(0).title());
    for (int i = 0; i < RULES.size(); i++) {
      RuleInfo rule = RULES.get(i);
      assertThat(lines.get(i))
          .matches(
              Pattern.quote(rule.id())
                  + " +"
                  + rule.defaultSeverity().id()
                  + " +"
                  + Pattern.quote(rule.title()));
      assertThat(lines.get(i).indexOf(rule.title())).isEqualTo(titleColumn);
    }
  }

  @Test
  void rulesAsMarkdownIsTheIndexTable() {
    CliRun run = CliRun.inProcess(dir, "rules", "--format", "markdown");
    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(RULES.size() + 2);
    assertThat(lines.get(1)).isEqualTo("|---|---|---|");
    for (int i = 0; i < RULES.size(); i++) {
      RuleInfo rule = RULES.get(i);
      assertThat(lines.get(i + 2))
          .startsWith(
              "| [" + rule.id() + "](rules/" + rule.id() + ".md) | " + rule.defaultSeverity().id());
    }
  }

  @Test
  void helpListsTheCommandsAndTheirExitCodes() {
    assertThat(CliRun.inProcess(dir).out()).contains("explain", "rules");
    for (String command : List.of("explain", "rules")) {
      CliRun run = CliRun.inProcess(dir, command, "--help");
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("Usage: poolguard " + command, "Exit codes:", "0", "2");
    }
  }

  private static String words(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
