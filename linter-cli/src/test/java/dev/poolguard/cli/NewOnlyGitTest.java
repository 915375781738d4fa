package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --staged --new-only} as a team adopting poolguard with an existing finding runs it: a
 * real git repository, the real git binary, the CLI as a real process.
 */
class NewOnlyGitTest {

  @TempDir Path repo;

  @BeforeEach
  void commitAnExistingFinding() throws Exception {
    git("init", "-q", "-b", "main");
    write("orders/src/main/resources/application.yml", pool(40, 50));
    git("add", ".");
    git("commit", "-q", "-m", "minimum-idle above the pool: an existing finding");
  }

  @Test
  void theExistingFindingFailsWithoutNewOnly() throws Exception {
    write("docs/README.md", "# orders\n");
    git("add", ".");
    CliRun run = lint("--staged", "--fail-on", "warning");
    assertThat(run.out()).contains("[min-idle-exceeds-max]");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
  }

  @Test
  void aDocsOnlyCommitPassesWithTheExistingFindingNotShown() throws Exception {
    write("docs/README.md", "# orders\n");
    git("add", ".");
    CliRun run = lint("--staged", "--new-only", "--fail-on", "warning");
    assertThat(run.out())
        .doesNotContain("[min-idle-exceeds-max]")
        .contains("1 existing finding not shown (--new-only)");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
  }

  @Test
  void existingFindingsAreExternalSuppressionsInSarif() throws Exception {
    write("docs/README.md", "# orders\n");
    git("add", ".");
    CliRun run = lint("--staged", "--new-only", "--fail-on", "warning", "-f", "sarif");
    assertThat(run.out())
        .contains("\"external\"", "also found in baseline", "min-idle-exceeds-max");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void aNewShrinkIsStillRefused() throws Exception {
    write("orders/src/main/resources/application.yml", pool(10, 50));
    git("add", ".");
    CliRun run = lint("--staged", "--new-only", "--fail-on", "warning");
    assertThat(run.out()).contains("[pool-max-reduced]", "lowered to 10");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
  }

  @Test
  void aFindingWhoseJudgedValueChangedIsNew() throws Exception {
    write("orders/src/main/resources/application.yml", pool(40, 60));
    git("add", ".");
    CliRun run = lint("--staged", "--new-only", "--fail-on", "warning");
    assertThat(run.out()).contains("[min-idle-exceeds-max]");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
  }

  @Test
  void newOnlyWithoutAnyBaselineSaysWhatToGive() throws Exception {
    CliRun run = lint("--new-only");
    assertThat(run.err()).contains("--new-only needs a baseline").doesNotContain("Exception");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  private CliRun lint(String... args) throws Exception {
    List<String> all = new java.util.ArrayList<>(List.of("lint"));
    all.addAll(List.of(args));
    return CliRun.process(repo, Map.of(), all.toArray(String[]::new));
  }

  private void git(String... args) throws Exception {
    Git.run(repo, args);
  }

  private void write(String relative, String text) throws IOException {
    Path file = repo.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String pool(int max, int minIdle) {
    return "spring:\n  datasource:\n    url: jdbc:postgresql://db/orders\n    hikari:\n"
        + "      maximum-pool-size: "
        + max
        + "\n      minimum-idle: "
        + minIdle
        + "\n";
  }
}
