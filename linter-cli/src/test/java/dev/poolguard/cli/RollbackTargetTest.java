package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown and HTML reports name the baseline as the rollback target: the git command that
 * restores the files now setting changed values, and the known-good values; running that command in
 * a real repository takes the pool back, and lint passes again.
 */
class RollbackTargetTest {

  @TempDir Path repo;

  @Test
  void theReportedCommandRestoresTheLastKnownGoodPool() throws Exception {
    Path app = repo.resolve("orders/src/main/resources/application.yml");
    Files.createDirectories(app.getParent());
    Files.writeString(
        app,
        "spring:\n  datasource:\n    url: jdbc:postgresql://db/orders\n    hikari:\n"
            + "      maximum-pool-size: 40\n");
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-q", "-m", "pool 40");
    Files.writeString(app, Files.readString(app).replace("size: 40", "size: 10"));

    CliRun markdown = lint("--baseline", "HEAD", "-f", "markdown", "--fail-on", "never");
    String head = CliRun.command(repo, Git.ENV, List.of("git", "rev-parse", "HEAD")).out().strip();
    String command =
        "git checkout " + head.substring(0, 12) + " -- orders/src/main/resources/application.yml";
    assertThat(markdown.out())
        .contains("#### Rollback target: `HEAD`")
        .contains(command)
        .contains(
            "- maximum-pool-size of orders (default): 40, set at"
                + " orders/src/main/resources/application.yml:5");
    CliRun html = lint("--baseline", "HEAD", "-f", "html", "--fail-on", "never");
    assertThat(html.out())
        .contains("<h3>Rollback target: <code>HEAD</code></h3>")
        .contains(command);

    List<String> restore = List.of(command.split(" "));
    assertThat(CliRun.command(repo, Git.ENV, restore).exitCode()).isZero();
    assertThat(Files.readString(app)).contains("maximum-pool-size: 40");
    CliRun after = lint("--baseline", "HEAD", "--fail-on", "warning");
    assertThat(after.exitCode()).as(after.out()).isZero();
  }

  private CliRun lint(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("lint"));
    all.addAll(List.of(args));
    return CliRun.inProcess(repo, all.toArray(String[]::new));
  }

  private void git(String... args) throws Exception {
    Git.run(repo, args);
  }
}
